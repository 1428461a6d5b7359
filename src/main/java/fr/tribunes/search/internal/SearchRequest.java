package fr.tribunes.search.internal;

import fr.tribunes.web.BadRequestException;
import fr.tribunes.web.PageNumber;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What a visitor asked {@code /recherche} for, checked: the words, the filters chosen among the facets, the
 * order and the page.
 *
 * @param query the words as typed, stripped; empty when none
 * @param topic the slug of the theme to keep to, or null
 * @param author the slug of the author to keep to, or null
 * @param year the year to keep to, or null
 * @param byDate newest first rather than most relevant first
 * @param page the page of results
 */
record SearchRequest(String query, String topic, String author, Integer year, boolean byDate, PageNumber page) {

    static final int MAX_LENGTH = 200;

    static SearchRequest parse(String q, String theme, String auteur, String annee, String tri, String page) {
        String query = q == null ? "" : q.strip();
        if (query.length() > MAX_LENGTH) {
            throw new BadRequestException("Votre recherche compte %d caractères : raccourcissez-la à %d au plus."
                    .formatted(query.length(), MAX_LENGTH));
        }
        Integer year = null;
        if (annee != null && !annee.isBlank()) {
            if (!annee.strip().matches("[0-9]{4}")) {
                throw new BadRequestException(
                        "« %s » n’est pas une année : indiquez-la sur quatre chiffres.".formatted(annee));
            }
            year = Integer.valueOf(annee.strip());
        }
        boolean byDate = false;
        if (tri != null && !tri.isBlank()) {
            byDate = switch (tri.strip()) {
                case "date" -> true;
                case "pertinence" -> false;
                default ->
                    throw new BadRequestException(
                            "« %s » n’est pas un ordre connu : choisissez « pertinence » ou « date ».".formatted(tri));
            };
        }
        return new SearchRequest(query, blankToNull(theme), blankToNull(auteur), year, byDate, PageNumber.parse(page));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    boolean isEmpty() {
        return query.isEmpty() && topic == null && author == null && year == null;
    }

    SearchRequest withTopic(String slug) {
        return new SearchRequest(query, slug, author, year, byDate, PageNumber.FIRST);
    }

    SearchRequest withAuthor(String slug) {
        return new SearchRequest(query, topic, slug, year, byDate, PageNumber.FIRST);
    }

    SearchRequest withYear(Integer value) {
        return new SearchRequest(query, topic, author, value, byDate, PageNumber.FIRST);
    }

    SearchRequest sortedByDate(boolean value) {
        return new SearchRequest(query, topic, author, year, value, PageNumber.FIRST);
    }

    /** The address of these results, without the page: {@code /recherche?q=…&theme=…}. */
    String url() {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/recherche");
        if (!query.isEmpty()) {
            url.queryParam("q", query);
        }
        if (topic != null) {
            url.queryParam("theme", topic);
        }
        if (author != null) {
            url.queryParam("auteur", author);
        }
        if (year != null) {
            url.queryParam("annee", year);
        }
        if (byDate) {
            url.queryParam("tri", "date");
        }
        return url.encode().build().toUriString();
    }
}
