package fr.tribunes.pagecache.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

class PageEtagsTests {

    /** The values the byte search finds are those the regular expression finds in the same text. */
    @Test
    void exemptValuesAreThoseTheExpressionFinds() {
        String page = """
                <form><input name="jeton" value="1733040000.abc-DEF_123" data-etag-exempt>
                <input name="x" value="gardé"> data-etag-exempt
                <input value="fin"\t\n  data-etag-exempt/><input value="collé"data-etag-exempt>
                <input value="" data-etag-exempt><p>« Café » ; data-etag-exempt</p>
                """;
        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        List<String> expected = new ArrayList<>();
        Matcher matcher = PageEtags.EXEMPT_VALUE.matcher(text);
        while (matcher.find()) {
            expected.add(matcher.start(1) + "-" + matcher.end(1));
        }
        List<String> found = PageEtags.exemptValues(bytes).stream()
                .map(v -> v[0] + "-" + v[1])
                .toList();
        assertThat(found).isEqualTo(expected).hasSize(3);
    }

    @Test
    void theEtagIgnoresOnlyTheExemptValue() throws Exception {
        PageEtags etags = new PageEtags();
        String one = etags.generateETagHeaderValue(stream("<p>Texte</p><input value=\"111\" data-etag-exempt>"), false);
        String two = etags.generateETagHeaderValue(stream("<p>Texte</p><input value=\"222\" data-etag-exempt>"), false);
        String other =
                etags.generateETagHeaderValue(stream("<p>Texta</p><input value=\"222\" data-etag-exempt>"), false);
        String plain = etags.generateETagHeaderValue(stream("<p>Texte</p><input value=\"\" data-etag-exempt>"), true);
        assertThat(one).startsWith("W/\"").isEqualTo(two).isEqualTo(plain).isNotEqualTo(other);
    }

    private static java.io.InputStream stream(String text) {
        return new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
