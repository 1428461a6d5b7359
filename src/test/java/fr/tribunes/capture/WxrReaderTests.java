package fr.tribunes.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import org.junit.jupiter.api.Test;

/** WordPress's export format read post by post; the export real WordPress wrote is in WordPressImportTests. */
class WxrReaderTests {

    static final String EXPORT = """
            <?xml version="1.0" encoding="UTF-8" ?>
            <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
                 xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
                 xmlns:wp="http://wordpress.org/export/1.2/">
            <channel><title>Site synthétique</title><link>https://site.example</link>
            <wp:author><wp:author_id>2</wp:author_id><wp:author_login><![CDATA[asynth]]></wp:author_login>
              <wp:author_display_name><![CDATA[Auteure Synthétique]]></wp:author_display_name></wp:author>
            <item><title>Tribune synthétique classique (données de test)</title>
              <link>https://site.example/classique/</link><dc:creator><![CDATA[asynth]]></dc:creator>
              <content:encoded><![CDATA[Premier paragraphe, « guillemets » et l’apostrophe.

            <h2>Un intertitre</h2>

            Deuxième paragraphe
            sur deux lignes.]]></content:encoded>
              <excerpt:encoded><![CDATA[Un chapô synthétique.]]></excerpt:encoded>
              <wp:post_date><![CDATA[2015-10-22 18:04:11]]></wp:post_date><wp:status><![CDATA[publish]]></wp:status>
              <wp:post_type><![CDATA[post]]></wp:post_type>
              <category domain="category" nicename="cloud"><![CDATA[cloud souverain]]></category>
              <category domain="post_tag" nicename="pme"><![CDATA[PME]]></category>
              <category domain="post_format" nicename="post-format-aside"><![CDATA[Aside]]></category></item>
            <item><title>Tribune synthétique en blocs (données de test)</title><dc:creator>asynth</dc:creator>
              <content:encoded><![CDATA[<!-- wp:paragraph --><p>Un paragraphe en bloc.</p><!-- /wp:paragraph -->
            <!-- wp:heading --><h2 class="wp-block-heading">Intertitre en bloc</h2><!-- /wp:heading -->]]></content:encoded>
              <wp:post_date>2016-01-02 00:00:00</wp:post_date><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
            <item><title>Brouillon synthétique</title><wp:status>draft</wp:status><wp:post_type>post</wp:post_type></item>
            <item><title>Page synthétique</title><wp:status>publish</wp:status><wp:post_type>page</wp:post_type></item>
            </channel></rss>""";

    @Test
    void publishedPostsComeOutWithTheirAuthorsDatesThemesAndText() throws Exception {
        List<Extracted> posts = new ArrayList<>();
        List<WxrReader.Skipped> skipped = new ArrayList<>();
        WxrReader.read(new ByteArrayInputStream(EXPORT.getBytes(StandardCharsets.UTF_8)), posts::add, skipped::add);

        assertThat(posts).hasSize(2);
        Extracted classic = posts.get(0);
        assertThat(classic.title()).isEqualTo("Tribune synthétique classique (données de test)");
        assertThat(classic.authors()).containsExactly("Auteure Synthétique");
        assertThat(classic.date()).isEqualTo("2015-10-22");
        assertThat(classic.publisher()).isEqualTo("Site synthétique");
        assertThat(classic.url()).isEqualTo("https://site.example/classique/");
        assertThat(classic.standfirst()).isEqualTo("Un chapô synthétique.");
        assertThat(classic.themes()).containsExactly("cloud souverain", "PME");
        assertThat(classic.text())
                .isEqualTo("Premier paragraphe, « guillemets » et l’apostrophe.\n\n## Un intertitre\n\n"
                        + "Deuxième paragraphe sur deux lignes.");
        assertThat(posts.get(1).text()).isEqualTo("Un paragraphe en bloc.\n\n## Intertitre en bloc");
        assertThat(skipped)
                .extracting(WxrReader.Skipped::title)
                .containsExactly("Brouillon synthétique", "Page synthétique");
    }

    @Test
    void aFileThatIsNotXmlOrDeclaresEntitiesIsRefused() {
        String entities = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<rss><channel><item><title>&x;</title></item></channel></rss>";
        assertThatThrownBy(() -> WxrReader.read(
                        new ByteArrayInputStream(entities.getBytes(StandardCharsets.UTF_8)), p -> {}, s -> {}))
                .isInstanceOf(XMLStreamException.class);
        assertThatThrownBy(() -> WxrReader.read(
                        new ByteArrayInputStream("pas du XML".getBytes(StandardCharsets.UTF_8)), p -> {}, s -> {}))
                .isInstanceOf(XMLStreamException.class);
    }
}
