package org.ctkg.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.ctkg.loader.Stores;
import org.ctkg.server.ui.SavedQuestion;
import org.ctkg.testkit.SparqlHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The query UI's result views, permalinks and autocompletion in a real headless Chromium, on the
 * curated store: each saved question opened by its short link ({@code /q/{name}}) draws its view
 * with as many marks as the SPARQL answer over HTTP has rows (or countries, or nodes), their
 * titles saying the answer's values, a legend and the data as a table; the SVG it downloads parses
 * and has the same marks; a permalink reopens a query in the view the reader chose; the editor
 * offers a ctkg class and a resource by their labels. No page may break the Content-Security-Policy.
 * One browser and one server for the class.
 */
class QueryViewsIT {
    @RegisterExtension
    static final HeadlessChromium chromium = new HeadlessChromium();
    private static CtkgServer server;
    private static WebDriver browser;
    private static Path downloads;
    private static final Map<String, SavedQuestion> QUESTIONS = SavedQuestion.all();

    @BeforeAll
    static void start() throws Exception {
        server = CtkgServer.create().port(0).dataset(Stores.curatedScratch()).build().start();
        downloads = chromium.downloads();
        browser = chromium.browser();
        browser.manage().window().setSize(new Dimension(1200, 1300));
    }

    @AfterAll
    static void stop() {
        if (server != null)
            server.stop();
    }

    private static List<List<String>> answer(String question) throws Exception {
        return SparqlHttp.select(server.sparqlUrl(), QUESTIONS.get(question).query());
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    /** Opens the saved question by its short link and waits for its picture; returns the picture's CSS selector. */
    private static String open(String question, String svgClass, int rows) {
        browser.get(server.baseUrl() + "/q/" + question);
        return awaitPicture(svgClass, rows);
    }

    /**
     * Waits until the view shows a picture of this kind with this many rows of data beneath it: the page may first draw
     * the answer it kept from the last visit, in the view the link asks for.
     */
    private static String awaitPicture(String svgClass, int rows) {
        String svg = "#yasgui svg.ctkg-view." + svgClass;
        waiting().until(d -> count(svg) == 1 && count("#yasgui table.ctkg-view-data tbody tr") == rows);
        return svg;
    }

    /** The titles of the elements the selector finds, read in one script (YASR may draw a picture anew at any time). */
    @SuppressWarnings("unchecked")
    private static List<String> titles(String css) {
        return waiting().ignoring(StaleElementReferenceException.class).until(d -> (List<String>) ((JavascriptExecutor) d).executeScript(
                "return Array.from(document.querySelectorAll(arguments[0])).map(m => m.querySelector('title').textContent)", css));
    }

    private static int count(String css) {
        return ((Number) ((JavascriptExecutor) browser).executeScript("return document.querySelectorAll(arguments[0]).length", css)).intValue();
    }

    /** The picture has a legend with an entry, and the data table beneath it has a row per row drawn. */
    private static void assertLegendAndTable(String svg, int rows) {
        assertTrue(count(svg + " g.legend rect") >= 1, "a legend with an entry");
        assertEquals(rows, count("#yasgui table.ctkg-view-data tbody tr"), "the data beneath the picture");
    }

    /** Clicks the download button and returns the file Chromium saved, once it is complete. */
    private static Path download(String format, String file) throws Exception {
        Path saved = downloads.resolve(file);
        Files.deleteIfExists(saved);
        browser.findElement(By.cssSelector("#yasgui button.ctkg-download[data-format='" + format + "']")).click();
        waiting().until(d -> Files.exists(saved) && !Files.exists(downloads.resolve(file + ".crdownload")));
        return saved;
    }

    /** The downloaded SVG parses as XML; returns how many of its elements are marks (class "mark") of the given extra class (or any). */
    private static int marksInDownload(Path svg, String kind) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        NodeList all = doc.getElementsByTagNameNS("*", "*");
        int marks = 0;
        for (int i = 0; i < all.getLength(); i++) {
            List<String> classes = List.of(((Element) all.item(i)).getAttribute("class").split(" "));
            if (classes.contains("mark") && (kind == null || classes.contains(kind)))
                marks++;
        }
        return marks;
    }

