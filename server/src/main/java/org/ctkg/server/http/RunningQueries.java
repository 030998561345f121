package org.ctkg.server.http;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * The server's bound on anonymous queries running at once, across clients, so that a few greedy
 * clients cannot take more of the machine than it has. A query waits for a slot; waiting queries
 * enter in fair order, the least recent usage first. A <em>heavy</em> query (its client has spent
 * more than its share of recent query time, or already has a query running) may enter only while
 * fewer than {@code heavySlots} heavy ones run, so that light ones never wait behind them. Since the
 * cost of a query is known only once it runs, a light query that has run longer than
 * {@code longAfterNanos} counts as heavy from then on: it keeps running, but it no longer takes a
 * light slot, nor lets another heavy query in. Since Java cannot pause a query, one that has
 * used {@code longAfterNanos} of CPU while the heavy slots are taken is stopped
 * ({@link #stopOverruns}): otherwise the first query of each of many new clients would run for the
 * whole query timeout beside the light ones, taking their CPU. CPU time, not the time since it
 * began, so that a cheap query slowed by a busy machine is never taken for a heavy one. A query that waits longer than {@code maxWaitNanos} is turned away
 * ({@link #enter} returns null).
 */
final class RunningQueries {
    /** How often a waiting query looks again, for the queries that turned heavy as they ran (nothing else wakes it then). */
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    /**
     * {@code maxRunning} light queries at once, {@code heavySlots} heavy ones (within the same
     * {@code maxRunning}); never more than {@code 4 × maxRunning} in all, whatever turned heavy.
     */
    record Limits(int maxRunning, int heavySlots, long longAfterNanos, long maxWaitNanos) {
        Limits {
            if (maxRunning < 1 || heavySlots < 1 || heavySlots > maxRunning || longAfterNanos <= 0 || maxWaitNanos < 0)
                throw new IllegalArgumentException("bad limits of running queries: " + maxRunning + " at once, " + heavySlots + " heavy");
        }
    }

    /** A running query's place; closing it frees the place. */
    final class Slot implements AutoCloseable {
        private final boolean heavy;
        private final long since;
        private final Thread runner;
        private final long cpuAtStart;
        private boolean closed;
        private volatile boolean overran;
        private volatile Runnable stop;

        private Slot(boolean heavy, long since, Thread runner) {
            this.heavy = heavy;
            this.since = since;
            this.runner = runner;
            this.cpuAtStart = cpuTime.applyAsLong(runner);
        }

        private boolean heavyAt(long now) {
            return heavy || now - since >= limits.longAfterNanos();
        }

        /** Whether the query's thread has used the CPU time that makes a query heavy since it began (-1 when unknown: never). */
        private boolean usedLong() {
            long cpu = cpuTime.applyAsLong(runner);
            return cpu >= 0 && cpuAtStart >= 0 && cpu - cpuAtStart >= limits.longAfterNanos();
        }

        /** How the query in this slot is stopped should it overrun (its execution's abort); at once if it already has. */
        void onOverrun(Runnable stopQuery) {
            this.stop = stopQuery;
            if (overran)
                stopQuery.run();
        }

        /** Whether the query was stopped for running long while the heavy slots were taken. */
        boolean overran() {
            return overran;
        }

        private void stopQuery() {
            Runnable s = stop;
            if (s != null)
                s.run();
        }

        @Override
        public void close() {
            lock.lock();
            try {
                if (!closed && running.remove(this)) {
                    closed = true;
                    dispatch(clock.getAsLong());
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /** A query waiting for a slot, in fair order: least usage, then first come. */
    private record Waiter(boolean heavy, double usage, long arrival, Thread thread, Slot[] admitted) {}

    private static final Comparator<Waiter> FAIR = Comparator.comparingDouble(Waiter::usage).thenComparingLong(Waiter::arrival);

    private final Limits limits;
    private final LongSupplier clock;
    private final ToLongFunction<Thread> cpuTime;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<Slot> running = new ArrayList<>();
    private final List<Waiter> waiting = new ArrayList<>();
    private long arrivals;

    /**
     * With these limits, this clock and this measure of a thread's CPU time (nanoseconds:
     * {@link System#nanoTime} and {@link #threadCpuTime} but in tests).
     */
    RunningQueries(Limits limits, LongSupplier clock, ToLongFunction<Thread> cpuTime) {
        this.limits = limits;
        this.clock = clock;
        this.cpuTime = cpuTime;
    }

    /** The CPU time a live thread has used, in nanoseconds, or -1 where the JVM does not measure it. */
    static long threadCpuTime(Thread thread) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.isThreadCpuTimeSupported() ? threads.getThreadCpuTime(thread.getId()) : -1;
    }

    Limits limits() {
        return limits;
    }

    /**
     * Waits for a slot for a query of a client with this much recent usage (the fair order); the
     * slot, or null when none came within the longest wait.
     */
    Slot enter(boolean heavy, double usage) throws InterruptedException {
        lock.lock();
        try {
            long now = clock.getAsLong();
            Waiter me = new Waiter(heavy, usage, arrivals++, Thread.currentThread(), new Slot[1]);
            waiting.add(me);
            long deadline = now + limits.maxWaitNanos();
            try {
                dispatch(now);
                while (me.admitted()[0] == null) {
                    long left = deadline - clock.getAsLong();
                    if (left <= 0)
                        return null;
                    changed.awaitNanos(Math.min(left, RECHECK_NANOS));
                    dispatch(clock.getAsLong());
                }
                return me.admitted()[0];
            } finally {
                if (me.admitted()[0] == null)
                    waiting.remove(me);
            }
        } finally {
            lock.unlock();
        }
    }

    /** How many queries wait (for tests and metrics). */
    int waiting() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    /** How many queries run, and how many of them count as heavy now. */
    int[] running() {
        lock.lock();
        try {
            long now = clock.getAsLong();
            return new int[] {running.size(), (int) running.stream().filter(s -> s.heavyAt(now)).count()};
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops the queries admitted as light that have used a heavy query's CPU time, beyond the heavy slots the queries
     * admitted as heavy leave free: the oldest of them keep running, the newest are stopped. Called
     * on a timer; returns how many it stopped.
     */
    int stopOverruns() {
        List<Slot> stopped = new ArrayList<>();
        lock.lock();
        try {
            long now = clock.getAsLong();
            long admittedHeavy = running.stream().filter(s -> s.heavy).count();
            List<Slot> turned = running.stream().filter(s -> !s.heavy && !s.overran && s.usedLong())
                    .sorted(Comparator.comparingLong(s -> s.since)).toList();
            long keep = Math.max(0, limits.heavySlots() - admittedHeavy);
            for (int i = (int) Math.min(keep, turned.size()); i < turned.size(); i++) {
                turned.get(i).overran = true;
                stopped.add(turned.get(i));
            }
        } finally {
            lock.unlock();
        }
        stopped.forEach(Slot::stopQuery);
        return stopped.size();
    }

    /** Lets in the waiting queries that fit, in fair order; a heavy one that does not fit does not hold up a light one behind it. */
    private void dispatch(long now) {
        if (waiting.isEmpty())
            return;
        waiting.sort(FAIR);
        boolean any = false;
        for (var it = waiting.iterator(); it.hasNext(); ) {
            Waiter w = it.next();
            if (fits(w.heavy(), now)) {
                Slot slot = new Slot(w.heavy(), now, w.thread());
                running.add(slot);
                w.admitted()[0] = slot;
                it.remove();
                any = true;
            }
        }
        if (any)
            changed.signalAll();
    }

    private boolean fits(boolean heavy, long now) {
        int heavyNow = (int) running.stream().filter(s -> s.heavyAt(now)).count();
        int lightNow = running.size() - heavyNow;
        if (heavy)
            return heavyNow < limits.heavySlots() && running.size() < limits.maxRunning();
        return lightNow + Math.min(heavyNow, limits.heavySlots()) < limits.maxRunning() && running.size() < 4 * limits.maxRunning();
    }
}
