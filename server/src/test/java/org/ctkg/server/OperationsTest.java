package org.ctkg.server;

import org.ctkg.testkit.SparqlHttp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import org.ctkg.loader.Stores;
import org.junit.jupiter.api.Test;

/** Operations: a graceful stop lets requests in flight finish. */
class OperationsTest {
    @Test
    void gracefulStopLetsARequestInFlightFinish() throws Exception {
        CtkgServer server = CtkgServer.create().port(0).dataset(Stores.curatedInMemory()).queryTimeoutMillis(60_000).build().start();
        // A few seconds of work whatever the store's size: a cross product of 3000 × 3000 values.
        String slow = "SELECT (COUNT(*) AS ?n) { { SELECT ?c { ?a ?b ?c } LIMIT 3000 } { SELECT ?f { ?d ?e ?f } LIMIT 3000 }"
                + " FILTER(STRLEN(STR(?c)) > STRLEN(STR(?f))) }";
        CompletableFuture<HttpResponse<byte[]>> inFlight = CompletableFuture.supplyAsync(() -> {
            try {
                return SparqlHttp.post(server.sparqlUrl(), slow, "application/sparql-results+json");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (server.requestsInFlight() == 0 && System.nanoTime() < deadline && !inFlight.isDone())
            Thread.sleep(5);
        assertTrue(server.requestsInFlight() > 0, "the slow query was not in flight");
        server.stop();
        HttpResponse<byte[]> r = inFlight.get();
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        assertTrue(new String(r.body(), StandardCharsets.UTF_8).contains("\"n\""));
        assertThrows(Exception.class, () -> SparqlHttp.post(server.sparqlUrl(), "ASK {}", "application/sparql-results+json"),
                     "a stopped server takes no new requests");
    }
}
