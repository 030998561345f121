package org.ctkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.jena.tdb2.DatabaseMgr;
import org.ctkg.loader.Stores;
import org.ctkg.server.http.Admission;
import org.ctkg.testkit.SparqlHttp;
import org.junit.jupiter.api.Test;

/** Operations: a graceful stop lets requests in flight finish; {@code /$/ready} says whether to send readers. */
class OperationsTest {
    /**
     * A query whose body the client is still sending is in flight, however fast the machine is:
     * the stop begins while it is, the client pauses mid-body as slow clients do, and the request
     * still gets its answer once the body arrives; then the server closes the keep-alive
     * connection rather than wait on it. (A raw socket, so that nothing between the test and the
     * server buffers the body.)
     */
    @Test
    void gracefulStopLetsARequestInFlightFinish() throws Exception {
        // A stop timeout far longer than the test needs: the machine's speed cannot decide the outcome.
        CtkgServer server = CtkgServer.create().port(0).dataset(Stores.curatedScratch()).stopTimeoutMillis(120_000).build().start();
        byte[] query = "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }".getBytes(StandardCharsets.US_ASCII);
        int sentFirst = 10;
        try (Socket socket = new Socket("localhost", server.port())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /ctkg/sparql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/sparql-query\r\n"
                    + "Accept: application/sparql-results+json\r\nContent-Length: " + query.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(query, 0, sentFirst);
            out.flush();
            awaitInFlight(server);

            CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::stop);
            awaitStopping(server);
            assertFalse(stopping.isDone(), "the stop waits for the request in flight");
            Thread.sleep(SLOW_SENDER_PAUSE_MILLIS);   // the sender's pause under test, not a wait for a state
            out.write(query, sentFirst, query.length - sentFirst);
            out.flush();

            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
            assertTrue(answer.contains("\"n\""), answer);
            stopping.get(60, TimeUnit.SECONDS);
        }
        assertThrows(Exception.class, () -> SparqlHttp.post(server.sparqlUrl(), "ASK {}", "application/sparql-results+json"),
                     "a stopped server takes no new requests");
    }

    /** How long the slow client of {@link #gracefulStopLetsARequestInFlightFinish} pauses mid-body (Jetty's own stop cut it after 50 ms). */
    private static final long SLOW_SENDER_PAUSE_MILLIS = 300;

    /** An idle keep-alive connection carries no request: a stop closes it instead of waiting out the stop timeout. */
    @Test
    void anIdleKeepAliveConnectionDoesNotHoldUpAStop() throws Exception {
        // Connections idle longer than the test may wait: only closing them at the stop ends it in time.
        CtkgServer server = CtkgServer.create().port(0).dataset(Stores.curatedScratch()).stopTimeoutMillis(120_000)
                .admission(Admission.defaults().withIdleTimeout(Duration.ofMinutes(10))).build().start();
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + CtkgServer.READY_PATH)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode());
        // The client keeps its connection open for the next request; the stop must not wait for it
        // (it would, for the whole 120 s stop timeout, if idle connections were treated as busy).
        CompletableFuture.runAsync(server::stop).get(60, TimeUnit.SECONDS);
        assertFalse(server.isStopping(), "the stop has ended");
    }

    @Test
    void readyAnswers200WhenReadyAnd503WithTheReasonWhenNot() throws Exception {
        AtomicReference<Optional<String>> state = new AtomicReference<>(Optional.of("this replica is 3 records behind"));
        CtkgServer server = CtkgServer.create().port(0).dataset(DatabaseMgr.createDatasetGraph()).readiness(state::get).build().start();
        try {
            HttpClient client = HttpClient.newHttpClient();
            HttpRequest ready = HttpRequest.newBuilder(URI.create(server.baseUrl() + CtkgServer.READY_PATH)).build();
            HttpResponse<String> behind = client.send(ready, HttpResponse.BodyHandlers.ofString());
            assertEquals(503, behind.statusCode());
            assertEquals("this replica is 3 records behind\n", behind.body());
            state.set(Optional.empty());
            HttpResponse<String> caughtUp = client.send(ready, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, caughtUp.statusCode());
            assertEquals("ready\n", caughtUp.body());
        } finally {
            server.stop();
        }
        CtkgServer plain = CtkgServer.create().port(0).dataset(DatabaseMgr.createDatasetGraph()).build().start();
        try {
            assertEquals(200, HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(plain.baseUrl() + CtkgServer.READY_PATH)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode(), "a server of its own store is always ready");
        } finally {
            plain.stop();
        }
    }

    private static void awaitInFlight(CtkgServer server) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (server.requestsInFlight() == 0 && System.nanoTime() < deadline)
            Thread.sleep(5);
        assertEquals(1, server.requestsInFlight(), "the query is in flight");
    }

    private static void awaitStopping(CtkgServer server) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!server.isStopping() && System.nanoTime() < deadline)
            Thread.sleep(1);
        assertTrue(server.isStopping(), "the stop has begun");
    }
}
