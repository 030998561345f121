package org.ctkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.ctkg.loader.Stores;
import org.ctkg.server.ui.QueryUiServlet;
import org.ctkg.testkit.SparqlHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A journalist's path through the pages in a real headless Chromium (Debian's chromium and
 * chromedriver): home, search "Palermo", the protocol, the convention it supplements, a
 * recommendation, its source; a hostile label that must show as text; and the query UI running
 * an example question. After each, the browser's console must hold no Content-Security-Policy
 * violation: Chromium logs one for every inline script, handler or style the policy blocked.
 */
class BrowserIT {
    private static CtkgServer server;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        DatasetGraph dsg = Stores.curatedScratch();
        Txn.executeWrite(dsg, () -> RDFParser.fromString(
                "<https://w3id.org/ctkg/id/test/evil> <http://www.w3.org/2000/01/rdf-schema#label> \"<script>alert('label')</script>\" .",
                Lang.TURTLE).parse(StreamRDFLib.graph(dsg.getGraph(NodeFactory.createURI("https://w3id.org/ctkg/graph/test")))));
        server = CtkgServer.create().port(0).dataset(dsg).build().start();
        Path profile = Files.createTempDirectory("ctkg-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        if (browser != null)
            browser.quit();
        if (server != null)
            server.stop();
    }

    /** Reads the console messages logged since the last read; none may be a Content-Security-Policy violation. */
    @AfterEach
    void noContentSecurityPolicyViolation() {
        List<String> violations = browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy")).toList();
        assertEquals(List.of(), violations, "the browser blocked something the page needs, or something was injected");
    }

    private static String h1() {
        return browser.findElement(By.tagName("h1")).getText();
    }

    /** Waits (navigation is asynchronous) until the link is there, then follows it. */
    private static void follow(String linkText) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.elementToBeClickable(By.linkText(linkText))).click();
    }

    /** Waits until the page's heading is the expected one. */
    private static void awaitHeading(String text) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.textToBe(By.tagName("h1"), text));
        assertEquals(text, h1());
    }

    @Test
    void fromTheHomePageToTheProtocolItsConventionARecommendationAndItsSource() {
        browser.get(server.baseUrl() + "/");
        browser.findElement(By.id("q")).sendKeys("Palermo");
        browser.findElement(By.cssSelector("form[role=search] button")).click();
        follow("Palermo Protocol");
        awaitHeading("Palermo Protocol");
        var picture = browser.findElement(By.cssSelector("svg.neighbourhood"));
        assertTrue(picture.isDisplayed() && picture.getSize().getWidth() > 300, "the graph view renders");
        assertTrue(picture.findElements(By.cssSelector("a")).size() >= 5, "with clickable nodes");
        follow("United Nations Convention against Transnational Organized Crime");
        awaitHeading("United Nations Convention against Transnational Organized Crime");
        assertTrue(browser.getPageSource().contains("Palermo Protocol"), "the convention's page links back to the protocol");

        browser.get(server.baseUrl() + "/classes/Recommendation");
        follow("Expand the US National Action Plan against forced labour");
        awaitHeading("Expand the US National Action Plan against forced labour");
        follow("CFR special report on human trafficking (Bigio and Vogelstein, 2021)");
        awaitHeading("CFR special report on human trafficking (Bigio and Vogelstein, 2021)");
    }

    @Test
    void aMaliciousLabelShowsAsText() {
        browser.get(server.baseUrl() + "/id/test/evil.html");
        assertEquals("<script>alert('label')</script>", h1());
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());
    }

    @Test
    void theQueryUiRunsAnExampleQuestionAndShowsItsResults() throws Exception {
        String first = QueryUiServlet.EXAMPLES.get(0);
        String query = new String(getClass().getResourceAsStream("/ctkg/ui/examples/" + first + ".rq").readAllBytes(), StandardCharsets.UTF_8);
        String expected = SparqlHttp.select(server.sparqlUrl(), query).get(0).get(0);
        browser.get(server.baseUrl() + "/ui/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#yasgui .yasqe")));
        Select examples = new Select(browser.findElement(By.id("examples")));
        wait.until(d -> examples.getOptions().size() > 1);
        examples.selectByIndex(1);
        var cells = wait.until(ExpectedConditions.presenceOfAllElementsLocatedBy(By.cssSelector("#yasgui .yasr tbody td")));
        assertTrue(cells.stream().anyMatch(cell -> cell.getText().contains(expected)),
                "the table shows the first row, " + expected + ": " + cells.stream().limit(6).map(c -> c.getText()).toList());
    }
}
