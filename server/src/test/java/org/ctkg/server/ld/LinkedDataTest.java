package org.ctkg.server.ld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.ctkg.loader.Stores;
import org.ctkg.server.CtkgServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Dereferencing: 303 by Accept to a document per format, bounded descriptions, 404 pages, and escaped HTML. */
class LinkedDataTest {
    private static final String PALERMO = "https://w3id.org/ctkg/id/instrument/palermo-protocol";
    private static CtkgServer server;

    @BeforeAll
    static void start() {
        DatasetGraph dsg = Stores.curatedScratch();
        Txn.executeWrite(dsg, () -> RDFParser.fromString("""
                <https://w3id.org/ctkg/id/test/evil> <http://www.w3.org/2000/01/rdf-schema#label> "<script>alert('label')</script>" ;
                    <https://w3id.org/ctkg/ontology#text> "\\" onmouseover=\\"alert(1)" ;
                    <https://w3id.org/ctkg/ontology#about> <javascript:alert(1)> .
                """, Lang.TURTLE).parse(org.apache.jena.riot.system.StreamRDFLib.graph(dsg.getGraph(NodeFactory.createURI("https://w3id.org/ctkg/graph/test")))));
        server = CtkgServer.create().port(0).dataset(dsg).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static HttpResponse<byte[]> get(String path, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path));
        if (accept != null)
            b.header("Accept", accept);
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "text/html,                                    .html",
        "'text/html,application/xhtml+xml,*/*;q=0.8', .html",
        "text/turtle,                                  .ttl",
        "application/ld+json,                          .jsonld",
        "application/n-triples,                        .nt",
        "application/rdf+xml,                          .rdf",
        "'text/turtle;q=0.5, application/ld+json',     .jsonld",
        "'text/html;q=0.1, application/n-triples;q=0.2', .nt",
        "'*/*',                                        .html",
        "image/png,                                    .html",
        ",                                             .html",
    })
    void theIriRedirectsToTheDocumentForTheAcceptedFormat(String accept, String suffix) throws Exception {
        HttpResponse<byte[]> r = get("/id/instrument/palermo-protocol", accept);
        assertEquals(303, r.statusCode());
        assertEquals("/id/instrument/palermo-protocol" + suffix, URI.create(r.headers().firstValue("Location").orElseThrow()).getPath());
        assertEquals("Accept", r.headers().firstValue("Vary").orElse(""));
    }

    /** The VoID and service descriptions weigh Accept's q-values as the documents do (the same Jena ConNeg). */
    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
        "/ctkg/void,   'text/turtle;q=0.5, application/ld+json',        application/ld+json",
        "/ctkg/sparql, 'application/rdf+xml;q=0.1, application/n-triples', application/n-triples",
        "/ctkg/sparql, 'text/html',                                     text/turtle",
        "/ctkg/void,   ,                                                text/turtle",
    })
    void descriptionsWeighQValues(String path, String accept, String type) throws Exception {
        HttpResponse<byte[]> r = get(path, accept);
        assertEquals(200, r.statusCode());
        assertEquals(type, r.headers().firstValue("Content-Type").orElseThrow().split(";")[0]);
        assertEquals("Accept", r.headers().firstValue("Vary").orElse(""));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({".ttl", ".jsonld", ".nt", ".rdf", "?format=ttl"})
    void documentsHoldABoundedDescription(String suffix) throws Exception {
        HttpResponse<byte[]> r = get("/id/instrument/palermo-protocol" + suffix, null);
        assertEquals(200, r.statusCode());
        Lang lang = RDFLanguages.contentTypeToLang(r.headers().firstValue("Content-Type").orElseThrow().split(";")[0]);
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(new ByteArrayInputStream(r.body())).lang(lang).parse(g);
        var supplements = NodeFactory.createURI("https://w3id.org/ctkg/ontology#supplements");
        var untoc = NodeFactory.createURI("https://w3id.org/ctkg/id/instrument/untoc");
        assertTrue(g.contains(NodeFactory.createURI(PALERMO), supplements, untoc), "outgoing statements");
        assertTrue(g.contains(NodeFactory.createURI("https://w3id.org/ctkg/id/claim/measures-not-far-enough"), NodeFactory.createURI("https://w3id.org/ctkg/ontology#about"), NodeFactory.createURI(PALERMO)), "incoming links");
        assertTrue(g.contains(untoc, org.apache.jena.vocabulary.RDFS.Nodes.label, org.apache.jena.graph.Node.ANY), "labels of what it links to");
        assertTrue(g.size() > 150, "the 136 Palermo status records of the DOL data link to it too: " + g.size());
        assertTrue(g.stream(null, null, NodeFactory.createURI(PALERMO)).count() <= ResourceDescription.MAX_INCOMING, "incoming links capped");
        assertTrue(g.size() < 2 * (ResourceDescription.MAX_OUTGOING + ResourceDescription.MAX_INCOMING), "bounded: " + g.size());
    }

    @Test
    void unknownIrisAnswer404WithAPage() throws Exception {
        HttpResponse<byte[]> r = get("/id/instrument/no-such-thing.html", null);
        assertEquals(404, r.statusCode());
        String page = new String(r.body(), StandardCharsets.UTF_8);
        assertTrue(page.contains("Nothing is known about this IRI"));
        assertEquals(404, get("/id/instrument/no-such-thing.ttl", null).statusCode());
        java.util.List<String> links = java.util.regex.Pattern.compile("href=\"(/[^\"]*)\"").matcher(page).results().map(m -> m.group(1)).toList();
        assertFalse(links.isEmpty(), page);
        for (String link : links)
            assertEquals(200, get(link, "text/html").statusCode(), "the 404 page links to " + link);
    }

    @Test
    void theOntologyDereferences() throws Exception {
        assertEquals(303, get("/ontology", "text/turtle").statusCode());
        HttpResponse<byte[]> r = get("/ontology.ttl", null);
        assertEquals(200, r.statusCode());
        assertTrue(new String(r.body(), StandardCharsets.UTF_8).contains("owl:versionIRI") || new String(r.body(), StandardCharsets.UTF_8).contains("versionIRI"));
    }

    @Test
    void aResourcePageShowsLabelsSourcesAndReadableNumbers() throws Exception {
        String page = new String(get("/id/statistic/traffickers-profits-150-billion.html", null).body(), StandardCharsets.UTF_8);
        assertTrue(page.contains("<h1>Estimated $150 billion reaped by traffickers</h1>"), page);
        assertTrue(page.contains("150 billion"), "readable number");
        assertTrue(page.contains("Statements of The Crime Report's summary of the CFR report"), "the source of each statement");
        assertTrue(page.contains("href=\"/id/statistic/ilo-2014-profits\""), "ctkg IRIs link to this server's pages");
    }

    @Test
    void aResourcePageDrawsItsNeighbourhood() throws Exception {
        String page = new String(get("/id/instrument/palermo-protocol.html", null).body(), StandardCharsets.UTF_8);
        int start = page.indexOf("<svg class=\"neighbourhood\"");
        int end = page.indexOf("</svg>", start);
        assertTrue(start > 0 && end > start, "an SVG picture");
        String svg = page.substring(start, end);
        assertTrue(svg.contains("<a href=\"/id/instrument/untoc\">"), "the convention it supplements, clickable");
        assertTrue(svg.contains(">supplements</text>"), "edges labelled with their property");
        assertTrue(svg.contains("<a href=\"/id/claim/measures-not-far-enough\">"), "incoming links too");
        String evil = new String(get("/id/test/evil.html", null).body(), StandardCharsets.UTF_8);
        assertFalse(evil.contains("href=\"javascript:"), "no javascript: links in the picture either");
    }

    @Test
    void theOntologyPageDocumentsEveryTerm() throws Exception {
        String page = new String(get("/ontology.html", null).body(), StandardCharsets.UTF_8);
        assertTrue(page.contains("<section id=\"Statistic\">"), "an anchor per term");
        assertTrue(page.contains("<section id=\"supplements\">"));
        assertTrue(page.contains("http://data.europa.eu/eli/ontology#amends"), "alignments to standard vocabularies");
        assertTrue(page.contains("<dt>domain</dt>") && page.contains("<dt>range</dt>"));
    }

    @Test
    void aGraphPageListsWhatTheSourceSays() throws Exception {
        String page = new String(get("/graph/unodc-ctoc-signatures.html", null).body(), StandardCharsets.UTF_8);
        assertTrue(page.contains("What this source says"), page);
        assertTrue(page.contains("href=\"/id/instrument/palermo-protocol\""), "the protocol is described by that source");
    }

    @Test
    void hostileValuesRenderAsInertText() throws Exception {
        String page = new String(get("/id/test/evil.html", null).body(), StandardCharsets.UTF_8);
        assertFalse(page.contains("<script>"), page);
        assertTrue(page.contains("&lt;script&gt;alert('label')&lt;/script&gt;"), page);
        HostileValuesTest.assertInert("resource page", page);   // no attribute breakout: no event handler in any tag
        assertFalse(page.contains("href=\"javascript:"), "javascript: links");
        assertTrue(page.contains("javascript:alert(1)"), "shown as text");
    }

    @Test
    void jsonLdIsCompactedWithCtkgsContext() throws Exception {
        HttpResponse<byte[]> r = get("/id/instrument/palermo-protocol.jsonld", null);
        assertEquals("application/ld+json", r.headers().firstValue("Content-Type").orElseThrow().split(";")[0]);
        jakarta.json.JsonObject doc = jakarta.json.Json.createReader(new ByteArrayInputStream(r.body())).readObject();
        assertTrue(doc.getJsonObject("@context").containsKey("supplements"), "the context is embedded");
        jakarta.json.JsonObject palermo = doc.getJsonArray("@graph").stream().map(v -> v.asJsonObject())
                .filter(o -> o.getString("@id").equals(PALERMO)).findFirst().orElseThrow();
        assertEquals("https://w3id.org/ctkg/id/instrument/untoc", palermo.getString("supplements"), "object properties are plain IRIs under readable keys");
        assertTrue(palermo.containsKey("label"), palermo.toString());
        Graph fromJsonLd = GraphFactory.createDefaultGraph();
        RDFParser.source(new ByteArrayInputStream(r.body())).lang(Lang.JSONLD).parse(fromJsonLd);
        Graph fromTurtle = GraphFactory.createDefaultGraph();
        RDFParser.source(new ByteArrayInputStream(get("/id/instrument/palermo-protocol.ttl", null).body())).lang(Lang.TURTLE).parse(fromTurtle);
        assertTrue(fromJsonLd.isIsomorphicWith(fromTurtle), "the same statements as the Turtle document");
    }

    @Test
    void theContextIsServedOnItsOwn() throws Exception {
        HttpResponse<byte[]> r = get("/context.jsonld", null);
        assertEquals(200, r.statusCode());
        jakarta.json.JsonObject ctx = jakarta.json.Json.createReader(new ByteArrayInputStream(r.body())).readObject().getJsonObject("@context");
        assertEquals("@id", ctx.getJsonObject("wouldChange").getString("@type"), "object properties are typed @id");
        assertEquals("https://w3id.org/ctkg/ontology#Recommendation", ctx.getString("Recommendation"));
    }

    @Test
    void theServerAnswersForAConfiguredPublicBase() throws Exception {
        DatasetGraph dsg = Stores.curatedScratch();
        Txn.executeWrite(dsg, () -> dsg.add(NodeFactory.createURI("https://kg.example.org/graph/own"), NodeFactory.createURI("https://kg.example.org/id/thing/one"),
                org.apache.jena.vocabulary.RDFS.Nodes.label, NodeFactory.createLiteralString("Our own thing")));
        CtkgServer own = CtkgServer.create().port(0).dataset(dsg).publicBase("https://kg.example.org/").build().start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(own.baseUrl() + "/id/thing/one.html")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("<h1>Our own thing</h1>"), page.body());
            assertEquals(404, http.send(HttpRequest.newBuilder(URI.create(own.baseUrl() + "/id/instrument/palermo-protocol.html")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode(), "w3id IRIs are not under that base");
        } finally {
            own.stop();
        }
    }
}
