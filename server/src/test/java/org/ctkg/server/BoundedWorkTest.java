package org.ctkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.ctkg.loader.Stores;
import org.ctkg.server.http.CappedQuery;
import org.ctkg.testkit.SparqlHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A runaway query is stopped with a clear error while others are answered; anonymous rows are capped. */
class BoundedWorkTest {
    private static CtkgServer server;

    @BeforeAll
    static void start() {
        server = CtkgServer.create().port(0).dataset(Stores.curatedScratch()).queryTimeoutMillis(1000).maxRows(5)
                .maxQueryBytes(100_000).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void anOversizedQueryIsRefusedBeforeItIsReadAndTheServerKeepsAnswering() throws Exception {
        String padded = "ASK { ?s ?p ?o } # " + "x".repeat(2_000_000);
        for (String type : new String[] {"application/sparql-query", "application/x-www-form-urlencoded"}) {
            String body = type.startsWith("application/x-www") ? "query=" + padded : padded;
            java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.sparqlUrl())).header("Content-Type", type)
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(413, r.statusCode(), type);
            assertTrue(r.body().contains("this server takes at most 100000"), r.body());
            assertFalse(r.body().contains("at org."), "no stack trace");
        }
        // A body of undeclared length (chunked) is refused too.
        java.net.http.HttpResponse<String> chunked = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.sparqlUrl())).header("Content-Type", "application/sparql-query")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                                () -> new java.io.ByteArrayInputStream("ASK {}".getBytes(java.nio.charset.StandardCharsets.UTF_8)))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(411, chunked.statusCode());
        assertEquals(1, SparqlHttp.select(server.sparqlUrl(), "SELECT ?s { ?s ?p ?o } LIMIT 1").size(), "still answering");
    }

    @Test
    void aSenderStillSendingItsOversizedBodyReadsTheRefusal() throws Exception {
        // A client that goes on writing its body after the server has answered must still read the
        // 413, not a connection reset because the server closed on bytes it never read. The client
        // here sends a first part, gives the server half a second to answer early (a server that
        // drains first answers only at the end, and the wait simply runs out), then the rest.
        java.net.URI uri = java.net.URI.create(server.sparqlUrl());
        byte[] body = ("ASK { ?s ?p ?o } # " + "x".repeat(2_000_000)).getBytes(StandardCharsets.UTF_8);
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            var out = socket.getOutputStream();
            var in = socket.getInputStream();
            out.write(("POST " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nContent-Type: application/sparql-query\r\n"
                       + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, 65_536);
            out.flush();
            long until = System.nanoTime() + 500_000_000L;
            while (in.available() == 0 && System.nanoTime() < until)
                Thread.onSpinWait();
            try {
                for (int at = 65_536; at < body.length; at += 65_536)
                    out.write(body, at, Math.min(65_536, body.length - at));
                out.flush();
            } catch (java.io.IOException e) {
                throw new AssertionError("the server closed while the body was still coming: " + e, e);
            }
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.contains("this server takes at most 100000"), answer);
        }
    }

    @Test
    void aRunawayQueryTimesOutAndTheServerKeepsAnswering() throws Exception {
        String crossProduct = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<byte[]>> runaway = CompletableFuture.supplyAsync(() -> {
            try {
                return SparqlHttp.post(server.sparqlUrl(), crossProduct, "application/sparql-results+json");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        List<List<String>> cheap = SparqlHttp.select(server.sparqlUrl(),
                "SELECT ?c { <https://w3id.org/ctkg/id/instrument/palermo-protocol> <https://w3id.org/ctkg/ontology#supplements> ?c }");
        assertEquals(List.of(List.of("https://w3id.org/ctkg/id/instrument/untoc")), cheap, "a cheap query is answered meanwhile");
        HttpResponse<byte[]> r = runaway.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(503, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        assertTrue(new String(r.body(), StandardCharsets.UTF_8).toLowerCase().contains("timeout")
                   || new String(r.body(), StandardCharsets.UTF_8).toLowerCase().contains("timed out"), "says it timed out");
        assertTrue(seconds < 15, "stopped after " + seconds + " s");
    }

    @Test
    void anonymousRowsAreCappedAndTheResponseSaysSo() throws Exception {
        HttpResponse<byte[]> r = SparqlHttp.post(server.sparqlUrl(), "SELECT ?s { ?s a ?type }", "application/sparql-results+json");
        assertEquals(200, r.statusCode());
        assertEquals("5", r.headers().firstValue(CappedQuery.HEADER).orElse(null));
        assertEquals(5, SparqlHttp.select(server.sparqlUrl(), "SELECT ?s { ?s a ?type }").size());
        HttpResponse<byte[]> small = SparqlHttp.post(server.sparqlUrl(), "SELECT ?s { ?s a ?type } LIMIT 3", "application/sparql-results+json");
        assertTrue(small.headers().firstValue(CappedQuery.HEADER).isEmpty(), "no cap needed");
        assertEquals(3, SparqlHttp.select(server.sparqlUrl(), "SELECT ?s { ?s a ?type } LIMIT 3").size());
    }
}
