package fr.tribunes.harvest;

import fr.tribunes.article.ArticleRecords;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a list request (ListIdentifiers, ListRecords) stopped, with everything it asked: the harvester sends it back
 * for the next page. It holds the last record's position, never a list or a server-side cursor, so a harvest of
 * any size costs the server no memory between requests and a token never expires. Written as base64url of
 * {@code 1|prefix|set|from|before|changedAtMicros|id|cursor} (dates in epoch seconds, {@code -} for none).
 *
 * @param metadataPrefix the format asked for
 * @param set the set asked for, or null
 * @param from the first instant of the period asked for, or null
 * @param before the first instant after it, or null
 * @param after the last record given
 * @param cursor how many records were given before the next page
 */
record ResumptionToken(
        String metadataPrefix, String set, Instant from, Instant before, ArticleRecords.Position after, long cursor) {

    private static final Pattern FORM =
            Pattern.compile("1\\|([A-Za-z0-9_.!~*'()-]+)\\|([^|]*)\\|(-|[0-9]{1,12})\\|(-|[0-9]{1,12})"
                    + "\\|(-?[0-9]{1,19})\\|([0-9]{1,19})\\|([0-9]{1,12})");

    String encode() {
        String plain = String.join(
                "|",
                "1",
                metadataPrefix,
                set == null ? "" : set,
                seconds(from),
                seconds(before),
                Long.toString(micros(after.changedAt())),
                Long.toString(after.id()),
                Long.toString(cursor));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The token a harvester sent back, or null when it is not one this archive gave. */
    static ResumptionToken decode(String token) {
        if (token.length() > 1000) {
            return null;
        }
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        Matcher matcher = FORM.matcher(plain);
        if (!matcher.matches()) {
            return null;
        }
        try {
            long micros = Long.parseLong(matcher.group(5));
            Instant changedAt = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L))
                    .plusNanos(Math.floorMod(micros, 1_000_000L) * 1000L);
            return new ResumptionToken(
                    matcher.group(1),
                    matcher.group(2).isEmpty() ? null : matcher.group(2),
                    instant(matcher.group(3)),
                    instant(matcher.group(4)),
                    new ArticleRecords.Position(changedAt, Long.parseLong(matcher.group(6))),
                    Long.parseLong(matcher.group(7)));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return null;
        }
    }

    private static String seconds(Instant instant) {
        return instant == null ? "-" : Long.toString(instant.getEpochSecond());
    }

    private static Instant instant(String seconds) {
        return seconds.equals("-") ? null : Instant.ofEpochSecond(Long.parseLong(seconds));
    }

    private static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
    }
}
