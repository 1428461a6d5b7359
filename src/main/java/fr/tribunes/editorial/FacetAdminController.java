package fr.tribunes.editorial;

import fr.tribunes.article.Publishers;
import fr.tribunes.author.AuthorRef;
import fr.tribunes.author.Authors;
import fr.tribunes.facet.Facet;
import fr.tribunes.facet.FacetDirectory;
import fr.tribunes.organisation.Organisations;
import fr.tribunes.topic.Topics;
import fr.tribunes.typography.Slugs;
import fr.tribunes.typography.TypedText;
import fr.tribunes.web.NotFoundException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Authors, themes and organisations in the back office: list, create, rename (the former address keeps
 * answering with a redirect) and describe.
 */
@Controller
class FacetAdminController {

    static final String LIST_VIEW = "editorial/facets";

    static final String FORM_VIEW = "editorial/facet-form";

    /** The kinds, by the word used in their addresses (their labels are in messages.properties). */
    enum Kind {
        auteurs("/auteurs/"),
        themes("/themes/"),
        organisations("/organisations/");

        final String publicPath;

        Kind(String publicPath) {
            this.publicPath = publicPath;
        }

        public String publicPath() {
            return publicPath;
        }
    }

    private final Map<Kind, FacetDirectory<?, ?>> directories = new LinkedHashMap<>();

    private final MessageSource messages;

    private final Authors authors;

    private final Publishers publishers;

    FacetAdminController(
            Authors authors,
            Topics topics,
            Organisations organisations,
            Publishers publishers,
            MessageSource messages) {
        this.messages = messages;
        this.authors = authors;
        this.publishers = publishers;
        directories.put(Kind.auteurs, authors);
        directories.put(Kind.themes, topics);
        directories.put(Kind.organisations, organisations);
    }

    @InitBinder("form")
    void allowedFields(WebDataBinder binder) {
        binder.setAllowedFields("name", "slug", "description", "familyName", "givenNames");
    }

    @GetMapping("/admin/facettes")
    String list(Model model) {
        Map<Kind, Object> lists = new LinkedHashMap<>();
        directories.forEach((kind, directory) -> lists.put(kind, directory.findAll()));
        model.addAttribute("lists", lists);
        model.addAttribute("publishers", publishers.all());
        return LIST_VIEW;
    }

    @GetMapping("/admin/facettes/{kind}/nouveau")
    String create(@PathVariable String kind, Model model) {
        return form(model, kind(kind), null, new FacetForm(), Map.of());
    }

    @PostMapping("/admin/facettes/{kind}/nouveau")
    String create(
            @PathVariable String kind, @ModelAttribute("form") FacetForm form, Model model, RedirectAttributes flash) {
        Kind which = kind(kind);
        FacetDirectory<?, ?> directory = directories.get(which);
        String slug = strip(form.getSlug());
        Map<String, String> errors = check(form, slug, directory, null);
        if (!errors.isEmpty()) {
            return form(model, which, null, form, errors);
        }
        Facet created = directory.create(strip(form.getName()), slug);
        directory.update(created.id(), created.name(), created.slug(), strip(form.getDescription()));
        if (which == Kind.auteurs) {
            authors.nameParts(created.id(), strip(form.getFamilyName()), strip(form.getGivenNames()));
        }
        flash.addFlashAttribute("done", message("editorial.facets.created", created.name()));
        return "redirect:/admin/facettes/" + which.name() + "/" + created.id();
    }

    @GetMapping("/admin/facettes/{kind}/{id}")
    String edit(@PathVariable String kind, @PathVariable String id, Model model) {
        Kind which = kind(kind);
        FacetDirectory.Details<?> details = details(which, id);
        Facet facet = (Facet) details.facet();
        FacetForm form = new FacetForm();
        form.setName(facet.name());
        form.setSlug(facet.slug());
        form.setDescription(details.description() == null ? "" : details.description());
        if (facet instanceof AuthorRef author) {
            form.setFamilyName(author.familyName() == null ? "" : author.familyName());
            form.setGivenNames(author.givenNames() == null ? "" : author.givenNames());
        }
        return form(model, which, facet, form, Map.of());
    }

