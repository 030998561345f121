package org.ctkg.loader.tdb2;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.atlas.lib.tuple.TupleFactory;
import org.apache.jena.dboe.transaction.txn.Transaction;
import org.apache.jena.dboe.transaction.txn.TransactionCoordinator;
import org.apache.jena.graph.Node;
import org.apache.jena.query.TxnType;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.loader.base.CoLib;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;

/**
 * Writes quads into a TDB2 store that nothing else is using (a {@link StoreGeneration} being
 * built) with its six quad indexes shared out over several threads: the caller's thread parses and
 * turns nodes into ids, the index threads each insert every batch into their indexes, sorted
 * into each index's key order. Each thread writes in its own transaction on its own part of the
 * store, the way TDB2's bulk loaders do; unlike them, a failure on any thread is not only logged
 * but stops the writing and is thrown to the caller. Parts commit one by one, so the store is
 * whole only when {@link #commit} returns: on failure the whole generation is thrown away.
 *
 * <p>When the store held little before ({@value #PACK_EXISTING_MAX} quads at most) and the job's
 * quads fit in memory (a quarter of the heap), the indexes are not inserted into at all: the
 * quads are kept as sorted runs, one per index order and chunk, sorted by the index threads while
 * the caller parses, and each index is built bottom-up from them at commit ({@link IndexPacking},
 * as TDB2's xloader does), the quads the store held included. A B+tree insert per quad and index
 * was most of a large load's time. Past the memory budget the writer falls back to inserting.
 */
public final class ParallelIndexWriter {
    /** Quads per batch, unless the caller says otherwise. */
    public static final int BATCH = 200_000;
    /** Batches waiting per index thread: bounds memory while keeping the threads fed. */
    private static final int QUEUED = 2;
    /** The most quads a store may hold for its indexes to be rebuilt from runs rather than inserted into. */
    public static final long PACK_EXISTING_MAX = 1_000_000;
    /** The most quads held as runs: past it the writer inserts instead. */
    static final long PACK_ROWS_MAX = Runtime.getRuntime().maxMemory() / 4 / QuadRuns.BYTES_PER_ROW;

    private final NodeTable nodeTable;
    private final Transaction nodeTransaction;
    private final List<IndexThread> threads = new ArrayList<>();
    private final int batchSize;
    private final List<Tuple<NodeId>> batch;
    private final long packRowsMax;
    private QuadRuns runs;
    private long existing;
    private boolean ended;

    /**
     * @param dsg     the store, used by no one else until {@link #commit} or {@link #abort}
     * @param threads how many threads share the indexes (1 to the number of indexes)
     * @param batch   quads per batch handed to the threads
     */
    public ParallelIndexWriter(DatasetGraphTDB dsg, int threads, int batch) {
        this(dsg, threads, batch, false);
    }

    /**
     * @param pack whether to build the indexes from sorted runs when the store holds little and the
     *             quads fit in memory (see above); otherwise every quad is inserted
     */
    public ParallelIndexWriter(DatasetGraphTDB dsg, int threads, int batch, boolean pack) {
        this(dsg, threads, batch, pack, PACK_ROWS_MAX);
    }

    /** @param packRowsMax the most quads held as runs before the writer inserts instead */
    ParallelIndexWriter(DatasetGraphTDB dsg, int threads, int batch, boolean pack, long packRowsMax) {
        this.packRowsMax = packRowsMax;
        this.batchSize = Math.max(1, batch);
        this.batch = new ArrayList<>(Math.min(batchSize, BATCH));
        this.nodeTable = dsg.getQuadTable().getNodeTupleTable().getNodeTable();
        TupleIndex[] indexes = dsg.getQuadTable().getNodeTupleTable().getTupleTable().getIndexes();
        int n = Math.max(1, Math.min(threads, indexes.length));
        List<List<TupleIndex>> shares = new ArrayList<>();
        for (int i = 0; i < n; i++)
            shares.add(new ArrayList<>());
        for (int i = 0; i < indexes.length; i++)
            shares.get(i % n).add(indexes[i]);
        if (pack)
            this.runs = existingRuns(dsg, indexes[0]);
        TransactionCoordinator nodeCoordinator = CoLib.newCoordinator();
        CoLib.add(nodeCoordinator, nodeTable);
        CoLib.start(nodeCoordinator);
        this.nodeTransaction = nodeCoordinator.begin(TxnType.WRITE);
        for (List<TupleIndex> share : shares)
            this.threads.add(new IndexThread(share.toArray(TupleIndex[]::new), runs == null));
    }

