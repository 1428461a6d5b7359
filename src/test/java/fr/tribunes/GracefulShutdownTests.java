package fr.tribunes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.GracefulShutdownResult;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stopping the application lets a request in progress finish (graceful shutdown) while new connections are refused:
 * a reader in the middle of a page during a deployment gets the page. The test stops the web server as closing the
 * application does first (closing the test's context itself would break Spring's test framework, which still uses
 * it after the test); the context is its own, never shared.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:graceful-shutdown;DB_CLOSE_DELAY=-1")
@Import(GracefulShutdownTests.SlowPage.class)
@DirtiesContext
class GracefulShutdownTests {

    @LocalServerPort
    int port;

    @Autowired
    ServletWebServerApplicationContext context;

    @Test
    void aRequestInProgressFinishesWhileTheApplicationStopsAndNewOnesAreRefused() throws Exception {
        CompletableFuture<HttpResponse<String>> slow = HttpClient.newHttpClient()
                .sendAsync(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + SlowPage.PATH))
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(SlowPage.entered.await(20, TimeUnit.SECONDS))
                .as("the slow page started")
                .isTrue();

        WebServer server = context.getWebServer();
        CompletableFuture<GracefulShutdownResult> stopping = new CompletableFuture<>();
        server.shutDownGracefully(stopping::complete);
        // While the slow page is still being written, the server no longer takes connections.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        boolean refused = false;
        while (!refused && System.nanoTime() < deadline) {
            try (Socket probe = new Socket("localhost", port)) {
                Thread.sleep(50);
            } catch (ConnectException closed) {
                refused = true;
            }
        }
        assertThat(refused)
                .as("new connections refused during the grace period")
                .isTrue();
        assertThat(slow).isNotDone();
        SlowPage.release.countDown();

        HttpResponse<String> answer = slow.get(20, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(SlowPage.TEXT);
        assertThat(stopping.get(30, TimeUnit.SECONDS))
                .as("the server stopped once no request was left")
                .isEqualTo(GracefulShutdownResult.IDLE);
        server.stop();
        assertThatThrownBy(() -> new Socket("localhost", port).close()).isInstanceOf(IOException.class);
    }

    /** A page that waits, standing for any slow answer, until the test lets it finish. */
    @TestConfiguration(proxyBeanMethods = false)
    @RestController
    static class SlowPage {

        static final String PATH = "/test/lente";

        static final String TEXT = "page servie jusqu’au bout";

        static final CountDownLatch entered = new CountDownLatch(1);

        static final CountDownLatch release = new CountDownLatch(1);

        @GetMapping(PATH)
        String slow() throws InterruptedException {
            entered.countDown();
            release.await(20, TimeUnit.SECONDS);
            return TEXT;
        }
    }
}