    @PostMapping("/admin/facettes/{kind}/{id}")
    String save(
            @PathVariable String kind,
            @PathVariable String id,
            @ModelAttribute("form") FacetForm form,
            Model model,
            RedirectAttributes flash) {
        Kind which = kind(kind);
        Facet facet = (Facet) details(which, id).facet();
        FacetDirectory<?, ?> directory = directories.get(which);
        String slug = strip(form.getSlug());
        Map<String, String> errors = check(form, slug, directory, facet);
        if (slug == null) {
            errors.put("slug", message("editorial.facets.slug.missing"));
        }
        if (!errors.isEmpty()) {
            return form(model, which, facet, form, errors);
        }
        directory.update(facet.id(), strip(form.getName()), slug, strip(form.getDescription()));
        if (which == Kind.auteurs) {
            authors.nameParts(facet.id(), strip(form.getFamilyName()), strip(form.getGivenNames()));
        }
        flash.addFlashAttribute(
                "done", message(slug.equals(facet.slug()) ? "editorial.facets.saved" : "editorial.facets.saved.moved"));
        return "redirect:/admin/facettes/" + which.name() + "/" + facet.id();
    }

    private Map<String, String> check(FacetForm form, String slug, FacetDirectory<?, ?> directory, Facet current) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = strip(form.getName());
        if (name == null) {
            errors.put("name", message("editorial.facets.name.missing"));
        } else if (name.length() > FacetDirectory.MAX_NAME) {
            errors.put("name", message("editorial.facets.name.long", String.valueOf(FacetDirectory.MAX_NAME)));
        } else if (TypedText.breaksLines(name)) {
            errors.put("name", message("editorial.facets.name.lines"));
        }
        if (slug != null) {
            if (!Slugs.isValid(slug) || slug.length() > FacetDirectory.MAX_SLUG) {
                errors.put("slug", message("editorial.facets.slug.invalid"));
            } else if ((current == null || !current.slug().equals(slug)) && !directory.isFree(slug)) {
                errors.put("slug", message("editorial.facets.slug.taken", slug));
            }
        }
        if (directory == authors) {
            checkNamePart(errors, "familyName", strip(form.getFamilyName()));
            checkNamePart(errors, "givenNames", strip(form.getGivenNames()));
            if (strip(form.getFamilyName()) == null && strip(form.getGivenNames()) != null) {
                errors.putIfAbsent("familyName", message("editorial.facets.family-name.missing"));
            }
        }
        String description = form.getDescription();
        if (description != null && description.length() > FacetDirectory.MAX_DESCRIPTION) {
            errors.put(
                    "description",
                    message("editorial.facets.description.long", String.valueOf(FacetDirectory.MAX_DESCRIPTION)));
        }
        return errors;
    }

    private void checkNamePart(Map<String, String> errors, String field, String value) {
        if (value == null) {
            return;
        }
        if (value.length() > Authors.MAX_NAME_PART) {
            errors.put(field, message("editorial.facets.name-part.long", String.valueOf(Authors.MAX_NAME_PART)));
        } else if (TypedText.breaksLines(value)) {
            errors.put(field, message("editorial.facets.name-part.lines"));
        }
    }

    /** A message from messages.properties; numbers are passed as strings, so that 1000 is not printed « 1 000 ». */
    private String message(String code, Object... arguments) {
        return messages.getMessage(code, arguments, Locale.FRENCH);
    }

    private String form(Model model, Kind kind, Facet facet, FacetForm form, Map<String, String> errors) {
        model.addAttribute("kind", kind);
        model.addAttribute("facet", facet);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return FORM_VIEW;
    }

    private FacetDirectory.Details<?> details(Kind kind, String id) {
        if (!id.matches("[0-9]{1,18}")) {
            throw new NotFoundException("Aucune fiche n’a le numéro « %s ».".formatted(id));
        }
        return directories
                .get(kind)
                .findDetails(Long.parseLong(id))
                .orElseThrow(() -> new NotFoundException("Aucune fiche n’a le numéro « %s ».".formatted(id)));
    }

    private static Kind kind(String kind) {
        for (Kind value : Kind.values()) {
            if (value.name().equals(kind)) {
                return value;
            }
        }
        throw new NotFoundException("Aucune liste « %s » : auteurs, themes ou organisations.".formatted(kind));
    }

    private static String strip(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
