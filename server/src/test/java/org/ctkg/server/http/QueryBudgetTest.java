package org.ctkg.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ctkg.loader.Stores;
import org.ctkg.server.CtkgServer;
import org.ctkg.testkit.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fair shares of query time, over HTTP: clients are told apart by the address they connect from
 * (127.0.0.x on loopback), or behind a trusted proxy by its forwarded address. The server has a
 * small budget (half a second of query time per two seconds) and two queries at a time per client,
 * so that a query running into its one-second timeout uses a client's share up; a query is held in
 * flight by sending its body only in part, so that concurrency never depends on timing.
 */
class QueryBudgetTest {
    private static final String PROXY = "127.0.0.3";
    private static final String AUTH = "Authorization: Basic " + Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8));
    /** Runs until the query timeout stops it (the curated graph, four times over). */
    private static final String HEAVY = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
    private static final String CHEAP = "ASK { ?s ?p ?o }";
    private static final Pattern INTERNALS = Pattern.compile("\\tat |Exception|org\\.apache\\.|org\\.eclipse\\.|org\\.ctkg\\.|[Jj]etty");
    private static CtkgServer server;

    @BeforeAll
    static void start() {
        server = CtkgServer.create().port(0).dataset(Stores.curatedScratch()).queryTimeoutMillis(1000)
                .queryBudget(Duration.ofMillis(500), Duration.ofSeconds(2)).maxConcurrentQueries(2)
                .trustedProxy(PROXY).writer("alice", "s3cret").build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static RawHttp.Response query(String from, String query, String... headers) throws Exception {
        return RawHttp.get(from, server.port(), RawHttp.queryPath(query), headers);
    }

    /** Sends the heavy query from this client until it is refused for its query time (a minute at most). */
    private static RawHttp.Response greedyUntilRefused(String from, String... headers) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        RawHttp.Response r;
        do {
            r = query(from, HEAVY, headers);
        } while (r.status() != 429 && System.nanoTime() < deadline);
        return r;
    }

    /** Queries from this client held in flight ({@link RawHttp#heldQuery}), and so holding its slots, until closed. */
    private static Held hold(int queries, String from, String... headers) throws Exception {
        Held held = new Held(new ArrayList<>());
        for (int i = 0; i < queries; i++)
            held.connections().add(RawHttp.heldQuery(from, server.port(), headers));
        return held;
    }

    /** Queries held in flight; closing their connections ends them. */
    private record Held(List<RawHttp> connections) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            for (RawHttp c : connections)
                c.close();
            awaitInFlight(0);
        }
    }

    private static void awaitInFlight(long n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (server.requestsInFlight() != n && System.nanoTime() < deadline)
            Thread.sleep(5);
        assertEquals(n, server.requestsInFlight(), "requests in flight");
    }

    private static void assertRefused(RawHttp.Response r, String reason) {
        assertEquals(429, r.status(), r.raw());
        assertTrue(r.body().contains(reason), r.body());
        assertTrue(r.header("Content-Type").startsWith("text/plain"), r.raw());
        assertTrue(Long.parseLong(r.header("Retry-After")) >= 1, r.raw());
        assertFalse(INTERNALS.matcher(r.body()).find(), "no internals: " + r.body());
    }

    @Test
    void aGreedyClientGets429WithRetryAfterWhileAnotherGets200AndItsBudgetRefills() throws Exception {
        RawHttp.Response refused = greedyUntilRefused("127.0.0.11");
        assertRefused(refused, "used its share (0.5 s of query time per 2 s)");
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter <= 60, "Retry-After says when the budget allows again: " + retryAfter);
        assertEquals(200, query("127.0.0.12", CHEAP).status(), "another client keeps its share");
        // Once Retry-After has passed, the budget allows the greedy client again.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(retryAfter + 60);
        RawHttp.Response again;
        do {
            Thread.sleep(TimeUnit.SECONDS.toMillis(retryAfter));
            again = query("127.0.0.11", CHEAP);
            if (again.status() == 429)
                retryAfter = Long.parseLong(again.header("Retry-After"));
        } while (again.status() == 429 && System.nanoTime() < deadline);
        assertEquals(200, again.status(), again.raw());
    }

    @Test
    void aSecondQueryAtOnceFromOneClientGets429WhileAnotherClientGets200() throws Exception {
        try (Held held = hold(2, "127.0.0.21")) {
            assertRefused(query("127.0.0.21", CHEAP), "Too many queries at once: this client already has 2 running");
            assertEquals("1", query("127.0.0.21", CHEAP).header("Retry-After"));
            assertEquals(200, query("127.0.0.22", CHEAP).status(), "another client is not held up");
        }
        RawHttp.Response after = query("127.0.0.21", CHEAP);
        assertFalse(after.body().contains("at once"), "the held queries ended with their connections: the slots are free; " + after.raw());
    }

    @Test
    void behindATrustedProxyEachForwardedClientHasItsOwnShare() throws Exception {
        try (Held held = hold(2, PROXY, "X-Forwarded-For: 203.0.113.7")) {
            assertRefused(query(PROXY, CHEAP, "X-Forwarded-For: 203.0.113.7"), "at once");
            assertEquals(200, query(PROXY, CHEAP, "X-Forwarded-For: 203.0.113.8").status(), "another client behind the proxy");
            assertEquals(429, query(PROXY, CHEAP, "X-Forwarded-For: 198.51.100.1, 203.0.113.7").status(),
                    "the last hop is the one the proxy saw; what the client wrote before it is not believed");
            assertEquals(200, query(PROXY, CHEAP, "X-Forwarded-For: 203.0.113.7, 203.0.113.9").status());
            assertEquals(200, query(PROXY, CHEAP).status(), "the proxy itself, without the header");
        }
    }

    @Test
    void fromAnAddressThatIsNotATrustedProxyTheForwardedHeaderIsIgnored() throws Exception {
        try (Held held = hold(2, "127.0.0.4", "X-Forwarded-For: 203.0.113.50")) {
            assertRefused(query("127.0.0.4", CHEAP, "X-Forwarded-For: 203.0.113.51"), "at once");
            assertRefused(query("127.0.0.4", CHEAP), "at once");
            assertEquals(200, query(PROXY, CHEAP, "X-Forwarded-For: 203.0.113.50").status(),
                    "the address the untrusted client claimed has a share of its own, untouched");
        }
    }

    @Test
    void writersAreNotBudgeted() throws Exception {
        try (Held held = hold(2, "127.0.0.5", AUTH)) {
            assertEquals(200, query("127.0.0.5", CHEAP, AUTH).status(), "a writer's second query at once");
            assertEquals(200, query("127.0.0.5", CHEAP).status(), "the writer's queries used none of the address's share");
            for (int i = 0; i < 2; i++)
                assertNotEquals(429, query("127.0.0.5", HEAVY, AUTH).status(), "a writer's query time is not counted");
        }
    }

    @Test
    void refusalsAreCountedInTheMetrics() throws Exception {
        double before = refusals("concurrency");
        try (Held held = hold(2, "127.0.0.31")) {
            assertEquals(429, query("127.0.0.31", CHEAP).status());
            assertEquals(429, query("127.0.0.31", CHEAP).status());
        }
        assertEquals(before + 2, refusals("concurrency"));
        double budget = refusals("budget");
        assertEquals(429, greedyUntilRefused("127.0.0.32").status());
        assertEquals(budget + 1, refusals("budget"));
    }

    /** The refusal counter for this reason in {@code /$/metrics} (Prometheus text). */
    private static double refusals(String reason) throws Exception {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/$/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("(?m)^ctkg_query_refusals_total\\{[^}]*reason=\"" + reason + "\"[^}]*\\} ([0-9.E]+)$").matcher(metrics);
        assertTrue(m.find(), "the counter is in the metrics: " + metrics.lines().filter(l -> l.contains("ctkg")).toList());
        return Double.parseDouble(m.group(1));
    }
}
