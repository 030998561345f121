package org.ctkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.ctkg.loader.Stores;
import org.ctkg.testkit.SparqlHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The served dataset: the union default graph, every query service, and no way to write. */
class CtkgServerTest {
    /** A new client per request: a pooled connection that the server closed after an error answer would fail the next request. */
    private static HttpClient http() {
        return HttpClient.newHttpClient();
    }
    private static DatasetGraph dsg;
    private static CtkgServer server;

    @BeforeAll
    static void start() {
        dsg = Stores.curatedScratch();
        server = CtkgServer.create().port(0).dataset(dsg).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static long quadCount() {
        return Txn.calculateRead(dsg, () -> dsg.stream().count());
    }

    @Test
    void errorPagesNameNoExceptionInsideFusekisDispatchOrOutside() {
        org.eclipse.jetty.server.Server jetty = server.connectors()[0].getServer();
        assertTrue(jetty.getErrorHandler() instanceof org.ctkg.server.http.ErrorPages, "the server's: " + jetty.getErrorHandler());
        var contexts = jetty.getDescendants(org.eclipse.jetty.ee10.servlet.ServletContextHandler.class);
        assertTrue(!contexts.isEmpty(), "Fuseki's servlet context is found");
        for (var context : contexts)
            assertTrue(context.getErrorHandler() instanceof org.ctkg.server.http.ErrorPages, "the servlet context's: " + context.getErrorHandler());
    }

    @Test
    void defaultGraphIsTheUnionOfTheSourceGraphs() throws Exception {
        List<List<String>> rows = SparqlHttp.select(server.sparqlUrl(),
                "SELECT (COUNT(DISTINCT ?g) AS ?graphs) (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }");
        int graphs = Integer.parseInt(rows.get(0).get(0));
        assertTrue(graphs >= 20, "named graphs served: " + graphs);
        List<List<String>> inDefault = SparqlHttp.select(server.sparqlUrl(),
                "ASK { <https://w3id.org/ctkg/id/instrument/palermo-protocol> <https://w3id.org/ctkg/ontology#supplements> ?c }".replace("ASK", "SELECT ?c WHERE"));
        assertEquals(List.of(List.of("https://w3id.org/ctkg/id/instrument/untoc")), inDefault);
    }

    @Test
    void everyQueryServiceAnswers() throws Exception {
        for (String path : List.of("/ctkg", "/ctkg/sparql", "/ctkg/query")) {
            String url = server.baseUrl() + path + "?query=" + java.net.URLEncoder.encode("ASK { ?s ?p ?o }", StandardCharsets.UTF_8);
            HttpResponse<String> r = http().send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/sparql-results+json").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), path);
            assertTrue(r.body().contains("true"), path + ": " + r.body());
        }
    }

    @Test
    void graphStoreReadsWork() throws Exception {
        String url = server.baseUrl() + "/ctkg/data?graph=" + java.net.URLEncoder.encode("https://w3id.org/ctkg/graph/tcr-2021-strategic-threat", StandardCharsets.UTF_8);
        HttpResponse<String> r = http().send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/n-triples").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("palermo-protocol"));
    }

    @Test
    void writesAreRefusedAndTheDataIsUntouched() throws Exception {
        long before = quadCount();
        HttpResponse<String> update = http().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/ctkg/update"))
                .header("Content-Type", "application/sparql-update").POST(HttpRequest.BodyPublishers.ofString("CLEAR ALL")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(update.statusCode() >= 400, "update answered " + update.statusCode());
        HttpResponse<String> viaQuery = http().send(HttpRequest.newBuilder(URI.create(server.sparqlUrl()))
                .header("Content-Type", "application/sparql-update").POST(HttpRequest.BodyPublishers.ofString("CLEAR ALL")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(viaQuery.statusCode() >= 400, "update via the query service answered " + viaQuery.statusCode());
        HttpResponse<String> put = http().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/ctkg/data?default"))
                .header("Content-Type", "text/turtle").PUT(HttpRequest.BodyPublishers.ofString("<urn:a> <urn:b> <urn:c> .")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(put.statusCode() >= 400, "GSP PUT answered " + put.statusCode());
        assertEquals(before, quadCount());
    }

    @Test
    void aBadQueryIsA400WithAMessage() throws Exception {
        var r = SparqlHttp.post(server.sparqlUrl(), "SELECT ?s WHERE { ?s ?p }", "application/sparql-results+json");
        assertEquals(400, r.statusCode());
        assertTrue(new String(r.body(), StandardCharsets.UTF_8).contains("Parse error"));
    }
}
