package org.ctkg.server.http;

import java.time.Duration;

/**
 * One client's share of query time: a bucket of query time that holds at most the budget and
 * refills at budget per window, drained while the client's queries run (each running query drains
 * it at one second per second), and a bound on how many run at once. A client running one query at
 * a time with the budget equal to the window never runs dry; one running several in parallel does.
 * Not thread-safe: {@link QueryBudget} changes it only inside the client's entry of its map.
 */
final class QueryAllowance {
    /** How an admission went: admitted, or refused and when to try again. */
    record Refusal(Reason reason, long retryAfterSeconds) {}

    enum Reason { BUDGET, CONCURRENCY }

    private final QueryBudget.Limits limits;
    /** Query time left, in nanoseconds; negative when the client owes time. */
    private long credit;
    private long stamp;
    private int running;

    QueryAllowance(QueryBudget.Limits limits, long now) {
        this.limits = limits;
        this.credit = limits.budgetNanos();
        this.stamp = now;
    }

    /** Starts a query at {@code now}, or says why not. */
    Refusal start(long now) {
        settle(now);
        if (limits.maxConcurrent() > 0 && running >= limits.maxConcurrent())
            return new Refusal(Reason.CONCURRENCY, 1);
        if (limits.budgetNanos() > 0 && credit <= 0)
            return new Refusal(Reason.BUDGET, Math.max(1, ceilSeconds(nanosToRefill(1 - credit))));
        running++;
        return null;
    }

    /** Ends a query started with {@link #start}. */
    void finish(long now) {
        settle(now);
        running--;
    }

    /** How long this allowance matters: for ever while queries run, else until it is full again (then a new one is the same). */
    Duration keepFor(long now) {
        settle(now);
        if (running > 0)
            return Duration.ofDays(1);
        return Duration.ofNanos(limits.budgetNanos() > 0 ? nanosToRefill(limits.budgetNanos() - credit) : 0);
    }

    /**
     * Brings the credit to {@code now}: since the last change it rose at budget/window and fell at
     * one second per second for each running query (both constant in between), and it never
     * exceeds the budget.
     */
    private void settle(long now) {
        long elapsed = now - stamp;
        stamp = now;
        if (limits.budgetNanos() <= 0 || elapsed <= 0)
            return;
        double refill = (double) elapsed * limits.budgetNanos() / limits.windowNanos();
        credit = (long) Math.min(limits.budgetNanos(), credit + refill - (double) elapsed * running);
    }

    /** How long the refill takes to add this much credit. */
    private long nanosToRefill(long nanos) {
        return (long) Math.ceil((double) nanos * limits.windowNanos() / limits.budgetNanos());
    }

    private static long ceilSeconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
