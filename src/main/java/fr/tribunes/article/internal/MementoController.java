package fr.tribunes.article.internal;

import fr.tribunes.article.ArticleDocument;
import fr.tribunes.article.ArticleDraft;
import fr.tribunes.article.Rights;
import fr.tribunes.web.BadRequestException;
import fr.tribunes.web.NotFoundException;
import fr.tribunes.web.SiteUrls;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * Memento (RFC 7089) for every published op-ed: its page ({@code /tribunes/{slug}}) is the original resource and
 * names the others in a {@code Link} header; {@code /tribunes/{slug}/versions} is its TimeMap
 * ({@code application/link-format}); {@code /tribunes/{slug}/versions/{n}} is version n, a Memento, with its
 * {@code Memento-Datetime}; {@code /tribunes/{slug}/memento} is its TimeGate, which answers {@code Accept-Datetime}
 * with a redirect to the version the archive showed at that moment (RFC 7089's pattern 2.2: the original is not
 * its own TimeGate, so its page stays the same for every reader and every cache).
 */
@Controller
class MementoController {

    static final MediaType LINK_FORMAT = MediaType.parseMediaType("application/link-format;charset=UTF-8");

    static final String MEMENTO_VIEW = "article/memento";

    /** HTTP's date format (RFC 9110's IMF-fixdate), which Memento uses: two-digit days, always GMT. */
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH);

    /** What a client may send in {@code Accept-Datetime}: RFC 1123 dates, one-digit days too. */
    private static final DateTimeFormatter ACCEPTED = DateTimeFormatter.RFC_1123_DATE_TIME;

    private final ArticleMementos mementos;

    private final SiteUrls urls;

    MementoController(ArticleMementos mementos, SiteUrls urls) {
        this.mementos = mementos;
        this.urls = urls;
    }

    /** The {@code Link} header of an op-ed's page: where its TimeGate and its TimeMap are. */
    static String originalLinks(SiteUrls urls, String slug) {
        String original = urls.absolute("/tribunes/" + slug);
        return "<" + original + "/memento>; rel=\"timegate\", <" + original
                + "/versions>; rel=\"timemap\"; type=\"application/link-format\"";
    }

    @GetMapping("/tribunes/{slug}/versions")
    ResponseEntity<String> timeMap(@PathVariable String slug) {
        ArticleMementos.TimeMap timeMap = found(slug);
        String original = urls.absolute("/tribunes/" + slug);
        List<String> links = new ArrayList<>();
        links.add("<" + original + ">;rel=\"original\"");
        links.add("<" + original + "/memento>;rel=\"timegate\"");
        links.add("<" + original + "/versions>;rel=\"self\";type=\"application/link-format\";from=\""
                + http(timeMap.first()) + "\";until=\"" + http(timeMap.last()) + "\"");
        for (ArticleMementos.Memento memento : timeMap.mementos()) {
            links.add("<" + original + "/versions/" + memento.number() + ">;rel=\"" + rel(timeMap, memento)
                    + "\";datetime=\"" + http(memento) + "\"");
        }
        return ResponseEntity.ok().contentType(LINK_FORMAT).body(String.join(",\n", links) + "\n");
    }

    @GetMapping("/tribunes/{slug}/memento")
    ResponseEntity<Void> timeGate(
            @PathVariable String slug,
            @RequestHeader(name = "Accept-Datetime", required = false) String acceptDatetime) {
        ArticleMementos.TimeMap timeMap = found(slug);
        ArticleMementos.Memento chosen = timeMap.last();
        if (acceptDatetime != null) {
            ZonedDateTime when;
            try {
                when = ZonedDateTime.parse(acceptDatetime.strip(), ACCEPTED);
            } catch (DateTimeParseException e) {
                throw new BadRequestException(("L’en-tête Accept-Datetime « %s » n’est pas une date HTTP :"
                                + " écrivez-la comme « Thu, 22 Oct 2015 12:00:00 GMT ».")
                        .formatted(acceptDatetime));
            }
            chosen = timeMap.at(when);
        }
        String original = urls.absolute("/tribunes/" + slug);
        return ResponseEntity.status(HttpStatus.FOUND)
                .location(java.net.URI.create(original + "/versions/" + chosen.number()))
                .header(HttpHeaders.VARY, "accept-datetime")
                .header(
                        HttpHeaders.LINK,
                        "<" + original + ">; rel=\"original\", <" + original
                                + "/versions>; rel=\"timemap\"; type=\"application/link-format\"")
                .build();
    }

    @GetMapping("/tribunes/{slug}/versions/{number}")
    String memento(@PathVariable String slug, @PathVariable String number, Model model, HttpServletResponse response) {
        if (!number.matches("[1-9][0-9]{0,8}")) {
            throw new BadRequestException(
                    "« %s » n’est pas un numéro de version : indiquez un nombre entier positif, par exemple 2."
                            .formatted(number));
        }
        ArticleMementos.Version version = mementos.version(slug, Integer.parseInt(number))
                .orElseThrow(() -> mementos.timeMap(slug).isPresent()
                        ? new NotFoundException("Cette tribune n’a pas de version n° %s.".formatted(number))
                        : new NotFoundException("Aucune tribune n’a l’adresse « %s ».".formatted(slug)));
        ArticleMementos.TimeMap timeMap = version.timeMap();
        ArticleMementos.Memento memento = version.memento();
        String original = urls.absolute("/tribunes/" + slug);
        response.setHeader("Memento-Datetime", http(memento));
        List<String> links = new ArrayList<>();
        links.add("<" + original + ">; rel=\"original\"");
        links.add("<" + original + "/memento>; rel=\"timegate\"");
        links.add("<" + original + "/versions>; rel=\"timemap\"; type=\"application/link-format\"");
        for (ArticleMementos.Memento other : neighbours(timeMap, memento)) {
            links.add("<" + original + "/versions/" + other.number() + ">; rel=\"" + rel(timeMap, other, memento)
                    + "\"; datetime=\"" + http(other) + "\"");
        }
        response.setHeader(HttpHeaders.LINK, String.join(", ", links));
        model.addAttribute("memento", view(version));
        return MEMENTO_VIEW;
    }

    /** The first, previous, next and last versions around one, each once. */
    private static List<ArticleMementos.Memento> neighbours(
            ArticleMementos.TimeMap timeMap, ArticleMementos.Memento shown) {
        List<ArticleMementos.Memento> all = timeMap.mementos();
        int at = all.indexOf(shown);
        List<ArticleMementos.Memento> neighbours = new ArrayList<>();
        for (ArticleMementos.Memento candidate : List.of(
                timeMap.first(),
                all.get(Math.max(0, at - 1)),
                all.get(Math.min(all.size() - 1, at + 1)),
                timeMap.last())) {
            if (!neighbours.contains(candidate)) {
                neighbours.add(candidate);
            }
        }
        return neighbours;
    }

    /** A version's relation in a TimeMap: memento, with first and last said. */
    private static String rel(ArticleMementos.TimeMap timeMap, ArticleMementos.Memento memento) {
        String rel = "memento";
        if (memento.equals(timeMap.last())) {
            rel = "last " + rel;
        }
        if (memento.equals(timeMap.first())) {
            rel = "first " + rel;
        }
        return rel;
    }

    /** A version's relation seen from another: first, last, previous, next, or the version itself. */
    private static String rel(
            ArticleMementos.TimeMap timeMap, ArticleMementos.Memento other, ArticleMementos.Memento shown) {
        List<String> rels = new ArrayList<>();
        List<ArticleMementos.Memento> all = timeMap.mementos();
        if (other.equals(timeMap.first())) {
            rels.add("first");
        }
        if (other.equals(timeMap.last())) {
            rels.add("last");
        }
        if (all.indexOf(other) == all.indexOf(shown) - 1) {
            rels.add("prev");
        }
        if (all.indexOf(other) == all.indexOf(shown) + 1) {
            rels.add("next");
        }
        rels.add("memento");
        return String.join(" ", rels);
    }

    private ArticleMementos.TimeMap found(String slug) {
        return mementos.timeMap(slug)
                .orElseThrow(() -> new NotFoundException("Aucune tribune n’a l’adresse « %s ».".formatted(slug)));
    }

    private static String http(ArticleMementos.Memento memento) {
        return HTTP_DATE.format(memento.datetime().atZone(ZoneOffset.UTC));
    }

    /**
     * A version as its page shows it.
     *
     * @param current whether it is the op-ed as it is now
     * @param savedOn when the archive saved it, in French
     */
    record MementoView(
            String slug,
            int number,
            int versions,
            boolean current,
            String savedOn,
            String title,
            String standfirst,
            String date,
            String isoDate,
            boolean dateApproximate,
            List<ArticleDraft.Byline> bylines,
            List<ArticleDocument.Block> blocks,
            String originalPublisher,
            String originalUrl,
            Rights rights) {}

    private static MementoView view(ArticleMementos.Version version) {
        ArticleDraft draft = version.draft();
        PublicationDate date = DraftCheck.parseDate(draft.date() == null ? "" : draft.date(), draft.dateApproximate());
        return new MementoView(
                version.timeMap().slug(),
                version.memento().number(),
                version.timeMap().mementos().size(),
                version.memento().equals(version.timeMap().last()),
                ArticleHistory.when(version.memento().datetime()),
                draft.title(),
                draft.standfirst(),
                date == null ? draft.date() : date.label(),
                date == null ? draft.date() : date.iso(),
                draft.dateApproximate(),
                draft.bylines(),
                ArticleCatalog.blocks(ArticleText.parse(draft.text())),
                draft.originalPublisher(),
                draft.originalUrl(),
                draft.rights());
    }
}
