package org.ctkg.server.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.ctkg.loader.Stores;
import org.ctkg.server.CtkgServer;
import org.ctkg.testkit.SparqlHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Full-text search as SPARQL ({@code text:query}) and as a page, kept in step with writes made through the server. */
class SearchTest {
    private static final String PREFIXES = "PREFIX text: <http://jena.apache.org/text#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n";
    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8));
    private static CtkgServer server;

    @BeforeAll
    static void start() {
        server = CtkgServer.create().port(0).dataset(Stores.curatedScratch()).writer("alice", "s3cret").build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static List<String> textQuery(String words) throws Exception {
        List<List<String>> rows = SparqlHttp.select(server.sparqlUrl(), PREFIXES
                + "SELECT ?s WHERE { (?s ?score) text:query \"" + words + "\" } ORDER BY DESC(?score)");
        return rows.stream().map(r -> r.get(0)).toList();
    }

    private static String searchPage(String words) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/search?q=" + URLEncoder.encode(words, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int send(String method, String path, String contentType, String body) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).header("Content-Type", contentType).header("Authorization", AUTH)
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static int update(String update) throws Exception {
        return send("POST", "/ctkg/update", "application/sparql-update", update);
    }

    @Test
    void textQueryInSparqlRanksTheProtocolFirst() throws Exception {
        List<String> hits = textQuery("palermo");
        assertEquals("https://w3id.org/ctkg/id/instrument/palermo-protocol", hits.get(0), hits.toString());
        List<List<String>> labelled = SparqlHttp.select(server.sparqlUrl(), PREFIXES
                + "SELECT ?s ?label WHERE { ?s text:query (rdfs:label \"trafficking victims protection\") ; rdfs:label ?label }");
        assertTrue(labelled.stream().anyMatch(r -> r.get(1).contains("Trafficking Victims Protection Act")), labelled.toString());
    }

    @Test
    void searchFollowsUpdatesAndDeletes() throws Exception {
        String data = "GRAPH <urn:test:search> { <https://w3id.org/ctkg/id/test/quokka> rdfs:label \"Quokkaberry plantation inquiry\" }";
        assertTrue(textQuery("quokkaberry").isEmpty());
        assertEquals(204, update(PREFIXES + "INSERT DATA { " + data + " }"));
        assertEquals(List.of("https://w3id.org/ctkg/id/test/quokka"), textQuery("quokkaberry"), "a committed insert is found");
        assertTrue(searchPage("quokkaberry").contains("href=\"/id/test/quokka\""), "by the search page too");
        assertEquals(204, update(PREFIXES + "DELETE DATA { " + data + " }"));
        assertTrue(textQuery("quokkaberry").isEmpty(), "a committed delete is no longer found");
        assertFalse(searchPage("quokkaberry").contains("/id/test/quokka"));
    }

    @Test
    void searchFollowsAGraphReplacedAndForgetsAFailedWrite() throws Exception {
        String graph = "/ctkg/data?graph=" + URLEncoder.encode("urn:test:replace", StandardCharsets.UTF_8);
        assertEquals(201, send("PUT", graph, "text/turtle", "<urn:test:x> <http://www.w3.org/2000/01/rdf-schema#label> \"Wombatine ledger\" ."));
        assertEquals(List.of("urn:test:x"), textQuery("wombatine"));
        assertEquals(200, send("PUT", graph, "text/turtle", "<urn:test:x> <http://www.w3.org/2000/01/rdf-schema#label> \"Platypoid ledger\" ."));
        assertTrue(textQuery("wombatine").isEmpty(), "replaced content is no longer found");
        assertEquals(List.of("urn:test:x"), textQuery("platypoid"));
        int status = send("POST", graph, "text/turtle",
                "<urn:test:y> <http://www.w3.org/2000/01/rdf-schema#label> \"Echidnian ledger\" .\n<urn:test:y> <urn:test:p> \"unterminated .");
        assertEquals(400, status, "a syntax error is refused");
        assertTrue(textQuery("echidnian").isEmpty(), "what the failed write parsed before its error is not indexed");
        assertEquals(List.of("urn:test:x"), textQuery("platypoid"), "and the index is otherwise unchanged");
    }
}
