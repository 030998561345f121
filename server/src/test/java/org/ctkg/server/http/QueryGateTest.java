package org.ctkg.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ctkg.loader.Stores;
import org.ctkg.server.CtkgServer;
import org.ctkg.testkit.Internals;
import org.ctkg.testkit.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server's share of query time among clients, over HTTP: four queries at once, one of them
 * heavy, a wait of at most 300 ms, a client heavy once it has used a tenth of twenty seconds (no
 * per-client budget, so that only the gate refuses). A query that runs into the three-second
 * timeout makes its client heavy; two of its queries at once then contend for the one heavy slot.
 * The share is two seconds, not less, since a client's time is the wall time its queries took: on
 * busy CI cores a cheap lookup took half a second, and a smaller share made its client heavy.
 */
class QueryGateTest {
    private static final String HEAVY = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
    private static final String CHEAP = "ASK { ?s ?p ?o }";
    private static CtkgServer server;

    @BeforeAll
    static void start() {
        server = CtkgServer.create().port(0).dataset(Stores.curatedScratch()).queryTimeoutMillis(3000)
                .queryBudget(Duration.ZERO, Duration.ofSeconds(20)).maxConcurrentQueries(0)
                .admission(Admission.defaults().withMaxRunningQueries(4).withMaxQueueWait(Duration.ofMillis(300)).withMaxRequestsPerSecond(0))
                .build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static RawHttp.Response query(String from, String query) {
        return query(server, from, query);
    }

    /** A GET of the query from that loopback address to that server. */
    static RawHttp.Response query(CtkgServer server, String from, String query) {
        try {
            return RawHttp.get(from, server.port(), RawHttp.queryPath(query));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aClientOverItsShareWaitsForTheHeavySlotAndGets429WhileAnotherIsAnswered() throws Exception {
        double before = refusals("heavy");
        assertEquals(503, query("127.0.0.61", HEAVY).status(), "a query into the timeout: its client is over its share");
        RawHttp.Response refused = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (refused == null && System.nanoTime() < deadline) {
            // Two at once: one runs in the heavy slot until its timeout, the other waits 300 ms for it.
            List<CompletableFuture<RawHttp.Response>> two = List.of(
                    CompletableFuture.supplyAsync(() -> query("127.0.0.61", HEAVY)),
                    CompletableFuture.supplyAsync(() -> query("127.0.0.61", HEAVY)));
            assertEquals(200, query("127.0.0.62", CHEAP).status(), "another client is answered meanwhile");
            for (CompletableFuture<RawHttp.Response> f : two) {
                RawHttp.Response r = f.get(60, TimeUnit.SECONDS);
                if (r.status() == 429)
                    refused = r;
                else
                    assertEquals(503, r.status(), r.raw());
            }
        }
        assertTrue(refused != null, "one of two heavy queries at once was refused");
        assertTrue(refused.body().contains("has used more than its share of the server lately"), refused.body());
        assertTrue(refused.header("Content-Type").startsWith("text/plain"), refused.raw());
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After: until the usage has faded: " + retryAfter);
        Internals.assertNone(refused.body(), "the 429");
        assertTrue(refusals("heavy") > before, "counted in the metrics");
    }

    @Test
    void aLightClientIsNotHeldBehindAHeavyOne() throws Exception {
        assertEquals(503, query("127.0.0.71", HEAVY).status());
        CompletableFuture<RawHttp.Response> heavy = CompletableFuture.supplyAsync(() -> query("127.0.0.71", HEAVY));
        // Five light clients, a query each: none has a history that could make it heavy on slow cores.
        for (int i = 0; i < 5; i++) {
            RawHttp.Response r = query("127.0.0.7" + (2 + i), CHEAP);
            assertEquals(200, r.status(), "light client " + i + ": " + r.body());
        }
        heavy.get(60, TimeUnit.SECONDS);
    }

    @Test
    void aNewClientsQueryThatReadsTheWholeStoreWaitsForTheHeavySlotFromItsFirstRun() throws Exception {
        // Two clients that have sent nothing before, each a query that reads everything: one takes the
        // heavy slot into its timeout, the other waits its 300 ms for it and is refused, never run.
        List<CompletableFuture<RawHttp.Response>> two = List.of(
                CompletableFuture.supplyAsync(() -> query("127.0.0.81", HEAVY)),
                CompletableFuture.supplyAsync(() -> query("127.0.0.82", HEAVY)));
        List<Integer> statuses = new java.util.ArrayList<>();
        RawHttp.Response refused = null;
        for (CompletableFuture<RawHttp.Response> f : two) {
            RawHttp.Response r = f.get(60, TimeUnit.SECONDS);
            statuses.add(r.status());
            if (r.status() == 429)
                refused = r;
        }
        java.util.Collections.sort(statuses);
        assertEquals(List.of(429, 503), statuses, "one ran into the timeout, the other was refused (not stopped as it ran beside the light ones)");
        assertTrue(refused.body().contains("this query reads the whole store"), refused.body());
        assertEquals(200, query("127.0.0.83", CHEAP).status(), "a light query is answered");
    }

    /** The refusal counter for this reason in {@code /$/metrics} (Prometheus text). */
    static double refusals(String reason) throws Exception {
        return refusals(server, reason);
    }

    /** The refusal counter for this reason in that server's {@code /$/metrics}. */
    static double refusals(CtkgServer server, String reason) throws Exception {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/$/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("(?m)^ctkg_query_refusals_total\\{[^}]*reason=\"" + reason + "\"[^}]*\\} ([0-9.E]+)$").matcher(metrics);
        assertTrue(m.find(), "the counter is in the metrics");
        return Double.parseDouble(m.group(1));
    }
}
