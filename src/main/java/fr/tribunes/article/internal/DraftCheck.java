package fr.tribunes.article.internal;

import fr.tribunes.article.ArticleDraft;
import fr.tribunes.article.ArticleEditor;
import fr.tribunes.article.InvalidDraftException;
import fr.tribunes.article.Rights;
import fr.tribunes.typography.Slugs;
import fr.tribunes.typography.TypedText;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Checks what an editor wrote, field by field, before anything is written: each refusal a French message from
 * {@code messages.properties} ({@code draft.*}), keyed by the form's field, so the form shows it beside the field
 * and an import names the file's line. Not Bean Validation: most checks depend on other fields or on the database
 * (a slug already taken), an import needs the first error by line, and Hibernate Validator would stay resident for
 * one form (docs/adr/0003-client-compiler-only.md, « Memory »).
 */
@Component
public class DraftCheck {

    static final int MAX_TITLE = 1000;

    public static final int MAX_SLUG = 300;

    static final int MAX_STANDFIRST = 4000;

    static final int MAX_BLOCK = 100_000;

    static final int MAX_NOTE = 1000;

    static final int MAX_PUBLISHER = 300;

    static final int MAX_URL = 2000;

    static final int MAX_RIGHTS_HOLDER = 500;

    static final int MAX_ROLE = 300;

    static final int MAX_CREDIT = 1000;

    static final int MAX_NAME = 200;

    private static final Pattern DATE = Pattern.compile("([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?");

    /** A draft that passed every check, not yet linked to records. */
    public record Checked(
            ArticleDraft draft,
            String slug,
            PublicationDate date,
            List<ArticleBlock> blocks,
            List<ArticleDraft.Byline> bylines,
            List<String> themes,
            List<ArticleDraft.Mentioned> organisations,
            String reason) {}

    private final EditableArticleRepository articles;

    private final MessageSource messages;

    DraftCheck(EditableArticleRepository articles, MessageSource messages) {
        this.articles = articles;
        this.messages = messages;
    }

