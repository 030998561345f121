package org.ctkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.ctkg.loader.Stores;
import org.ctkg.testkit.SparqlHttp;
import org.junit.jupiter.api.Test;

/** Operations: a graceful stop lets requests in flight finish. */
class OperationsTest {
    /**
     * A query whose body the client is still sending is in flight, however fast the machine is:
     * the stop begins while it is, and the request still gets its answer once the body arrives.
     */
    @Test
    void gracefulStopLetsARequestInFlightFinish() throws Exception {
        CtkgServer server = CtkgServer.create().port(0).dataset(Stores.curatedInMemory()).build().start();
        PipedOutputStream body = new PipedOutputStream();
        PipedInputStream sent = new PipedInputStream(body);
        CompletableFuture<HttpResponse<String>> inFlight = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(URI.create(server.sparqlUrl()))
                        .header("Content-Type", "application/sparql-query").header("Accept", "application/sparql-results+json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> sent)).build(),
                HttpResponse.BodyHandlers.ofString());
        write(body, "SELECT (COUNT(*) AS ?n) ");
        awaitInFlight(server, inFlight);

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::stop);
        awaitRefusingNewRequests(server);
        assertTrue(!inFlight.isDone() && !stopping.isDone(), "the stop waits for the request in flight");
        write(body, "{ ?s ?p ?o }");
        body.close();

        HttpResponse<String> r = inFlight.get(60, TimeUnit.SECONDS);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"n\""), r.body());
        stopping.get(60, TimeUnit.SECONDS);
        assertThrows(Exception.class, () -> SparqlHttp.post(server.sparqlUrl(), "ASK {}", "application/sparql-results+json"),
                     "a stopped server takes no new requests");
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void awaitInFlight(CtkgServer server, CompletableFuture<?> request) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (server.requestsInFlight() == 0 && !request.isDone() && System.nanoTime() < deadline)
            Thread.sleep(5);
        assertEquals(1, server.requestsInFlight(), "the query is in flight");
    }

    /** Until a new request is refused (the server is stopping): a stop that has begun. */
    private static void awaitRefusingNewRequests(CtkgServer server) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                if (SparqlHttp.post(server.sparqlUrl(), "ASK {}", "application/sparql-results+json").statusCode() != 200)
                    return;
            } catch (IOException e) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the server kept taking new requests after the stop began");
    }
}
