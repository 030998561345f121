package org.ctkg.server.http;

import java.time.Duration;

/**
 * How the server admits anonymous work across clients, beside each client's own budget
 * ({@link QueryBudget}): at most {@code maxRunningQueries} queries at once, in fair order
 * ({@link QueryGate}), each waiting at most {@code maxQueueWait}; at most
 * {@code maxRequestsPerSecond} requests per second from one client, of any kind ({@link FloodLimit});
 * and connections on which nothing arrives for {@code idleTimeout} closed (a sender stalled in the
 * middle of a body). Zero turns the bound off (but the idle timeout, which must be positive).
 */
public record Admission(int maxRunningQueries, Duration maxQueueWait, int maxRequestsPerSecond, Duration idleTimeout) {
    /**
     * Queries at once per core. Many, since a query's cost is known only once it runs: the first
     * query of each new client enters as a light one, and with 2 per core a few greedy newcomers
     * took every place for a second while cheap lookups queued behind them (docs/reliability.md);
     * their CPU is bounded instead by the one-second overrun stop ({@link QueryGate}).
     */
    public static final int RUNNING_QUERIES_PER_CORE = 8;
    /** Of the places, the share that clients over their share of query time may take: one in sixteen (half a core's worth per core). */
    static final int HEAVY_SHARE = 16;
    public static final int MAX_QUEUE_WAIT_SECONDS = 10;
    /** Requests per second from one client: far above what a person or a polite program sends, far below a flood. */
    public static final int MAX_REQUESTS_PER_SECOND = 50;
    /** Jetty's own default. */
    public static final int IDLE_TIMEOUT_SECONDS = 30;

    public Admission {
        if (maxRunningQueries < 0 || maxQueueWait.isNegative() || maxRequestsPerSecond < 0)
            throw new IllegalArgumentException("the bounds on running queries, their wait and the request rate are 0 (none) or positive");
        if (idleTimeout.isNegative() || idleTimeout.isZero())
            throw new IllegalArgumentException("the idle timeout must be positive, got " + idleTimeout);
    }

    /** The defaults: {@value #RUNNING_QUERIES_PER_CORE} queries per core, waits of up to {@value #MAX_QUEUE_WAIT_SECONDS} s, and so on. */
    public static Admission defaults() {
        return new Admission(RUNNING_QUERIES_PER_CORE * Runtime.getRuntime().availableProcessors(),
                Duration.ofSeconds(MAX_QUEUE_WAIT_SECONDS), MAX_REQUESTS_PER_SECOND, Duration.ofSeconds(IDLE_TIMEOUT_SECONDS));
    }

    public Admission withMaxRunningQueries(int n) {
        return new Admission(n, maxQueueWait, maxRequestsPerSecond, idleTimeout);
    }

    public Admission withMaxQueueWait(Duration wait) {
        return new Admission(maxRunningQueries, wait, maxRequestsPerSecond, idleTimeout);
    }

    public Admission withMaxRequestsPerSecond(int n) {
        return new Admission(maxRunningQueries, maxQueueWait, n, idleTimeout);
    }

    public Admission withIdleTimeout(Duration timeout) {
        return new Admission(maxRunningQueries, maxQueueWait, maxRequestsPerSecond, timeout);
    }

    /** The heavy queries' share of the running ones: one in {@value #HEAVY_SHARE}, at least one. */
    int heavySlots() {
        return Math.max(1, maxRunningQueries / HEAVY_SHARE);
    }
}