    /** The number of threads to share the indexes among on this machine: one per core, the caller's thread aside. */
    public static int threadsForThisMachine() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** The quads the store holds, as runs to rebuild the indexes from; null when there are too many. */
    private QuadRuns existingRuns(DatasetGraphTDB dsg, TupleIndex any) {
        QuadRuns held = new QuadRuns();
        boolean few = Txn.calculateRead(dsg, () -> {
            Iterator<Tuple<NodeId>> all = any.all();
            while (all.hasNext()) {
                Tuple<NodeId> t = all.next();
                if (held.rows() >= PACK_EXISTING_MAX)
                    return false;
                held.add(t.get(0), t.get(1), t.get(2), t.get(3));
            }
            return true;
        });
        if (!few)
            return null;
        existing = held.rows();
        return held;
    }

    public void add(Node g, Node s, Node p, Node o) {
        NodeId gi = nodeTable.getAllocateNodeId(g), si = nodeTable.getAllocateNodeId(s),
               pi = nodeTable.getAllocateNodeId(p), oi = nodeTable.getAllocateNodeId(o);
        if (runs != null) {
            long[] full = runs.add(gi, si, pi, oi);
            if (full != null) {
                RankedChunk chunk = new RankedChunk(full, threads.size());
                for (IndexThread t : threads)
                    t.submitSort(chunk);
            }
            if (runs.rows() > packRowsMax)
                insertInstead();
            return;
        }
        batch.add(TupleFactory.tuple(gi, si, pi, oi));
        if (batch.size() >= batchSize)
            dispatch();
    }

    /**
     * Past the memory budget: the rows kept so far, but those the store already held, go to the
     * index threads as inserts, and so does every row after.
     */
    private void insertInstead() {
        QuadRuns kept = runs;
        runs = null;
        for (IndexThread t : threads) {
            t.dropRuns();
            t.beginTransaction();
        }
        long skip = existing;
        for (long[] chunk : kept.chunks())
            skip = insertAll(chunk, chunk.length / 4, skip);
        if (kept.filling() != null)
            insertAll(kept.filling(), kept.filled(), skip);
        kept.clear();
    }

    /** Inserts a chunk's first n rows but the first {@code skip}; returns how many are left to skip. */
    private long insertAll(long[] chunk, int n, long skip) {
        for (int i = 0; i < n; i++, skip--)
            if (skip <= 0)
                insert(chunk, i);
        return skip;
    }

    private void insert(long[] chunk, int row) {
        int at = row * 4;
        batch.add(TupleFactory.tuple(QuadRuns.id(chunk[at]), QuadRuns.id(chunk[at + 1]),
                                     QuadRuns.id(chunk[at + 2]), QuadRuns.id(chunk[at + 3])));
        if (batch.size() >= batchSize)
            dispatch();
    }

    private void dispatch() {
        if (batch.isEmpty())
            return;
        @SuppressWarnings("unchecked")
        Tuple<NodeId>[] full = batch.toArray(new Tuple[0]);
        batch.clear();
        for (IndexThread t : threads)
            t.submit(full);
    }

    /**
     * Writes what is buffered, waits for every index thread and commits every part.
     * @throws RuntimeException (or {@link Error}) from whichever part failed; the parts are then aborted
     */
    public void commit() {
        try {
            if (runs != null) {
                long[] last = runs.finish();
                RankedChunk chunk = last == null ? null : new RankedChunk(last, threads.size());
                for (IndexThread t : threads) {
                    if (chunk != null)
                        t.submitSort(chunk);
                    t.submitPack();
                }
            }
            dispatch();
            for (IndexThread t : threads)
                t.finish(true);
            nodeTransaction.commit();
            nodeTransaction.end();
            ended = true;
        } finally {
            if (!ended)
                abort();
        }
    }

