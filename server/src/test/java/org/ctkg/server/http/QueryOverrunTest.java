package org.ctkg.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.ctkg.loader.Stores;
import org.ctkg.server.CtkgServer;
import org.ctkg.testkit.Internals;
import org.ctkg.testkit.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Queries of new clients that turn out long, over HTTP: four places at once, one of them for long
 * queries, a query timeout of 8 s. Two such queries at once: the one that began first keeps the
 * place for long queries until the timeout, the other is stopped soon after it has used a second
 * of CPU, with 429.
 */
class QueryOverrunTest {
    /** Long, but not by its text: every pattern has its predicate fixed (see {@link QueryShape}). */
    private static final String LONG = "SELECT (COUNT(*) AS ?n) { ?a a ?t . ?b a ?u . ?c a ?v . ?d a ?w }";
    private static CtkgServer server;

    @BeforeAll
    static void start() {
        server = CtkgServer.create().port(0).dataset(Stores.curatedScratch()).queryTimeoutMillis(8000)
                .queryBudget(Duration.ZERO, Duration.ofSeconds(60)).maxConcurrentQueries(0)
                .admission(Admission.defaults().withMaxRunningQueries(4).withMaxRequestsPerSecond(0))
                .build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static RawHttp.Response query(String from, String query) {
        return QueryGateTest.query(server, from, query);
    }

    /** An answer and when it ended ({@link System#nanoTime}). */
    private record Timed(RawHttp.Response response, long ended) {}

    private static Timed timed(String from) {
        RawHttp.Response r = query(from, LONG);
        return new Timed(r, System.nanoTime());
    }

    @Test
    void theNewerOfTwoLongQueriesIsStoppedWith429AndTheOlderRunsOn() throws Exception {
        double before = QueryGateTest.refusals(server, "overrun");
        CompletableFuture<Timed> one = CompletableFuture.supplyAsync(() -> timed("127.0.0.91"));
        CompletableFuture<Timed> other = CompletableFuture.supplyAsync(() -> timed("127.0.0.92"));
        assertEquals(200, query("127.0.0.93", "ASK { ?s ?p ?o }").status(), "a cheap query is answered meanwhile");
        List<Timed> timed = new ArrayList<>(List.of(one.get(60, TimeUnit.SECONDS), other.get(60, TimeUnit.SECONDS)));
        timed.sort(Comparator.comparingInt(t -> t.response().status()));
        assertTrue(timed.get(0).ended() < timed.get(1).ended(), "the stopped query was stopped, not left to run into its timeout "
                + "(which it would reach after the other, having begun after it)");
        List<RawHttp.Response> answers = timed.stream().map(Timed::response).toList();
        assertEquals(List.of(429, 503), answers.stream().map(RawHttp.Response::status).toList(),
                "one query was stopped, the other ran on into the query timeout: " + answers.get(0).raw() + "\n" + answers.get(1).raw());
        RawHttp.Response stopped = answers.get(0);
        assertTrue(stopped.body().contains("ran long while the server's places for long queries were all taken"), stopped.body());
        assertEquals(String.valueOf(QueryGate.OVERRUN_RETRY_AFTER_SECONDS), stopped.header("Retry-After"));
        Internals.assertNone(stopped.body(), "the 429");
        assertTrue(QueryGateTest.refusals(server, "overrun") >= before + 1, "counted in the metrics");
    }
}
