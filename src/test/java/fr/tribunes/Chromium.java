package fr.tribunes;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import tools.jackson.databind.json.JsonMapper;

/**
 * Debian's Chromium driven by Selenium for the browser tests, with the checks they share: axe-core's violations
 * and elements wider than the window. Chromium's profile lives in a fresh temporary directory.
 */
public final class Chromium {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Chromium() {}

    /** A headless Chromium; with {@code logs}, it keeps the console and the network log. */
    public static ChromeDriver start(boolean logs) {
        Path home;
        try {
            home = Files.createTempDirectory("chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chrome.binary", "/usr/bin/chromium"));
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + home.resolve("profile"),
                "--window-size=1280,900");
        if (logs) {
            LoggingPreferences preferences = new LoggingPreferences();
            preferences.enable(LogType.BROWSER, Level.ALL);
            preferences.enable(LogType.PERFORMANCE, Level.ALL);
            options.setCapability("goog:loggingPrefs", preferences);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .withEnvironment(Map.of(
                        "XDG_CONFIG_HOME", home.resolve("config").toString(),
                        "XDG_CACHE_HOME", home.resolve("cache").toString()))
                .build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return browser;
    }

    /** axe-core's script, fetched from npm by the {@code browser} profile. */
    public static String axeScript() {
        try {
            return Files.readString(Path.of(System.getProperty("axe.script")), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** axe-core's violations on the page shown, one line each: rule, help, elements. */
    public static List<String> axeViolations(ChromeDriver browser, String axe) {
        browser.executeScript(axe);
        String result = (String) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                   .then(r => done(JSON.stringify(r.violations)))
                   .catch(e => done(JSON.stringify([{id: 'axe-error', help: String(e), nodes: []}])));
                """);
        return JSON.readTree(result)
                .valueStream()
                .map(v -> v.path("id").asString() + ": " + v.path("help").asString() + " "
                        + v.path("nodes")
                                .valueStream()
                                .map(n -> n.path("target").toString())
                                .toList())
                .toList();
    }

    /** The elements that stick out of the window when the page scrolls sideways; empty when it does not. */
    public static String tooWide(ChromeDriver browser) {
        return (String) browser.executeScript("""
                const width = document.documentElement.clientWidth;
                if (document.documentElement.scrollWidth <= width) return '';
                return [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > width + 0.5)
                    .map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + (e.id ? '#' + e.id : ''))
                    .join(' ');
                """);
    }

    /** Every URL the browser requested since the network log was last read (needs {@code logs}). */
    public static List<String> requestedUrls(ChromeDriver browser) {
        return browser.manage().logs().get(LogType.PERFORMANCE).getAll().stream()
                .map(entry -> JSON.readTree(entry.getMessage()).path("message"))
                .filter(message -> message.path("method").asString().equals("Network.requestWillBeSent"))
                .map(message ->
                        message.path("params").path("request").path("url").asString())
                .filter(url -> !url.startsWith("data:"))
                .toList();
    }
}
