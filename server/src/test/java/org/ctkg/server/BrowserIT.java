package org.ctkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
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
    @RegisterExtension
    static final HeadlessChromium chromium = new HeadlessChromium();
    private static CtkgServer server;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        DatasetGraph dsg = Stores.curatedScratch();
        Txn.executeWrite(dsg, () -> RDFParser.fromString(
                "<https://w3id.org/ctkg/id/test/evil> <http://www.w3.org/2000/01/rdf-schema#label> \"<script>alert('label')</script>\" .",
                Lang.TURTLE).parse(StreamRDFLib.graph(dsg.getGraph(NodeFactory.createURI("https://w3id.org/ctkg/graph/test")))));
        server = CtkgServer.create().port(0).dataset(dsg).build().start();
        browser = chromium.browser();
    }

    @AfterAll
    static void stop() {
        if (server != null)
            server.stop();
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

    /** Every resource the page loaded came from this server (CSP would block others, and log it). */
    private static void assertEverythingFromThisServer() {
        @SuppressWarnings("unchecked")
        List<String> loaded = (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name).concat([location.href])");
        assertTrue(loaded.size() > 1, "the page loaded its style sheet: " + loaded);
        for (String url : loaded)
            assertTrue(url.startsWith(server.baseUrl() + "/"), "loaded from elsewhere: " + url);
    }

    private static void screenshot(String name) throws Exception {
        HeadlessChromium.screenshot(browser, name);
    }

    @Test
    void aCountryDossierAndTheTierMapRenderFromThisServerAlone() throws Exception {
        browser.manage().window().setSize(new Dimension(1100, 1250));
        browser.get(server.baseUrl() + "/id/country/mex.html");
        awaitHeading("Mexico");
        var timeline = browser.findElement(By.cssSelector("svg.timeline"));
        assertTrue(timeline.isDisplayed() && timeline.getSize().getWidth() > 300, "the timeline renders");
        assertEquals(15, timeline.findElements(By.cssSelector("circle.mark")).size(), "a mark per year");
        assertEverythingFromThisServer();
        screenshot("dossier.png");

        follow("all countries on a map");
        awaitHeading("TIP tier placements, 2015");
        follow("2012");
        awaitHeading("TIP tier placements, 2012");
        var map = browser.findElement(By.cssSelector("svg.worldmap"));
        assertTrue(map.isDisplayed() && map.getSize().getWidth() > 600, "the map renders");
        assertTrue(map.findElements(By.cssSelector("path.country")).size() > 150, "with the countries");
        assertEverythingFromThisServer();
        browser.manage().window().setSize(new Dimension(1100, 940));
        screenshot("tier-map.png");
        map.findElement(By.cssSelector("a[href='/id/country/mex']")).click();
        awaitHeading("Mexico");
    }

    @Test
    void aStatisticsPageDrawsItsFigureBesideItsOtherEditions() throws Exception {
        browser.manage().window().setSize(new Dimension(1100, 1000));
        browser.get(server.baseUrl() + "/id/statistic/ilo-2022-modern-slavery.html");
        awaitHeading("49.6 million people in modern slavery (2021)");
        var chart = browser.findElement(By.cssSelector("svg.editions"));
        assertTrue(chart.isDisplayed() && chart.getSize().getWidth() > 300, "the chart renders");
        var bars = chart.findElements(By.cssSelector("rect.mark"));
        assertEquals(2, bars.size(), "a bar per edition");
        for (var bar : bars)
            assertTrue(bar.isDisplayed() && bar.getSize().getHeight() > 20 && bar.getSize().getWidth() > 20, "a bar that can be seen: " + bar.getSize());
        assertTrue(bars.get(0).getLocation().getX() < bars.get(1).getLocation().getX(), "the older edition on the left");
        assertTrue(bars.get(0).getSize().getHeight() < bars.get(1).getSize().getHeight(), "40.3 million drawn shorter than 49.6 million");
        assertTrue(browser.findElement(By.cssSelector("section.editions ul.legend")).isDisplayed(), "with its legend");
        assertEverythingFromThisServer();
        screenshot("statistic-editions.png");
        bars.get(0).click();
        awaitHeading("40.3 million people in modern slavery (ILO, 2016)");
    }

    @Test
    void theLabelsOfAHubsPictureDoNotOverlap() {
        for (String path : new String[] {"/id/instrument/palermo-protocol.html", "/id/country/mex.html", "/id/report/us-tip-report-2012.html",
                "/id/organization/us-congress.html", "/id/country/usa.html"}) {
            browser.get(server.baseUrl() + path);
            @SuppressWarnings("unchecked")
            List<List<Object>> boxes = (List<List<Object>>) ((JavascriptExecutor) browser).executeScript(
                    "return Array.from(document.querySelectorAll('svg.neighbourhood text')).map(t => { const r = t.getBoundingClientRect();"
                    + " return [r.left, r.top, r.right, r.bottom, t.textContent]; })");
            assertTrue(boxes.size() > 4, path + ": " + boxes);
            for (int i = 0; i < boxes.size(); i++)
                for (int j = i + 1; j < boxes.size(); j++) {
                    List<Object> a = boxes.get(i), b = boxes.get(j);
                    boolean apart = n(a.get(2)) <= n(b.get(0)) + 0.5 || n(b.get(2)) <= n(a.get(0)) + 0.5
                            || n(a.get(3)) <= n(b.get(1)) + 0.5 || n(b.get(3)) <= n(a.get(1)) + 0.5;
                    assertTrue(apart, path + ": '" + a.get(4) + "' overlaps '" + b.get(4) + "'");
                }
        }
    }

    private static double n(Object o) {
        return ((Number) o).doubleValue();
    }

    /** The dataset markup is data the browser neither runs nor blocks (no policy violation); it parses; the downloads page opens from the home page. */
    @Test
    void theHomePagesDatasetMarkupParsesInTheBrowserAndDownloadsOpens() {
        browser.get(server.baseUrl() + "/");
        Object type = ((JavascriptExecutor) browser).executeScript(
                "return JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent)['@type']");
        assertEquals("Dataset", type);
        follow("Downloads");
        awaitHeading("Downloads");
        assertTrue(browser.getPageSource().contains("This server offers no releases."));
        assertEverythingFromThisServer();
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