    /** Stops every thread and aborts every part; the store's files are then fit only to be deleted. */
    public void abort() {
        if (ended)
            return;
        ended = true;
        for (IndexThread t : threads)
            t.finish(false);
        try {
            nodeTransaction.abort();
            nodeTransaction.end();
        } catch (RuntimeException e) {
            // the node table's transaction may already be over after a failure on this thread
        }
    }

    /** One thread writing batches into its share of the indexes, in its own transaction. */
    private static final class IndexThread {
        private final TupleIndex[] indexes;
        private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ctkg-index-writer");
            t.setDaemon(true);
            return t;
        });
        private final Semaphore room = new Semaphore(QUEUED);
        /** Each index's sorted runs, when the indexes are built from them; touched on this thread only. */
        private final Map<TupleIndex, List<SortedRun>> runs = new IdentityHashMap<>();
        private Transaction transaction;
        private volatile Throwable failure;

        /** @param inserting whether quads are to be inserted (in a transaction begun now) rather than packed from runs */
        IndexThread(TupleIndex[] indexes, boolean inserting) {
            this.indexes = indexes;
            if (inserting)
                beginTransaction();
        }

        /** Begins this thread's transaction on its indexes, for inserts. Packing writes no transaction: see {@link IndexPacking}. */
        void beginTransaction() {
            executor.execute(() -> run(() -> {
                TransactionCoordinator coordinator = CoLib.newCoordinator();
                CoLib.add(coordinator, indexes);
                CoLib.start(coordinator);
                transaction = coordinator.begin(TxnType.WRITE);
            }));
        }

        void submit(Tuple<NodeId>[] tuples) {
            queue(() -> write(tuples));
        }

        /** Sorts a full chunk into a run for each of this thread's indexes. */
        void submitSort(RankedChunk chunk) {
            queue(() -> {
                for (TupleIndex index : indexes)
                    runs.computeIfAbsent(index, i -> new ArrayList<>()).addAll(chunk.sortInto(IndexPacking.columns(index)));
                chunk.sorted();
            });
        }

        /** Builds each of this thread's indexes from its runs. */
        void submitPack() {
            queue(() -> {
                for (TupleIndex index : indexes)
                    IndexPacking.pack(index, runs.getOrDefault(index, List.of()));
                runs.clear();
            });
        }

        /** Forgets the runs: the writer inserts instead. */
        void dropRuns() {
            queue(runs::clear);
        }

        private void queue(Runnable step) {
            rethrow();
            room.acquireUninterruptibly();
            executor.execute(() -> {
                try {
                    run(step);
                } finally {
                    room.release();
                }
            });
        }

        private void write(Tuple<NodeId>[] tuples) {
            for (TupleIndex index : indexes)
                SortedQuadWriter.insertSorted(index, tuples);
        }

        /** Runs a step unless an earlier one failed; remembers the first failure. */
        private void run(Runnable step) {
            if (failure != null)
                return;
            try {
                step.run();
            } catch (RuntimeException | Error e) {
                failure = e;
            }
        }

        /** Commits (or aborts) this thread's transaction and stops the thread; throws its failure if it had one. */
        void finish(boolean commit) {
            if (executor.isShutdown())
                return;
            executor.execute(() -> {
                if (transaction == null)
                    return;
                if (commit)
                    run(transaction::commit);
                if (failure != null || !commit) {
                    try {
                        transaction.abort();
                    } catch (RuntimeException e) {
                        // already ended by a failed commit
                    }
                }
                try {
                    transaction.end();
                } catch (RuntimeException e) {
                    // nothing more to release
                }
            });
            executor.shutdown();
            try {
                while (!executor.awaitTermination(1, TimeUnit.MINUTES)) {
                    // an index thread writing a large batch to a slow disk: keep waiting
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (commit)
                rethrow();
        }

        private void rethrow() {
            Throwable f = failure;
            if (f instanceof RuntimeException r)
                throw r;
            if (f instanceof Error e)
                throw e;
        }
    }

}
