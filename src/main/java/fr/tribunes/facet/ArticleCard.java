package fr.tribunes.facet;

import java.util.List;

/**
 * An op-ed as it appears in a list (home, author, theme, organisation, archives).
 *
 * @param slug the op-ed's address under {@code /tribunes/}
 * @param title the title, as published
 * @param standfirst the standfirst, as published, or null
 * @param date when it was published, to the precision known ("octobre 2015")
 * @param isoDate the same date in ISO 8601 to that precision ("2015-10"), for {@code <time datetime>}
 * @param dateApproximate whether the date is an estimate
 * @param bylines who signed it, with their role at the time
 */
public record ArticleCard(
        String slug,
        String title,
        String standfirst,
        String date,
        String isoDate,
        boolean dateApproximate,
        List<Byline> bylines) {

    /**
     * An author as credited on one op-ed.
     *
     * @param name the author's name
     * @param slug the author's address under {@code /auteurs/}
     * @param credit the role and organisation printed with the name at the time, or null
     * @param familyName the author's family name, as an editor entered it, or null
     * @param givenNames the author's given names, as an editor entered them, or null
     */
    public record Byline(String name, String slug, String credit, String familyName, String givenNames) {

        /** An author named by the name alone, without its parts. */
        public Byline(String name, String slug, String credit) {
            this(name, slug, credit, null, null);
        }

        /** « Vrangos, Théodore Michel » as reference managers write a name; the whole name without its parts. */
        public String inverted() {
            return inverted(name, familyName, givenNames);
        }

        /**
         * A name family first, as reference managers, Google Scholar ({@code citation_author}) and Dublin Core
         * write it, when an editor gave its parts; the whole name as printed otherwise: nothing is guessed.
         */
        public static String inverted(String name, String familyName, String givenNames) {
            if (familyName == null) {
                return name;
            }
            return givenNames == null ? familyName : familyName + ", " + givenNames;
        }
    }
}
