package fr.tribunes.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
        if (!contains(bytes, MARKER_BYTES)) {
            return super.generateETagHeaderValue(new ByteArrayInputStream(bytes), isWeak);
        }
        // ISO-8859-1 maps each byte to one char and back: the rest of the body, whatever its encoding, is kept.
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        byte[] masked = EXEMPT_VALUE.matcher(text).replaceAll("value=\"\"").getBytes(StandardCharsets.ISO_8859_1);
        return super.generateETagHeaderValue(new ByteArrayInputStream(masked), true);
    }

    private static boolean contains(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i <= bytes.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
