package org.ctkg.loader.tdb2;

import java.util.ArrayList;
import java.util.List;
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
 */
public final class ParallelIndexWriter {
    /** Quads per batch, unless the caller says otherwise. */
    public static final int BATCH = 200_000;
    /** Batches waiting per index thread: bounds memory while keeping the threads fed. */
    private static final int QUEUED = 2;

    private final NodeTable nodeTable;
    private final Transaction nodeTransaction;
    private final List<IndexThread> threads = new ArrayList<>();
    private final int batchSize;
    private final List<Tuple<NodeId>> batch;
    private boolean ended;

    /**
     * @param dsg     the store, used by no one else until {@link #commit} or {@link #abort}
     * @param threads how many threads share the indexes (1 to the number of indexes)
     * @param batch   quads per batch handed to the threads
     */
    public ParallelIndexWriter(DatasetGraphTDB dsg, int threads, int batch) {
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
        TransactionCoordinator nodeCoordinator = CoLib.newCoordinator();
        CoLib.add(nodeCoordinator, nodeTable);
        CoLib.start(nodeCoordinator);
        this.nodeTransaction = nodeCoordinator.begin(TxnType.WRITE);
        for (List<TupleIndex> share : shares)
            this.threads.add(new IndexThread(share.toArray(TupleIndex[]::new)));
    }

    /** The number of threads to share the indexes among on this machine: one per core, the caller's thread aside. */
    public static int threadsForThisMachine() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    public void add(Node g, Node s, Node p, Node o) {
        batch.add(TupleFactory.tuple(nodeTable.getAllocateNodeId(g), nodeTable.getAllocateNodeId(s),
                                     nodeTable.getAllocateNodeId(p), nodeTable.getAllocateNodeId(o)));
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
        private Transaction transaction;
        private volatile Throwable failure;

        IndexThread(TupleIndex[] indexes) {
            this.indexes = indexes;
            executor.execute(() -> run(() -> {
                TransactionCoordinator coordinator = CoLib.newCoordinator();
                CoLib.add(coordinator, indexes);
                CoLib.start(coordinator);
                transaction = coordinator.begin(TxnType.WRITE);
            }));
        }

        void submit(Tuple<NodeId>[] tuples) {
            rethrow();
            room.acquireUninterruptibly();
            executor.execute(() -> {
                try {
                    run(() -> write(tuples));
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
