package fr.tribunes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenSearch node the tests share starts from the artifacts on Maven Central, and its analysis-common module
 * brings the filters a French analyzer needs: elisions (with a typographic apostrophe too), French stop words,
 * accents folded, light stemming.
 */
@Slow
class OpenSearchNodeTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void analyzesFrenchWithTheAnalysisCommonModule() throws Exception {
        OpenSearchNode node = OpenSearchNode.shared();

        assertThat(tokens(node, "L’État des financements")).containsExactly("etat", "financ");
        assertThat(tokens(node, "L'État des financements")).containsExactly("etat", "financ");
    }

    private static List<String> tokens(OpenSearchNode node, String text) throws IOException, InterruptedException {
        String body = """
                {
                  "char_filter": [{"type": "mapping", "mappings": ["’=>'"]}],
                  "tokenizer": "standard",
                  "filter": [
                    {
                      "type": "elision",
                      "articles_case": true,
                      "articles": ["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"]
                    },
                    "lowercase",
                    {"type": "stop", "stopwords": "_french_", "ignore_case": true},
                    "asciifolding",
                    {"type": "stemmer", "language": "light_french"}
                  ],
                  "text": %s
                }
                """.formatted(JSON.writeValueAsString(text));
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(node.url() + "/_analyze"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body())
                .path("tokens")
                .valueStream()
                .map(token -> token.path("token").asString())
                .toList();
    }
}
