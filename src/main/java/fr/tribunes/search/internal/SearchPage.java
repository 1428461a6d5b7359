package fr.tribunes.search.internal;

import fr.tribunes.facet.ArticleCard;
import fr.tribunes.web.Pagination;
import java.util.ArrayList;
import java.util.List;

/**
 * The results page: what was asked, the results with their snippets, and the facets to narrow them.
 *
 * @param request what was asked
 * @param results this page of results
 * @param topics the themes of the results, with counts
 * @param authors the authors of the results, with counts
 * @param years the years of the results, with counts
 * @param relevanceUrl the same search, most relevant first
 * @param dateUrl the same search, newest first
 * @param base the address of these results, for the pages
 */
record SearchPage(
        SearchRequest request,
        Pagination<Result> results,
        List<FacetOption> topics,
        List<FacetOption> authors,
        List<FacetOption> years,
        String relevanceUrl,
        String dateUrl,
        String base) {

    /**
     * One op-ed found, with where the words matched.
     *
     * @param card the op-ed
     * @param snippet a passage of its text, cut into plain and matched parts: templates print both escaped, the
     *     matched ones inside {@code <mark>}, so no stored text can inject markup
     */
    record Result(ArticleCard card, List<Segment> snippet) {}

    /** A run of snippet text, matched or not. */
    record Segment(String text, boolean matched) {

        /** Cuts a highlighted fragment at the markers the highlighter put around matches. */
        static List<Segment> split(String fragment, char start, char end) {
            List<Segment> segments = new ArrayList<>();
            int from = 0;
            while (from < fragment.length()) {
                int open = fragment.indexOf(start, from);
                if (open < 0) {
                    segments.add(new Segment(fragment.substring(from), false));
                    break;
                }
                if (open > from) {
                    segments.add(new Segment(fragment.substring(from, open), false));
                }
                int close = fragment.indexOf(end, open + 1);
                if (close < 0) {
                    close = fragment.length();
                }
                segments.add(new Segment(fragment.substring(open + 1, close), true));
                from = close + 1;
            }
            return segments;
        }
    }

    /**
     * A value of a facet.
     *
     * @param label what it is called
     * @param count how many of the results have it
     * @param url the search narrowed to it, or widened again when it is the active one
     * @param active whether the results are already narrowed to it
     */
    record FacetOption(String label, long count, String url, boolean active) {}
}
