package fr.tribunes.pagecache.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * The ETag of what is sent, leaving out the values a page marks {@code data-etag-exempt}: the comment form's
 * signed token, which says when the form was rendered and so differs every second. Without this, the op-ed page
 * would never answer 304; with it, a client revalidating gets 304 and keeps its copy, whose older token stays
 * valid for days. Only the marked attribute value is left out, so any change to what the page says still changes
 * the ETag. Such an ETag is weak ({@code W/"…"}): two answers with it say the same but are not byte for byte the
 * same, which is what HTTP's weak validators are for; {@code If-None-Match} compares weakly, so 304 still comes.
 */
class PageEtags extends ShallowEtagHeaderFilter {

    /** Written right after the value to leave out: {@code value="…" data-etag-exempt}. */
    static final String MARKER = "data-etag-exempt";

    private static final byte[] MARKER_BYTES = MARKER.getBytes(StandardCharsets.US_ASCII);

    /** A value left out, as its attribute ({@code value="…"}), the value itself captured: {@link PageCache} renews it. */
    static final Pattern EXEMPT_VALUE = Pattern.compile("value=\"([^\"]*)\"(?=\\s+" + MARKER + ")");

    @Override
    protected String generateETagHeaderValue(InputStream body, boolean isWeak) throws IOException {
        byte[] bytes = body.readAllBytes();
        List<int[]> exempt = exemptValues(bytes);
        if (exempt.isEmpty()) {
            return super.generateETagHeaderValue(new ByteArrayInputStream(bytes), isWeak);
        }
        // The body without the exempt values (as if each were value=""), read in place rather than copied.
        List<InputStream> kept = new ArrayList<>();
        int from = 0;
        for (int[] value : exempt) {
            kept.add(new ByteArrayInputStream(bytes, from, value[0] - from));
            from = value[1];
        }
        kept.add(new ByteArrayInputStream(bytes, from, bytes.length - from));
        return super.generateETagHeaderValue(new SequenceInputStream(Collections.enumeration(kept)), true);
    }

    /**
     * Where the exempt values are in a page, as {@code [start, end)} of each value between its quotes, in order:
     * what {@link #EXEMPT_VALUE} finds, found from each {@value #MARKER} backwards in the bytes (a page is
     * rendered at every miss of the cache: no copy of it as text).
     */
    static List<int[]> exemptValues(byte[] bytes) {
        List<int[]> values = new ArrayList<>();
        int at = indexOf(bytes, MARKER_BYTES, 0);
        while (at >= 0) {
            int quote = at - 1;
            while (quote >= 0 && isWhitespace(bytes[quote])) {
                quote--;
            }
            if (quote < at - 1 && quote >= 0 && bytes[quote] == '"') {
                int open = quote - 1;
                while (open >= 0 && bytes[open] != '"') {
                    open--;
                }
                if (open >= VALUE.length - 1 && startsWith(bytes, open - (VALUE.length - 1), VALUE)) {
                    values.add(new int[] {open + 1, quote});
                }
            }
            at = indexOf(bytes, MARKER_BYTES, at + MARKER_BYTES.length);
        }
        return values;
    }

    /** {@code value="}: how an exempt value begins. */
    private static final byte[] VALUE = "value=\"".getBytes(StandardCharsets.US_ASCII);

    /** As {@code \\s} in a regular expression. */
    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == 0x0B || b == '\f' || b == '\r';
    }

    private static boolean startsWith(byte[] bytes, int at, byte[] part) {
        for (int j = 0; j < part.length; j++) {
            if (bytes[at + j] != part[j]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] bytes, byte[] part, int from) {
        for (int i = from; i <= bytes.length - part.length; i++) {
            if (startsWith(bytes, i, part)) {
                return i;
            }
        }
        return -1;
    }
}