    @Test
    void theBarChartHasABarPerTierWithItsCount() throws Exception {
        List<List<String>> rows = answer("tiers-2012");
        String svg = open("tiers-2012", "barchart", rows.size());
        List<String> expected = rows.stream().map(r -> r.get(0) + ": " + r.get(1)).sorted().toList();
        assertEquals(expected, titles(svg + " rect.mark").stream().sorted().toList());
        assertLegendAndTable(svg, rows.size());
        assertEquals(rows.size(), marksInDownload(download("svg", "ctkg-BarChart.svg"), null));
    }

    @Test
    void theMapColoursEachCountryByItsTier() throws Exception {
        List<List<String>> rows = answer("tier-map-2012");
        Map<String, String> tiers = new HashMap<>();
        rows.forEach(r -> tiers.put(r.get(0), r.get(2)));
        String svg = open("tier-map-2012", "worldmap", rows.size());
        List<String> marks = titles(svg + " .mark");
        assertEquals(tiers.size(), marks.size(), "a mark per country of the answer");
        for (String tier : new HashSet<>(tiers.values()))
            assertEquals(tiers.values().stream().filter(tier::equals).count(), marks.stream().filter(t -> t.endsWith(": " + tier)).count(), tier);
        assertTrue(marks.contains("Mexico: " + tiers.get("https://w3id.org/ctkg/id/country/mex")), marks.toString());
        assertLegendAndTable(svg, rows.size());
        assertEquals(tiers.size(), marksInDownload(download("svg", "ctkg-Map.svg"), null));
        byte[] png = Files.readAllBytes(download("png", "ctkg-Map.png"));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));
        assertEquals(2 * Integer.parseInt(browser.findElement(By.cssSelector(svg)).getDomAttribute("width")), ImageIO.read(new ByteArrayInputStream(png)).getWidth());
        scrollTo(svg);
        HeadlessChromium.screenshot(browser, "view-map.png");
    }

    /** Pairs read in one script: the attribute of each element the selector finds, and its text (a title's, or its own). */
    @SuppressWarnings("unchecked")
    private static List<List<String>> read(String script, String css) {
        return waiting().ignoring(StaleElementReferenceException.class).until(d -> (List<List<String>>) ((JavascriptExecutor) d).executeScript(script, css));
    }

    @Test
    void theMapColoursEachCountryByItsNumberWithALegendOfRanges() throws Exception {
        List<List<String>> rows = answer("goods-by-country");
        Map<String, Double> goods = new HashMap<>();
        rows.forEach(r -> goods.put(r.get(0), Double.valueOf(r.get(1))));
        assertTrue(goods.size() > 50 && new HashSet<>(goods.values()).size() > 5, "countries with different counts: " + goods.size());
        String svg = open("goods-by-country", "worldmap", rows.size());
        List<List<String>> marks = read("return Array.from(document.querySelectorAll(arguments[0])).map(m => [m.getAttribute('fill'), m.querySelector('title').textContent])",
                svg + " .mark");
        assertEquals(goods.size(), marks.size(), "a mark per country of the answer");
        assertTrue(marks.stream().anyMatch(m -> m.get(1).equals("Mexico: " + Math.round(goods.get("https://w3id.org/ctkg/id/country/mex")))), marks.toString());
        List<Double> drawn = marks.stream().map(m -> number(m.get(1).substring(m.get(1).lastIndexOf(": ") + 2))).sorted().toList();
        assertEquals(goods.values().stream().sorted().toList(), drawn, "each mark's title gives its country's count");

        // The legend: one range per colour, lowest first, from the least to the most; every mark's fill is the range of its number.
        List<List<String>> legend = read("return Array.from(document.querySelectorAll(arguments[0] + ' g.legend rect'))"
                + ".map(r => [r.getAttribute('fill'), r.nextElementSibling.textContent])", svg);
        Map<String, double[]> ranges = new HashMap<>();
        for (List<String> entry : legend)
            if (entry.get(1).contains(" – ")) {
                String[] ends = entry.get(1).split(" – ");
                ranges.put(entry.get(0), new double[] {number(ends[0]), number(ends[1])});
            }
        assertTrue(ranges.size() >= 3, "the number ranges: " + legend);
        assertEquals(java.util.Collections.min(goods.values()).doubleValue(), ranges.get(legend.get(0).get(0))[0], "the first range starts at the least: " + legend);
        assertEquals(java.util.Collections.max(goods.values()).doubleValue(), ranges.get(legend.get(ranges.size() - 1).get(0))[1], "the last ends at the most: " + legend);
        for (List<String> m : marks) {
            double v = number(m.get(1).substring(m.get(1).lastIndexOf(": ") + 2));
            double[] range = ranges.get(m.get(0));
            assertTrue(range != null && range[0] <= v && v <= range[1], m + " is coloured by the range of its number: " + legend);
        }
        assertLegendAndTable(svg, rows.size());
        assertEquals(goods.size(), marksInDownload(download("svg", "ctkg-Map.svg"), "country"));
    }

    @Test
    void aMapOfOneNumberForEveryCountryHasOneColourAndALegendOfThatNumber() throws Exception {
        String query = "PREFIX ctkg: <https://w3id.org/ctkg/ontology#> PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>"
                + " SELECT ?country (COUNT(?p) AS ?placements) WHERE { ?p a ctkg:TierPlacement ; ctkg:year \"2012\"^^xsd:gYear ; ctkg:country ?country }"
                + " GROUP BY ?country";
        List<List<String>> rows = SparqlHttp.select(server.sparqlUrl(), query);
        assertEquals(Set.of("1"), new HashSet<>(rows.stream().map(r -> r.get(1)).toList()), "one placement of each country in 2012");
        browser.get(server.baseUrl() + "/ui/#q=" + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20") + "&view=Map");
        String svg = awaitPicture("worldmap", rows.size());
        List<List<String>> marks = read("return Array.from(document.querySelectorAll(arguments[0])).map(m => [m.getAttribute('fill'), m.querySelector('title').textContent])",
                svg + " .mark");
        assertEquals(rows.size(), marks.size());
        assertEquals(1, marks.stream().map(m -> m.get(0)).distinct().count(), "one colour: " + marks.stream().map(m -> m.get(0)).distinct().toList());
        assertTrue(marks.stream().allMatch(m -> m.get(1).endsWith(": 1")), marks.toString());
        List<List<String>> legend = read("return Array.from(document.querySelectorAll(arguments[0] + ' g.legend rect'))"
                + ".map(r => [r.getAttribute('fill'), r.nextElementSibling.textContent])", svg);
        assertEquals(List.of(List.of(marks.get(0).get(0), "1"), List.of("#e0e0e0", "not in the result")), legend);
    }

    private static double number(String shown) {
        return Double.parseDouble(shown.replace(",", ""));
    }

    @Test
    void aDescribeAnswerDrawsAsAGraphLikeAConstructAnswer() throws Exception {
        String describe = "DESCRIBE <https://w3id.org/ctkg/id/instrument/palermo-protocol>";
        var response = SparqlHttp.post(server.sparqlUrl(), describe, "application/n-triples");
        assertEquals(200, response.statusCode());
        org.apache.jena.graph.Graph g = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        org.apache.jena.riot.RDFParser.fromString(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8), org.apache.jena.riot.Lang.NTRIPLES).parse(g);
        Set<String> nodes = new HashSet<>();
        g.find().forEachRemaining(t -> { nodes.add(key(t.getSubject())); nodes.add(key(t.getObject())); });
        assertTrue(g.size() > 5, "the protocol is described: " + g.size());
        browser.get(server.baseUrl() + "/ui/#q=" + java.net.URLEncoder.encode(describe, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20")
                + "&view=Graph");
        String svg = awaitPicture("graph", g.size());
        assertEquals(nodes.size(), titles(svg + " circle.mark.node").size(), "a node per resource or value: " + nodes);
        assertEquals(g.size(), titles(svg + " line.mark.edge").size(), "a link per triple");
        assertTrue(titles(svg + " line.mark.edge").stream().anyMatch(t -> t.contains("supplements")), "the links name their properties");
        assertLegendAndTable(svg, g.size());
        assertEquals(nodes.size(), marksInDownload(download("svg", "ctkg-Graph.svg"), "node"));
    }

    /** A node as the graph view tells nodes apart: an IRI or blank node by itself, a value by its text. */
    private static String key(org.apache.jena.graph.Node n) {
        return n.isLiteral() ? "literal " + n.getLiteralLexicalForm() : n.toString();
    }

    @Test
    void theLineChartHasAPointPerEstimate() throws Exception {
        List<List<String>> rows = answer("forced-labour-over-time");
        String svg = open("forced-labour-over-time", "linechart", rows.size());
        assertEquals(rows.size(), titles(svg + " circle.mark").size());
        for (List<String> r : rows)
            assertTrue(titles(svg + " circle.mark").stream().anyMatch(t -> t.startsWith(r.get(0) + ": ")), r.toString());
        assertLegendAndTable(svg, rows.size());
        assertEquals(rows.size(), marksInDownload(download("svg", "ctkg-LineChart.svg"), null));
    }

    @Test
    void theTimelineHasAMarkPerEventAndMexicosTiers() throws Exception {
        List<List<String>> rows = answer("country-timeline");
        String svg = open("country-timeline", "timeline", rows.size());
        List<String> marks = titles(svg + " circle.mark");
        assertEquals(rows.size(), marks.size());
        List<List<String>> tiers = rows.stream().filter(r -> r.get(1).equals("TIP tier")).toList();
        assertEquals(15, tiers.size(), "Mexico's TIP tiers 2001–2015");
        for (List<String> r : tiers)
            assertTrue(marks.contains(r.get(0) + ": " + r.get(2) + " (TIP tier)"), r + " in " + marks);
        assertLegendAndTable(svg, rows.size());
        assertEquals(rows.size(), marksInDownload(download("svg", "ctkg-Timeline.svg"), null));
        scrollTo(svg);
        HeadlessChromium.screenshot(browser, "view-timeline.png");
    }

    @Test
    void theGraphHasANodePerResourceAndALinkPerRow() throws Exception {
        List<List<String>> rows = answer("crime-links");
        Set<String> nodes = new HashSet<>();
        rows.forEach(r -> { nodes.add(r.get(0)); nodes.add(r.get(2)); });
        String svg = open("crime-links", "graph", rows.size());
        assertEquals(nodes.size(), titles(svg + " circle.mark.node").size());
        assertEquals(rows.size(), titles(svg + " line.mark.edge").size());
        assertLegendAndTable(svg, rows.size());
        assertEquals(nodes.size(), marksInDownload(download("svg", "ctkg-Graph.svg"), "node"));
    }

    @Test
    void aConstructAnswerDrawsAsAGraphFromALinkFollowedOnTheQueryPage() throws Exception {
        String where = "WHERE { ?s <https://w3id.org/ctkg/ontology#linkedCrime> ?o }";
        List<List<String>> pairs = SparqlHttp.select(server.sparqlUrl(), "SELECT DISTINCT ?s ?o " + where);
        Set<String> nodes = new HashSet<>();
        pairs.forEach(r -> { nodes.add(r.get(0)); nodes.add(r.get(1)); });
        String construct = "CONSTRUCT { ?s <https://w3id.org/ctkg/ontology#linkedCrime> ?o } " + where;
        // Opened from the query page itself: the browser only changes the URL's fragment, and the page must follow it.
        browser.get(server.baseUrl() + "/ui/");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#yasgui .CodeMirror")));
        browser.get(server.baseUrl() + "/ui/#q=" + java.net.URLEncoder.encode(construct, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20")
                + "&view=Graph");
        String svg = awaitPicture("graph", pairs.size());
        assertEquals(nodes.size(), titles(svg + " circle.mark.node").size());
        assertEquals(pairs.size(), titles(svg + " line.mark.edge").size());
    }

    @Test
    void aPermalinkReopensTheQueryInTheViewChosen() {
        int rows = answerSize("forced-labour-over-time");
        open("forced-labour-over-time", "linechart", rows);
        browser.findElement(By.cssSelector("#yasgui .ctkg-view-controls button[data-view='BarChart']")).click();
        awaitPicture("barchart", rows);
        browser.findElement(By.id("permalink")).click();
        String link = browser.findElement(By.id("permalink-url")).getAttribute("value");
        assertTrue(link.startsWith(server.baseUrl() + "/ui/#") && link.contains("view=BarChart"), link);
        browser.get("about:blank");
        browser.get(link);
        assertEquals(rows, titles(awaitPicture("barchart", rows) + " rect.mark").size());
        assertEquals(QUESTIONS.get("forced-labour-over-time").query().strip(), editor().strip());
        assertEquals("true", browser.findElement(By.cssSelector("#yasgui button[data-view='BarChart']")).getAttribute("aria-pressed"));
    }

    private static void scrollTo(String svg) {
        ((JavascriptExecutor) browser).executeScript("document.querySelector(arguments[0]).scrollIntoView(); window.scrollBy(0, -90)", svg);
    }

    private static int answerSize(String question) {
        try {
            return answer(question).size();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String editor() {
        return (String) ((JavascriptExecutor) browser).executeScript("return document.querySelector('#yasgui .CodeMirror').CodeMirror.getValue()");
    }

    /**
     * Puts the text in the editor with the cursor at its end, then types {@code typed}; returns the completions offered once
     * one of them is {@code wanted}, or the last list offered when the wait ends. The hint list is redrawn as the editor's
     * lookups answer, so its items are read in one script, never element by element.
     */
    @SuppressWarnings("unchecked")
    private static List<String> completions(String text, String typed, Predicate<String> wanted) {
        browser.get(server.baseUrl() + "/ui/");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#yasgui .CodeMirror")));
        ((JavascriptExecutor) browser).executeScript("const cm = document.querySelector('#yasgui .CodeMirror').CodeMirror;"
                + " cm.setValue(arguments[0]); cm.focus(); cm.setCursor(cm.lineCount(), 0);", text);
        new Actions(browser).sendKeys(typed).perform();
        List<String> offered = new ArrayList<>();
        try {
            waiting().until(d -> {
                offered.clear();
                offered.addAll((List<String>) ((JavascriptExecutor) d).executeScript(
                        "return Array.from(document.querySelectorAll('.CodeMirror-hints li'), li => li.textContent);"));
                return offered.stream().anyMatch(wanted);
            });
        } catch (TimeoutException e) {
            // the assertion that follows names what was offered
        }
        return offered;
    }

    @Test
    void theEditorOffersAClassAndAResourceByTheirLabels() throws Exception {
        String prefixes = "PREFIX ctkg: <https://w3id.org/ctkg/ontology#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n";
        List<String> classes = completions(prefixes + "SELECT * WHERE {\n  ?r a ", "recommend",
                "recommendation  ctkg:Recommendation"::equals);
        assertTrue(classes.contains("recommendation  ctkg:Recommendation"), classes.toString());
        List<String> resources = completions(prefixes + "SELECT * WHERE {\n  ?r ctkg:supplements ", "Palermo",
                r -> r.startsWith("Palermo Protocol  <https://w3id.org/ctkg/id/instrument/palermo-protocol>"));
        assertTrue(resources.stream().anyMatch(r -> r.startsWith("Palermo Protocol  <https://w3id.org/ctkg/id/instrument/palermo-protocol>")),
                resources.toString());
    }
}
