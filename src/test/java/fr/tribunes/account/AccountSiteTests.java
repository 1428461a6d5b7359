package fr.tribunes.account;

import fr.tribunes.SiteTest;
import fr.tribunes.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole application on a real port, with a first editor whose password the tests know, and a clock they can
 * move forward. The subclasses share one application: each test uses usernames of its own.
 */
@SiteTest
abstract class AccountSiteTests {

    static final String FIRST_EDITOR = SiteTest.EDITOR;

    static final String FIRST_PASSWORD = SiteTest.PASSWORD;

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    EditorAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    private final List<Browser> browsers = new ArrayList<>();

    /** Whatever an earlier test suspended is over: failures are counted over 15 minutes, suspended for 15. */
    @BeforeEach
    void afterAnyEarlierSuspension() {
        clock.advance(Duration.ofHours(1));
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(Browser::close);
    }

    Browser browser() {
        Browser browser = new Browser(port);
        browsers.add(browser);
        return browser;
    }

    /** An editor of this test's own, added as an editor would add them. */
    String newEditor(String username, String password) {
        accounts.add(username, password, FIRST_EDITOR);
        return username;
    }

    long editorsNamed(String username) {
        return jdbc.queryForObject("select count(*) from editor where username = ?", Long.class, username);
    }
}
