package org.ctkg.server.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The server's running slots on a clock the test moves (a query's CPU time moves with it): four at
 * once, one of them heavy, a query heavy once it has run a second, a wait of at most ten seconds. Waiting queries are real threads;
 * the test waits, with a deadline, for the state it then asserts.
 */
class RunningQueriesTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private final AtomicLong clock = new AtomicLong(1_000 * SECOND);
    private final RunningQueries slots = new RunningQueries(new RunningQueries.Limits(4, 1, SECOND, 10 * SECOND), clock::get, t -> clock.get());
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    private RunningQueries.Slot enterNow(boolean heavy, double usage) throws Exception {
        Future<RunningQueries.Slot> f = threads.submit(() -> slots.enter(heavy, usage));
        return f.get(30, TimeUnit.SECONDS);
    }

    private static void await(BooleanSupplier state, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!state.getAsBoolean() && System.nanoTime() < deadline)
            Thread.sleep(5);
        assertTrue(state.getAsBoolean(), what);
    }

    @Test
    void heavyQueriesTakeOnlyTheHeavySlotAndLightOnesTheRest() throws Exception {
        RunningQueries.Slot heavy = enterNow(true, 100);
        CompletableFuture<RunningQueries.Slot> secondHeavy = CompletableFuture.supplyAsync(() -> enter(true, 100), threads);
        await(() -> slots.waiting() == 1, "a second heavy query waits: the heavy slot is taken");
        List<RunningQueries.Slot> light = new ArrayList<>();
        for (int i = 0; i < 3; i++)
            light.add(enterNow(false, 0));
        assertArrayEquals(new int[] {4, 1}, slots.running(), "three light queries beside the heavy one: all four slots");
        CompletableFuture<RunningQueries.Slot> fifth = CompletableFuture.supplyAsync(() -> enter(false, 0), threads);
        await(() -> slots.waiting() == 2, "a fifth query waits");
        light.get(0).close();
        assertNotNull(fifth.get(30, TimeUnit.SECONDS), "a light slot freed: the light query enters, the heavy one still waits");
        assertEquals(1, slots.waiting());
        heavy.close();
        assertNotNull(secondHeavy.get(30, TimeUnit.SECONDS), "the heavy slot freed: the heavy query enters");
    }

    @Test
    void aLightQueryThatRunsLongCountsAsHeavyAndFreesItsLightSlot() throws Exception {
        List<RunningQueries.Slot> light = new ArrayList<>();
        for (int i = 0; i < 4; i++)
            light.add(enterNow(false, 0));
        CompletableFuture<RunningQueries.Slot> waiting = CompletableFuture.supplyAsync(() -> enter(false, 0), threads);
        await(() -> slots.waiting() == 1, "all four slots are taken");
        clock.addAndGet(2 * SECOND);
        assertNotNull(waiting.get(30, TimeUnit.SECONDS), "the four have run long: heavy now, they leave the light slots to others");
        assertArrayEquals(new int[] {5, 4}, slots.running());
        CompletableFuture<RunningQueries.Slot> heavy = CompletableFuture.supplyAsync(() -> enter(true, 100), threads);
        await(() -> slots.waiting() == 1, "no heavy query enters while four run long");
        for (RunningQueries.Slot s : light)
            s.close();
        assertNotNull(heavy.get(30, TimeUnit.SECONDS), "once they have ended, it does");
    }

    @Test
    void waitingQueriesEnterLeastUsageFirst() throws Exception {
        List<RunningQueries.Slot> full = new ArrayList<>();
        for (int i = 0; i < 4; i++)
            full.add(enterNow(false, 0));
        CompletableFuture<RunningQueries.Slot> greedier = CompletableFuture.supplyAsync(() -> enter(false, 5 * SECOND), threads);
        await(() -> slots.waiting() == 1, "the first waits");
        CompletableFuture<RunningQueries.Slot> thrifty = CompletableFuture.supplyAsync(() -> enter(false, 0.01 * SECOND), threads);
        await(() -> slots.waiting() == 2, "the second waits");
        full.get(0).close();
        assertNotNull(thrifty.get(30, TimeUnit.SECONDS), "the client with less recent usage goes first, though it came second");
        assertEquals(1, slots.waiting(), "the other still waits");
        full.get(1).close();
        assertNotNull(greedier.get(30, TimeUnit.SECONDS));
    }

    @Test
    void aQueryThatWaitsTooLongIsTurnedAway() throws Exception {
        RunningQueries.Slot heavy = enterNow(true, 100);
        CompletableFuture<RunningQueries.Slot> second = CompletableFuture.supplyAsync(() -> enter(true, 100), threads);
        await(() -> slots.waiting() == 1, "it waits");
        clock.addAndGet(11 * SECOND);
        assertNull(second.get(30, TimeUnit.SECONDS), "past the longest wait: turned away");
        assertEquals(0, slots.waiting(), "and no longer waiting");
        heavy.close();
        assertArrayEquals(new int[] {0, 0}, slots.running(), "nothing runs: the one turned away took no slot");
    }

    @Test
    void neverMoreThanFourTimesTheBoundRunInAll() throws Exception {
        List<RunningQueries.Slot> all = new ArrayList<>();
        for (int round = 0; round < 8; round++) {
            for (int i = 0; i < 2; i++)
                all.add(enterNow(false, 0));
            clock.addAndGet(2 * SECOND); // all that run turn heavy, and leave the light slots
        }
        assertArrayEquals(new int[] {16, 16}, slots.running());
        CompletableFuture<RunningQueries.Slot> more = CompletableFuture.supplyAsync(() -> enter(false, 0), threads);
        await(() -> slots.waiting() == 1, "light queries that all run long: at most 16 (4 x 4) at once; the next waits");
        clock.addAndGet(11 * SECOND);
        assertNull(more.get(30, TimeUnit.SECONDS));
        for (RunningQueries.Slot s : all)
            s.close();
    }

    @Test
    void queriesThatRunLongBeyondTheHeavySlotAreStoppedTheNewestFirst() throws Exception {
        List<String> stopped = new ArrayList<>();
        RunningQueries.Slot oldest = enterNow(false, 0);
        clock.addAndGet(SECOND / 10);
        RunningQueries.Slot newer = enterNow(false, 0);
        oldest.onOverrun(() -> stopped.add("oldest"));
        newer.onOverrun(() -> stopped.add("newer"));
        assertEquals(0, slots.stopOverruns(), "nothing has run long yet");
        clock.addAndGet(2 * SECOND);
        RunningQueries.Slot fresh = enterNow(false, 0);
        fresh.onOverrun(() -> stopped.add("fresh"));
        assertEquals(1, slots.stopOverruns(), "two ran long, one heavy slot: the newer of them is stopped");
        assertEquals(List.of("newer"), stopped);
        assertTrue(newer.overran() && !oldest.overran() && !fresh.overran());
        assertEquals(0, slots.stopOverruns(), "a query is stopped once; the oldest keeps the heavy slot");
        oldest.close();
        newer.close();
        RunningQueries.Slot heavy = enterNow(true, 100); // admitted heavy: it has the heavy slot
        clock.addAndGet(2 * SECOND);
        assertEquals(1, slots.stopOverruns(), "with the heavy slot taken, the light query that ran long is stopped");
        assertEquals(List.of("newer", "fresh"), stopped);
        RunningQueries.Slot late = enterNow(false, 0);
        List<String> atOnce = new ArrayList<>();
        clock.addAndGet(2 * SECOND);
        slots.stopOverruns();
        late.onOverrun(() -> atOnce.add("late"));
        assertEquals(List.of("late"), atOnce, "a query stopped before it told how to stop it is stopped as soon as it does");
        for (RunningQueries.Slot s : List.of(fresh, heavy, late))
            s.close();
    }

    @Test
    void aQuerySlowedByABusyMachineIsNotStoppedForItUsedLittleCpu() throws Exception {
        RunningQueries idleCpu = new RunningQueries(new RunningQueries.Limits(4, 1, SECOND, 10 * SECOND), clock::get, t -> 5 * SECOND);
        RunningQueries.Slot heavy = threads.submit(() -> idleCpu.enter(true, 100)).get(30, TimeUnit.SECONDS);
        RunningQueries.Slot slow = threads.submit(() -> idleCpu.enter(false, 0)).get(30, TimeUnit.SECONDS);
        List<String> stopped = new ArrayList<>();
        slow.onOverrun(() -> stopped.add("slow"));
        clock.addAndGet(5 * SECOND);
        assertEquals(0, idleCpu.stopOverruns(), "five seconds since it began, but no CPU time used: not heavy, not stopped");
        assertEquals(List.of(), stopped);
        heavy.close();
        slow.close();
    }

    private RunningQueries.Slot enter(boolean heavy, double usage) {
        try {
            return slots.enter(heavy, usage);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
