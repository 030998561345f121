package org.ctkg.server.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.Json;

import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.ctkg.loader.AccessLevels;
import org.ctkg.loader.Stores;
import org.ctkg.server.CtkgServer;
import org.ctkg.testkit.CaseRecordFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restricted graphs on every read route: generated case records loaded restricted into two graphs
 * through the live load service, then asked for by an anonymous client on each route (none found),
 * by a reader allowed every restricted graph (all found), by a reader allowed one (that one only),
 * and with a wrong password (401). Real server on port 0, real TDB2, HTTP.
 */
class RestrictedGraphsTest {
    static final String A = "https://w3id.org/ctkg/graph/cases-a";
    static final String B = "https://w3id.org/ctkg/graph/cases-b";
    static final String CASE_A = "https://w3id.org/ctkg/id/case/s1-0";
    static final String CASE_B = "https://w3id.org/ctkg/id/case/s2-0";
    static final String SECRET = "Zyxwvutsecret";
    static final String PREFIXES = "PREFIX ctkg: <https://w3id.org/ctkg/ontology#>\nPREFIX text: <http://jena.apache.org/text#>\n"
            + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n";
    static final String COUNT_CASES = PREFIXES + "SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s a ctkg:CaseRecord }";

    @TempDir
    static Path tmp;
    static CtkgServer server;
    static Client anonymous, alice, bob, writer;
    static long casesA, casesB;
    /**
     * What the public sees of a store holding only the public graphs of this one (the published case
     * counts among them, which restricted loads make): a twin server over the public's own export.
     */
    static Model voidBefore, serviceBefore;
    static String homeBefore;

    @BeforeAll
    static void start() throws Exception {
        Path readers = Files.writeString(tmp.resolve("readers"), "# readers\nalice: alice-pw restricted\nbob: bob-pw " + A + "\n");
        server = CtkgServer.create().port(0).dataset(Stores.curatedScratch()).writer("writer", "writer-pw")
                .readers(readers).readerLog(tmp.resolve("reader-log"), 7).build().start();
        String base = server.baseUrl();
        anonymous = Client.anonymous(base);
        alice = Client.as(base, "alice", "alice-pw");
        bob = Client.as(base, "bob", "bob-pw");
        writer = Client.as(base, "writer", "writer-pw");
        casesA = load(A, "a", 1, 3000);
        casesB = load(B, "b", 2, 600);
        String label = "<" + CASE_A + "> <http://www.w3.org/2000/01/rdf-schema#label> \"" + SECRET + " Person\" .\n";
        assertEquals(200, writer.post(CtkgServer.LOAD_PATH + "?access=restricted&name=label.nt&graph=" + Client.enc(A), "application/n-triples", label).statusCode());
        publicTwin();
    }

    /** Serves what the public can export (every quad it sees) from a store of its own, and keeps what the public sees there. */
    static void publicTwin() throws Exception {
        String quads = anonymous.ok("/ctkg/data", "application/n-quads");
        assertFalse(quads.contains("/id/case/"), "the public's export has no record");
        DatasetGraph twin = DatabaseMgr.createDatasetGraph();
        Txn.executeWrite(twin, () -> RDFParser.fromString(quads, Lang.NQUADS).parse(twin));
        Stores.unionDefaultGraph(twin);
        CtkgServer publicOnly = CtkgServer.create().port(0).dataset(twin).build().start();
        try {
            Client c = Client.anonymous(publicOnly.baseUrl());
            String here = server.baseUrl(), there = publicOnly.baseUrl();
            voidBefore = turtle(c.ok("/ctkg/void", "text/turtle").replace(there, here));
            serviceBefore = turtle(c.ok("/ctkg/sparql", "text/turtle").replace(there, here));
            homeBefore = c.ok("/", "text/html").replace(there, here);
        } finally {
            publicOnly.stop();
        }
    }

