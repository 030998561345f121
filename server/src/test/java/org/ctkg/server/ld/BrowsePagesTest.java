package org.ctkg.server.ld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.ctkg.loader.Stores;
import org.ctkg.server.CtkgServer;
import org.ctkg.testkit.Pages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The home page, class pages with pagination, and label search, over HTTP. */
class BrowsePagesTest {
    private static CtkgServer server;

    @BeforeAll
    static void start() {
        DatasetGraph dsg = Stores.curatedScratch();
        var g = NodeFactory.createURI("https://w3id.org/ctkg/graph/test-people");
        Txn.executeWrite(dsg, () -> {
            for (int i = 0; i < 120; i++) {
                var p = NodeFactory.createURI("https://w3id.org/ctkg/id/person/test-" + i);
                dsg.add(g, p, org.apache.jena.vocabulary.RDF.Nodes.type, NodeFactory.createURI("https://w3id.org/ctkg/ontology#Person"));
                dsg.add(g, p, org.apache.jena.vocabulary.RDFS.Nodes.label, NodeFactory.createLiteralString(String.format("Test person %03d", i)));
            }
        });
        // More case records than a class page sorts by label.
        java.io.ByteArrayOutputStream cases = new java.io.ByteArrayOutputStream();
        try {
            new org.ctkg.loader.generate.CaseRecordGenerator(7).write(cases, 10L * BrowsePages.MAX_SORTED);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        var caseGraph = NodeFactory.createURI("https://w3id.org/ctkg/graph/test-cases");
        Txn.executeWrite(dsg, () -> org.apache.jena.riot.RDFParser.fromString(cases.toString(java.nio.charset.StandardCharsets.UTF_8),
                org.apache.jena.riot.Lang.NTRIPLES).parse(org.apache.jena.riot.system.StreamRDFLib.extendTriplesToQuads(caseGraph,
                org.apache.jena.riot.system.StreamRDFLib.dataset(dsg))));
        server = CtkgServer.create().port(0).dataset(dsg).build().start();
    }

    @Test
    void theHomePageCountsTheQueryPagesExamplesAsTheQueryPageServesThem() throws Exception {
        String examples = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/ui/examples.json")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        int served = jakarta.json.Json.createReader(new java.io.StringReader(examples)).readArray().size();
        Matcher m = Pattern.compile("has (\\d+) example questions").matcher(page("/"));
        assertTrue(m.find(), "the home page names the number of example questions");
        assertEquals(served, Integer.parseInt(m.group(1)));
    }

    @Test
    void aClassTooLargeToSortIsListedInTheStoresOrderAndPaged() throws Exception {
        String first = page("/classes/CaseRecord");
        assertTrue(first.contains("in the store's order"), first);
        assertEquals(50, Pattern.compile("<li><a href=\"/id/case/").matcher(first).results().count(), first);
        assertTrue(first.contains("rel=\"next\" href=\"?page=1\""), first);
        String second = page("/classes/CaseRecord?page=1");
        Matcher m = Pattern.compile("href=\"(/id/case/[^\"]+)\"").matcher(first);
        while (m.find())
            assertFalse(second.contains("href=\"" + m.group(1) + "\""), "page 2 repeats " + m.group(1));
        assertTrue(page("/classes/Recommendation").contains("by label."), "a small class is still sorted by label");
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static String page(String path) throws Exception {
        HttpResponse<String> r = Pages.get(server.baseUrl() + path);
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        return r.body();
    }

    @Test
    void homePageCountsThingsByClassAndOffersEntryPoints() throws Exception {
        String home = page("/");
        Matcher m = Pattern.compile("<a href=\"/classes/Recommendation\">recommendation</a></td><td>(\\d+)</td>").matcher(home);
        assertTrue(m.find(), home);
        assertEquals("7", m.group(1));
        assertTrue(home.contains("href=\"/id/source/cfr-ending-human-trafficking-2021\""), "the report as an entry point");
        assertTrue(home.contains("<form action=\"/search\""), "a search box");
        assertTrue(home.contains("href=\"/ui/\""), "example queries");
    }

    @Test
    void classPagesListInstancesAndPaginate() throws Exception {
        String recs = page("/classes/Recommendation");
        assertEquals(7, recs.split("<li>", -1).length - 1);
        String first = page("/classes/Person");
        assertTrue(first.contains("rel=\"next\""), "more than one page");
        assertEquals(50, first.split("<li>", -1).length - 1);
        String third = page("/classes/Person?page=2");
        assertTrue(third.contains("rel=\"prev\"") && !third.contains("rel=\"next\""), "the last page");
        assertTrue(third.split("<li>", -1).length - 1 > 0);
    }

    @Test
    void searchRanksLabelMatchesFirstAndLinksToPages() throws Exception {
        String results = page("/search?q=palermo");
        int protocol = results.indexOf("href=\"/id/instrument/palermo-protocol\"");
        int convention = results.indexOf("href=\"/id/instrument/untoc\"");
        assertTrue(protocol > 0, results);
        assertTrue(convention < 0 || protocol < convention, "a label match before a description match");
    }

    @Test
    void searchIsFullTextWordsInAnyOrderAndPrefixes() throws Exception {
        String results = page("/search?q=" + URLEncoder.encode("persons traffick", StandardCharsets.UTF_8));
        assertTrue(results.contains("href=\"/id/crime/human-trafficking\""), "alt label 'trafficking in persons': " + results);
        String ilo = page("/search?q=ILO");
        assertTrue(ilo.contains("href=\"/id/organization/international-labour-organization\""), ilo);
    }

    @Test
    void searchTextIsBoundNotPastedAndShownEscaped() throws Exception {
        String hostile = "\") } DROP ALL ; SELECT * { (\"<script>";
        String results = page("/search?q=" + URLEncoder.encode(hostile, StandardCharsets.UTF_8));
        assertFalse(results.contains("<script>"), results);
        assertTrue(results.contains("0 matches"), results);
    }
}
