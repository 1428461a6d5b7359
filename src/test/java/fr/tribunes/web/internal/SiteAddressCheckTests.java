package fr.tribunes.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.tribunes.web.SiteUrls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

/** Starting without the site's public address: a warning, or a refusal for a real deployment. */
@ExtendWith(OutputCaptureExtension.class)
class SiteAddressCheckTests {

    @Test
    void listeningBeyondThisMachineWithoutTheAddressIsWarnedOf(CapturedOutput output) {
        new SiteAddressCheck(new SiteUrls(null), new MockEnvironment());

        assertThat(output).contains("TRIBUNES_SITE_URL is not set").contains("http://localhost:8080");
    }

    @Test
    void onThisMachineOnlyOrWithTheAddressNothingIsSaid(CapturedOutput output) {
        new SiteAddressCheck(new SiteUrls(null), new MockEnvironment().withProperty("server.address", "127.0.0.1"));
        new SiteAddressCheck(new SiteUrls("https://tribunes.example.fr/"), new MockEnvironment());

        assertThat(output).doesNotContain("TRIBUNES_SITE_URL");
    }

    @Test
    void thePostgresProfileRefusesToStartWithoutTheAddress() {
        MockEnvironment postgres = new MockEnvironment();
        postgres.setActiveProfiles("postgres");

        assertThatThrownBy(() -> new SiteAddressCheck(new SiteUrls(""), postgres))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TRIBUNES_SITE_URL is not set");
        new SiteAddressCheck(new SiteUrls("https://tribunes.example.fr"), postgres);
    }
}
