package org.ctkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The browser of a browser test class, as a JUnit extension: Debian's chromium, headless, driven by
 * its chromedriver, with a fresh profile, its console kept and downloads saved, without asking,
 * into a folder the test reads ({@link #downloads()}). Started before the class's tests, quit after
 * them; after each test, the console must hold no Content-Security-Policy violation (Chromium logs
 * one for every inline script, handler or style the policy blocked).
 */
final class HeadlessChromium implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {
    private ChromeDriver browser;
    private Path downloads;

    ChromeDriver browser() {
        return browser;
    }

    Path downloads() {
        return downloads;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        downloads = Files.createTempDirectory("ctkg-downloads");
        browser = start(downloads);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null)
            browser.quit();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<String> violations = browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy")).toList();
        assertEquals(List.of(), violations, "the browser blocked something the page needs, or something was injected");
    }

    /** A new browser that saves downloads into {@code downloads}. */
    private static ChromeDriver start(Path downloads) throws Exception {
        Path profile = Files.createTempDirectory("ctkg-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(), "download.prompt_for_download", false));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return browser;
    }

    /** Saves what the browser shows: into target/screenshots, or the folder -Dctkg.screenshots names (docs/img for the README). */
    static void screenshot(WebDriver browser, String name) throws Exception {
        Path dir = Path.of(System.getProperty("ctkg.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
