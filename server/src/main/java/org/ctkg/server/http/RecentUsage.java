package org.ctkg.server.http;

import java.time.Duration;

/**
 * One client's recent query time, for the fair order of {@link RunningQueries}: the time its
 * queries ran (from entering a slot to the answer's end), fading with a time constant of
 * {@code decayNanos} (a query of ten seconds counts 3.7 s a window later), plus the time its
 * running queries have run so far; and whether it is heavy: it has a query waiting or running
 * already, or its recent time is over the share, or was so within the last {@code memoryNanos}
 * (so that a greedy client whose time has faded does not get another expensive query in as a
 * light one). Not thread-safe: {@link QueryGate} changes it only inside the client's entry of its map.
 */
final class RecentUsage {
    private final long decayNanos;
    private final double shareNanos;
    private final long memoryNanos;
    /** The faded time of the queries that ended, in nanoseconds, as of {@code stamp}. */
    private double ended;
    private long stamp;
    private int running;
    private int waiting;
    /** Until when the client counts as heavy, having been over its share; {@code stamp} when never. */
    private long heavyUntil;
    private boolean everHeavy;
    /** The sum of the running queries' start times, so that their time so far is {@code running × now − starts}. */
    private long starts;

    RecentUsage(long decayNanos, double shareNanos, long memoryNanos, long now) {
        this.decayNanos = decayNanos;
        this.shareNanos = shareNanos;
        this.memoryNanos = memoryNanos;
        this.stamp = now;
    }

    /** A query of the client arrives at {@code now} and will wait for a slot; whether it is heavy. */
    boolean arrived(long now) {
        boolean heavy = running + waiting > 0 || at(now) > shareNanos || (everHeavy && now - heavyUntil < 0);
        if (at(now) > shareNanos) {
            everHeavy = true;
            heavyUntil = now + memoryNanos;
        }
        waiting++;
        return heavy;
    }

    /** The query that arrived left without a slot. */
    void leftWaiting() {
        waiting--;
    }

    /** The client's recent query time at {@code now}, in nanoseconds. */
    double at(long now) {
        fade(now);
        return ended + (double) running * now - starts;
    }

    /** A query of the client entered its slot at {@code now}. */
    void began(long now) {
        fade(now);
        waiting--;
        running++;
        starts += now;
    }

    /** A query that began at {@code since} ended at {@code now}. */
    void ended(long since, long now) {
        fade(now);
        running--;
        starts -= since;
        ended += now - since;
    }

    /** How long until the usage has faded below the share, for {@code Retry-After}; zero when it is below. */
    Duration fadesBelowShare(long now) {
        return fadesBelow(shareNanos, now);
    }

    private Duration fadesBelow(double share, long now) {
        double usage = at(now);
        return usage <= share ? Duration.ZERO : Duration.ofNanos((long) (decayNanos * Math.log(usage / share)));
    }

    /** How long it matters: for ever while queries wait or run, else until it is a thousandth of the share and no longer heavy (then a new one is the same). */
    Duration keepFor(long now) {
        if (running + waiting > 0)
            return Duration.ofDays(1);
        Duration fading = fadesBelow(shareNanos / 1000, now);
        Duration remembered = Duration.ofNanos(everHeavy ? Math.max(0, heavyUntil - now) : 0);
        return fading.compareTo(remembered) > 0 ? fading : remembered;
    }

    private void fade(long now) {
        long elapsed = now - stamp;
        if (elapsed > 0) {
            ended *= Math.exp(-(double) elapsed / decayNanos);
            stamp = now;
        }
    }
}
