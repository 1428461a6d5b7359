package fr.tribunes.article.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A publication date shown no more precisely than it is known: "octobre 2015", never an invented day.
 *
 * @param firstDay the first day of the period (the day itself when the precision is {@link DatePrecision#DAY})
 * @param precision how much of the date is known
 * @param approximate whether the period itself is an estimate
 */
record PublicationDate(LocalDate firstDay, DatePrecision precision, boolean approximate) {

    private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH);

    /** The date in French, e.g. "1er octobre 2015", "octobre 2015" or "2015". */
    String label() {
        return switch (precision) {
            case DAY -> dayLabel(firstDay);
            case MONTH -> firstDay.format(MONTH_YEAR);
            case YEAR -> Integer.toString(firstDay.getYear());
        };
    }

    /** The date in ISO 8601, cut to the precision known: "2015-10-22", "2015-10" or "2015". */
    String iso() {
        String full = firstDay.toString();
        return switch (precision) {
            case DAY -> full;
            case MONTH -> full.substring(0, 7);
            case YEAR -> full.substring(0, 4);
        };
    }

    /** A day in French, with the ordinal French uses for the first of the month. */
    static String dayLabel(LocalDate day) {
        String number = day.getDayOfMonth() == 1 ? "1er" : Integer.toString(day.getDayOfMonth());
        return number + " " + day.format(MONTH_YEAR);
    }
}