    /**
     * @param id the op-ed being edited, or null for a new one
     * @param reason the correction's reason as typed
     * @param reasonRequired whether the op-ed is published, so that its correction must say why
     * @throws InvalidDraftException with every field at fault and why
     */
    public Checked check(ArticleDraft draft, Long id, String reason, boolean reasonRequired)
            throws InvalidDraftException {
        Errors errors = new Errors();
        String title = strip(draft.title());
        if (title == null) {
            errors.put("title", "draft.title.missing");
        } else if (title.length() > MAX_TITLE) {
            errors.put("title", "draft.title.long", MAX_TITLE);
        }
        String slug = strip(draft.slug());
        if (slug == null) {
            slug = freeSlug(title == null ? "" : title, id);
            if (slug.isEmpty() && title != null) {
                errors.put("slug", "draft.slug.none");
            }
        } else if (!Slugs.isValid(slug) || slug.length() > MAX_SLUG) {
            errors.put("slug", "draft.slug.invalid", MAX_SLUG);
        } else if (articles.findBySlug(slug)
                .filter(other -> !other.id().equals(id))
                .isPresent()) {
            errors.put("slug", "draft.slug.taken", slug);
        }
        String standfirst = strip(draft.standfirst());
        if (standfirst != null && standfirst.length() > MAX_STANDFIRST) {
            errors.put("standfirst", "draft.standfirst.long", MAX_STANDFIRST);
        }
        List<ArticleBlock> blocks = ArticleText.parse(draft.text());
        if (blocks.isEmpty()) {
            errors.put("text", "draft.text.empty");
        } else if (blocks.stream().anyMatch(b -> b.body().length() > MAX_BLOCK)) {
            errors.put("text", "draft.text.long", MAX_BLOCK);
        }
        PublicationDate date = null;
        String dateText = strip(draft.date());
        if (dateText == null) {
            errors.put("date", "draft.date.missing");
        } else {
            date = parseDate(dateText, draft.dateApproximate());
            if (date == null) {
                errors.put("date", "draft.date.invalid", dateText);
            }
        }
        String note = strip(draft.dateNote());
        if (note != null && note.length() > MAX_NOTE) {
            errors.put("dateNote", "draft.date-note.long", MAX_NOTE);
        }
        String publisher = strip(draft.originalPublisher());
        if (publisher != null && publisher.length() > MAX_PUBLISHER) {
            errors.put("originalPublisher", "draft.publisher.long", MAX_PUBLISHER);
        }
        String url = strip(draft.originalUrl());
        if (url != null && !isWebAddress(url)) {
            errors.put("originalUrl", "draft.url.invalid");
        }
        Rights rights = draft.rights();
        String holder = strip(rights.holder());
        String license = strip(rights.license());
        if (holder != null && holder.length() > MAX_RIGHTS_HOLDER) {
            errors.put("rightsHolder", "draft.rights.holder.long", MAX_RIGHTS_HOLDER);
        }
        errors.oneLine("rightsHolder", "draft.line.rights-holder", holder);
        if (rights.basis() == Rights.Basis.LICENSE && license == null) {
            errors.put("rightsLicense", "draft.rights.license.missing");
        } else if (license != null && rights.basis() != Rights.Basis.LICENSE) {
            errors.put("rightsLicense", "draft.rights.license.unexpected");
        } else if (license != null && (!isWebAddress(license) || license.length() > MAX_URL)) {
            errors.put("rightsLicense", "draft.rights.license.invalid");
        }
        errors.oneLine("title", "draft.line.title", title);
        errors.oneLine("dateNote", "draft.line.date-note", note);
        errors.oneLine("originalPublisher", "draft.line.publisher", publisher);
        errors.oneLine("originalUrl", "draft.line.url", url);
        List<ArticleDraft.Byline> bylines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ArticleDraft.Byline byline : draft.bylines()) {
            String author = strip(byline.author());
            String role = strip(byline.role());
            String organisation = strip(byline.organisation());
            String credit = strip(byline.credit());
            if (author == null && role == null && organisation == null && credit == null) {
                continue;
            }
            if (author == null) {
                errors.put("bylines", "draft.byline.author-missing");
            } else if (author.length() > MAX_NAME || lengthOver(role, MAX_ROLE) || lengthOver(organisation, MAX_NAME)) {
                errors.put("bylines", "draft.byline.long");
            } else if (lengthOver(credit, MAX_CREDIT)) {
                errors.put("bylines", "draft.byline.credit-long", MAX_CREDIT);
            } else if (!seen.add(author)) {
                errors.put("bylines", "draft.byline.twice", author);
            }
            for (String value : new String[] {author, role, organisation, credit}) {
                errors.oneLine("bylines", "draft.line.byline", value);
            }
            bylines.add(new ArticleDraft.Byline(author, strip(byline.authorSlug()), role, organisation, credit));
        }
        if (bylines.isEmpty() && !errors.has("bylines")) {
            errors.put("bylines", "draft.byline.none");
        }
        Set<String> themes = new LinkedHashSet<>();
        for (String theme : draft.themes()) {
            String name = strip(theme);
            if (name != null) {
                if (name.length() > MAX_NAME) {
                    errors.put("themes", "draft.theme.long", MAX_NAME);
                }
                errors.oneLine("themes", "draft.line.theme", name);
                themes.add(name);
            }
        }
        Map<String, ArticleDraft.Mentioned> mentioned = new LinkedHashMap<>();
        for (ArticleDraft.Mentioned organisation : draft.organisations()) {
            String name = strip(organisation.name());
            if (name != null) {
                if (name.length() > MAX_NAME) {
                    errors.put("organisations", "draft.organisation.long", MAX_NAME);
                }
                errors.oneLine("organisations", "draft.line.organisation", name);
                errors.oneLine("organisations", "draft.line.organisation", strip(organisation.writtenAs()));
                mentioned.putIfAbsent(name, new ArticleDraft.Mentioned(name, strip(organisation.writtenAs())));
            }
        }
        String why = strip(reason);
        if (reasonRequired && why == null) {
            errors.put("reason", "draft.reason.missing");
        } else if (why != null && why.length() > ArticleEditor.MAX_REASON) {
            errors.put("reason", "draft.reason.long", ArticleEditor.MAX_REASON);
        }
        if (!errors.fields.isEmpty()) {
            throw new InvalidDraftException(errors.fields);
        }
        ArticleDraft clean = new ArticleDraft(
                title,
                slug,
                standfirst,
                ArticleText.format(blocks),
                date.iso(),
                date.approximate(),
                note,
                publisher,
                url,
                bylines,
                List.copyOf(themes),
                List.copyOf(mentioned.values()),
                new Rights(holder, rights.basis(), license));
        return new Checked(
                clean,
                slug,
                date,
                blocks,
                bylines,
                List.copyOf(themes),
                List.copyOf(mentioned.values()),
                why == null ? messages.getMessage("draft.reason.default", null, Locale.FRENCH) : why);
    }

    /** The slug a title gets: its words, and a number after them when another op-ed has it. */
    public String freeSlug(String title, Long id) {
        String base = Slugs.of(title, MAX_SLUG - 4);
        if (base.isEmpty()) {
            return base;
        }
        String candidate = base;
        for (int n = 2;
                articles.findBySlug(candidate).filter(a -> !a.id().equals(id)).isPresent();
                n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    /** A date to the precision written ({@code 2015}, {@code 2015-10} or {@code 2015-10-22}), or null. */
    static PublicationDate parseDate(String text, boolean approximate) {
        Matcher matcher = DATE.matcher(text);
        if (!matcher.matches()) {
            return null;
        }
        try {
            int year = Integer.parseInt(matcher.group(1));
            if (year < 1) {
                return null;
            }
            if (matcher.group(2) == null) {
                return new PublicationDate(LocalDate.of(year, 1, 1), DatePrecision.YEAR, approximate);
            }
            int month = Integer.parseInt(matcher.group(2));
            if (matcher.group(3) == null) {
                return new PublicationDate(LocalDate.of(year, month, 1), DatePrecision.MONTH, approximate);
            }
            return new PublicationDate(
                    LocalDate.of(year, month, Integer.parseInt(matcher.group(3))), DatePrecision.DAY, approximate);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static boolean isWebAddress(String url) {
        if (url.length() > MAX_URL) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean lengthOver(String value, int max) {
        return value != null && value.length() > max;
    }

    /** Outer white space removed; null when nothing is left. */
    private static String strip(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    /** The refusals so far, one per field: the first found for a field is the one told. */
    private final class Errors {

        final Map<String, String> fields = new LinkedHashMap<>();

        /** Sets the field's refusal (a later one replaces an earlier one, as the checks go from general to exact). */
        void put(String field, String code, Object... arguments) {
            // Numbers as written in the code (« 1000 caractères »), not grouped by MessageFormat.
            Object[] shown = Arrays.stream(arguments)
                    .map(a -> a instanceof Number ? a.toString() : a)
                    .toArray();
            fields.put(field, messages.getMessage(code, shown, Locale.FRENCH));
        }

        boolean has(String field) {
            return fields.containsKey(field);
        }

        /** A field that holds on one line, refused if it breaks lines, unless already refused for another reason. */
        void oneLine(String field, String what, String value) {
            if (TypedText.breaksLines(value) && !has(field)) {
                fields.put(
                        field,
                        messages.getMessage(
                                "draft.one-line",
                                new Object[] {messages.getMessage(what, null, Locale.FRENCH)},
                                Locale.FRENCH));
            }
        }
    }
}