    /** Live-loads generated case records into the graph, restricted; returns how many records. */
    static long load(String graph, String dir, long seed, long triples) throws Exception {
        Path cases = CaseRecordFiles.write(Files.createDirectories(tmp.resolve(dir)), seed, triples);
        HttpResponse<String> r = writer.post(CtkgServer.LOAD_PATH + "?access=restricted&name=cases.nt&graph=" + Client.enc(graph),
                "application/n-triples", Files.readString(cases));
        assertEquals(200, r.statusCode(), r.body());
        return Files.readAllLines(cases).stream().filter(l -> l.contains("/ontology#CaseRecord>")).count();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static Model turtle(String text) {
        Model m = ModelFactory.createDefaultModel();
        RDFParser.fromString(text, Lang.TURTLE).parse(m);
        return m;
    }

    static List<String> column(ResultSet rs, String var) {
        List<String> values = new ArrayList<>();
        rs.forEachRemaining(row -> values.add(row.get(var).toString()));
        return values;
    }

    // --- SPARQL query ---------------------------------------------------------------------

    @Test
    void theUnionDefaultGraphHasNoRestrictedRecord() throws Exception {
        assertEquals(0, anonymous.count(COUNT_CASES));
        assertEquals(0, anonymous.count("SELECT (COUNT(*) AS ?n) { <" + CASE_A + "> ?p ?o }"));
        assertEquals(0, anonymous.count(PREFIXES + "SELECT (COUNT(*) AS ?n) { ?s ctkg:countryOfExploitation ?c }"), "nor links to public resources");
    }

    @Test
    void graphVariablesNameNoRestrictedGraph() throws Exception {
        List<String> graphs = column(anonymous.select("SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } }"), "g");
        List<String> empty = column(anonymous.select("SELECT DISTINCT ?g { GRAPH ?g { } }"), "g");
        for (String hidden : List.of(A, B, AccessLevels.GRAPH.getURI(), AccessLevels.RESTRICTED_PROVENANCE.getURI())) {
            assertFalse(graphs.contains(hidden), hidden + " in " + graphs);
            assertFalse(empty.contains(hidden), hidden + " in " + empty);
        }
        assertTrue(graphs.contains("https://w3id.org/ctkg/graph/provenance"), "public graphs are named: " + graphs);
        assertEquals(0, anonymous.count("SELECT (COUNT(*) AS ?n) { GRAPH <" + A + "> { ?s ?p ?o } }"));
    }

    @Test
    void fromAndFromNamedGiveNothingRestricted() throws Exception {
        assertEquals(0, anonymous.count("SELECT (COUNT(*) AS ?n) FROM <" + A + "> { ?s ?p ?o }"));
        assertEquals(0, anonymous.count("SELECT (COUNT(*) AS ?n) FROM NAMED <" + A + "> FROM NAMED <" + B + "> { GRAPH ?g { ?s ?p ?o } }"));
        HttpResponse<String> r = anonymous.get("/ctkg/sparql?default-graph-uri=" + Client.enc(A) + "&query="
                + Client.enc("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"), "text/csv");
        assertEquals("n\r\n0\r\n", r.body(), "the protocol's default-graph-uri too");
    }

    @Test
    void describeOfARestrictedIriIsEmpty() throws Exception {
        HttpResponse<String> r = anonymous.query("DESCRIBE <" + CASE_A + ">", "text/turtle");
        assertEquals(200, r.statusCode());
        assertTrue(turtle(r.body()).isEmpty(), r.body());
        assertTrue(turtle(anonymous.query("DESCRIBE <https://w3id.org/ctkg/id/country/mex>", "text/turtle").body())
                .listStatements(null, null, (org.apache.jena.rdf.model.RDFNode) null).toList().stream()
                .noneMatch(s -> s.getSubject().getURI() != null && s.getSubject().getURI().contains("/id/case/")), "a public resource's description names no record");
    }

    @Test
    void textQueryFindsNoRestrictedLabel() throws Exception {
        assertEquals(0, anonymous.count(PREFIXES + "SELECT (COUNT(*) AS ?n) { ?s text:query \"" + SECRET + "\" }"));
        assertEquals(1, writer.count(PREFIXES + "SELECT (COUNT(*) AS ?n) { ?s rdfs:label ?l FILTER(CONTAINS(?l, \"" + SECRET + "\")) }"), "the label is there");
    }

    @Test
    void aWritersUpdateIntoARestrictedGraphIsNotIndexed() throws Exception {
        String word = "Qvxupdated";
        HttpResponse<String> r = writer.post("/ctkg/update", "application/sparql-update", "INSERT DATA { GRAPH <" + A + "> { <" + CASE_A
                + "> <http://www.w3.org/2000/01/rdf-schema#label> \"" + word + "\" } }");
        assertTrue(r.statusCode() < 300, r.body());
        assertEquals(0, anonymous.count(PREFIXES + "SELECT (COUNT(*) AS ?n) { ?s text:query \"" + word + "\" }"));
        assertFalse(anonymous.ok("/search?q=" + word, "text/html").contains("/id/case/"));
        assertEquals(casesA, bob.count(COUNT_CASES), "the graph is still restricted");
    }

    // --- Graph Store Protocol -------------------------------------------------------------

    @Test
    void graphStoreReadsGiveNothingRestricted() throws Exception {
        assertEquals(404, anonymous.get("/ctkg/data?graph=" + Client.enc(A), "application/n-triples").statusCode());
        assertEquals(404, anonymous.get("/ctkg/data?graph=" + Client.enc(AccessLevels.GRAPH.getURI()), "application/n-triples").statusCode());
        assertFalse(anonymous.ok("/ctkg/data?default", "application/n-triples").contains("/id/case/"));
        String all = anonymous.ok("/ctkg/data", "application/n-quads");
        assertFalse(all.contains("/id/case/") || all.contains(A) || all.contains(B), "the whole dataset, as remote export reads it");
    }

    // --- pages ----------------------------------------------------------------------------

    @Test
    void resourceAndGraphPagesOfRestrictedThingsAreNotFound() throws Exception {
        assertEquals(404, anonymous.get("/id/case/s1-0.html", "text/html").statusCode());
        assertEquals(404, anonymous.get("/id/case/s1-0.ttl", "text/turtle").statusCode());
        assertEquals(404, anonymous.get("/graph/cases-a.html", "text/html").statusCode());
    }

    @Test
    void classPagesCountAndListNoRestrictedRecord() throws Exception {
        String page = anonymous.get("/classes/CaseRecord", "text/html").body();
        assertFalse(page.contains("/id/case/"), page);
        String linked = anonymous.get("/classes/CaseRecord?to=" + Client.enc("https://w3id.org/ctkg/id/country/mex")
                + "&by=" + Client.enc("https://w3id.org/ctkg/ontology#countryOfExploitation"), "text/html").body();
        assertFalse(linked.contains("/id/case/"), "the browse view of links: " + linked);
    }

    @Test
    void theHomePageCountsAsWithThePublicGraphsOnly() throws Exception {
        assertEquals(homeBefore, anonymous.ok("/", "text/html"));
    }

    @Test
    void searchFindsNoRestrictedLabel() throws Exception {
        assertFalse(anonymous.ok("/search?q=" + SECRET, "text/html").contains("/id/case/"));
    }

    @Test
    void aPublicResourcesPageAndPictureShowNoRecord() throws Exception {
        String mex = anonymous.ok("/id/country/mex.html", "text/html");
        String counts = "<section aria-labelledby=\"case-counts\"";
        String withoutCounts = mex.substring(0, mex.indexOf(counts)) + mex.substring(mex.indexOf("</section>", mex.indexOf(counts)));
        assertFalse(mex.contains("/id/case/") || withoutCounts.toLowerCase().contains("case record"),
                "Mexico's page, dossier and neighbourhood picture (but for the published counts)");
        String ttl = anonymous.ok("/id/country/mex.ttl", "text/turtle");
        assertFalse(ttl.contains("/id/case/"));
    }

    // --- discovery ------------------------------------------------------------------------

    @Test
    void voidAndServiceDescriptionCountAsWithThePublicGraphsOnly() throws Exception {
        Model after = turtle(anonymous.ok("/ctkg/void", "text/turtle"));
        assertTrue(after.isIsomorphicWith(voidBefore), "VoID counts, classes, graphs and examples as over the public graphs alone");
        assertTrue(turtle(anonymous.ok("/ctkg/sparql", "text/turtle")).isIsomorphicWith(serviceBefore));
    }

    @Test
    void cachesAreKeptApartPerAudience() throws Exception {
        String forAlice = alice.ok("/ctkg/void", "text/turtle");
        assertTrue(forAlice.contains("CaseRecord"), "a reader's VoID counts what they see");
        assertTrue(turtle(anonymous.ok("/ctkg/void", "text/turtle")).isIsomorphicWith(voidBefore), "the public's is still its own");
        assertTrue(alice.ok("/", "text/html").contains("/classes/CaseRecord"));
        assertEquals(homeBefore, anonymous.ok("/", "text/html"));
        HttpResponse<String> r = alice.get("/", "text/html");
        assertEquals("private, no-store", r.headers().firstValue("Cache-Control").orElse(""), "shared caches keep no reader's answer");
    }

    // --- readers --------------------------------------------------------------------------

    @Test
    void aReaderAllowedEveryRestrictedGraphSeesAll() throws Exception {
        assertEquals(casesA + casesB, alice.count(COUNT_CASES));
        assertEquals(casesA + casesB, writer.count(COUNT_CASES), "writers see everything");
        assertEquals(200, alice.get("/ctkg/data?graph=" + Client.enc(B), "application/n-triples").statusCode());
        assertEquals(200, alice.get("/id/case/s1-0.html", "text/html").statusCode());
        assertFalse(alice.ok("/search?q=" + SECRET, "text/html").contains("/id/case/"), "restricted graphs are not indexed, for readers either");
        assertFalse(turtle(alice.query("DESCRIBE <" + CASE_B + ">", "text/turtle").body()).isEmpty());
    }

    @Test
    void aReaderAllowedOneGraphDoesNotSeeAnother() throws Exception {
        assertEquals(casesA, bob.count(COUNT_CASES));
        assertEquals(200, bob.get("/ctkg/data?graph=" + Client.enc(A), "application/n-triples").statusCode());
        assertEquals(404, bob.get("/ctkg/data?graph=" + Client.enc(B), "application/n-triples").statusCode());
        assertEquals(404, bob.get("/id/case/s2-0.html", "text/html").statusCode());
        assertEquals(200, bob.get("/id/case/s1-0.html", "text/html").statusCode());
        assertEquals(0, bob.count("SELECT (COUNT(*) AS ?n) FROM NAMED <" + B + "> { GRAPH ?g { ?s ?p ?o } }"));
        List<String> graphs = column(bob.select("SELECT DISTINCT ?g { GRAPH ?g { } }"), "g");
        assertTrue(graphs.contains(A) && !graphs.contains(B), graphs.toString());
        assertFalse(graphs.contains(AccessLevels.GRAPH.getURI()), "the record of levels names the other graph");
    }

    @Test
    void aWrongPasswordIs401() throws Exception {
        HttpResponse<String> r = Client.as(server.baseUrl(), "alice", "wrong").get("/ctkg/sparql?query=" + Client.enc("ASK {}"), "text/csv");
        assertEquals(401, r.statusCode());
        assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertEquals(401, Client.as(server.baseUrl(), "nobody", "x").get("/id/case/s1-0.html", "text/html").statusCode());
    }

    @Test
    void readersCannotWrite() throws Exception {
        HttpResponse<String> r = alice.post("/ctkg/update", "application/sparql-update", "CLEAR GRAPH <" + A + ">");
        assertEquals(401, r.statusCode());
        assertEquals(casesA + casesB, writer.count(COUNT_CASES));
    }

    @Test
    void readersQueriesAreLoggedWithoutTheirText() throws Exception {
        alice.count(PREFIXES + "SELECT (COUNT(*) AS ?n) { ?s rdfs:label \"" + SECRET + " Person\" }");
        alice.get("/search?q=" + SECRET + "-page", "text/html");
        String log = String.join("\n", Files.readAllLines(Files.list(tmp.resolve("reader-log")).findFirst().orElseThrow()));
        assertTrue(log.contains("\talice\tPOST\t/ctkg/sparql\t200\t"), log);
        assertTrue(log.contains("\talice\tGET\t/search\t"), log);
        assertFalse(log.contains(SECRET), "no query text: " + log);
    }

    @Test
    void liveLoadAnswersSayWhatWasRestricted() throws Exception {
        HttpResponse<String> r = writer.post(CtkgServer.LOAD_PATH + "?name=x.nt&graph=" + Client.enc(A), "application/n-triples",
                "<https://w3id.org/ctkg/id/note/x> <http://www.w3.org/2000/01/rdf-schema#label> \"x\" .\n");
        assertEquals(400, r.statusCode(), "a public load into a restricted graph is refused");
        assertEquals(2, Json.createReader(new StringReader(r.body())).readObject().getInt("exitCode"));
        assertTrue(r.body().contains("--change-access"), r.body());
        assertEquals(casesA, bob.count(COUNT_CASES), "and changes nothing");
    }
}
