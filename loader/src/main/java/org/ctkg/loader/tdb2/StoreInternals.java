package org.ctkg.loader.tdb2;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.dboe.transaction.txn.TransactionCoordinator;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * What ctkg reads from inside a TDB2 store that Jena's public API does not offer: a graph's size
 * from the graph-first index, and the count of write transactions begun (a cheap "has the store
 * changed?" key for caches). Both use {@code tdb2.sys} and {@code tdb2.store}, which Jena treats as
 * internal; {@code Tdb2InternalsTest} pins the Jena version they were written against.
 */
public final class StoreInternals {
    private StoreInternals() {}

    /**
     * The number of quads in a named graph; call inside a transaction. A TDB2 store counts them in
     * its graph-first index without reading the nodes; any other store counts them one by one.
     */
    public static long quadsIn(DatasetGraph dsg, Node g) {
        DatasetGraphTDB tdb = TDBInternal.getDatasetGraphTDB(dsg);
        if (tdb == null)
            return dsg.stream(g, Node.ANY, Node.ANY, Node.ANY).count();
        NodeTupleTable quads = tdb.getQuadTable().getNodeTupleTable();
        NodeId id = quads.getNodeTable().getNodeIdForNode(g);
        if (NodeId.isDoesNotExist(id))
            return 0;
        return Iter.count(quads.find(id, NodeId.NodeIdAny, NodeId.NodeIdAny, NodeId.NodeIdAny));
    }

    /**
     * How many write transactions the store has begun (TDB2), or -1 when it cannot tell: also while
     * a write is under way, since what is read then may be from before its commit.
     */
    public static long writesBegun(DatasetGraph dsg) {
        DatasetGraph base = tdb2(dsg);
        if (base == null)
            return -1;
        TransactionCoordinator txns = TDBInternal.getTransactionCoordinator(base);
        long begun = txns.countBeginWrite();
        return txns.countActiveWriter() > 0 ? -1 : begun;
    }

    /**
     * A state of a TDB2 store as its writes tell it: the transaction coordinator of its current
     * generation (a compaction makes a new one, which counts from 0 again) and how many write
     * transactions that coordinator has begun. Equal states are the same data, so long as the first
     * was {@link #settledWrites settled}.
     */
    public record WriteState(Object coordinator, long writesBegun) {}

    /**
     * The store's write state now, without waiting or locking: a write may be under way (what it
     * writes is not committed yet). Equal to a {@link #settledWrites settled} state read earlier
     * only if no write has begun since. Null outside TDB2.
     */
    public static WriteState writes(DatasetGraph dsg) {
        DatasetGraph base = tdb2(dsg);
        if (base == null)
            return null;
        TransactionCoordinator txns = TDBInternal.getTransactionCoordinator(base);
        return new WriteState(txns, txns.countBeginWrite());
    }

    /**
     * The store's write state when no write is under way or beginning: every write it counts has
     * committed or aborted. Read while holding TDB2's writer lock for an instant (a writer takes it
     * before its count moves and gives it back once its commit is done), so that a write caught
     * between counting itself and beginning is not mistaken for a finished one. Null outside
     * TDB2, and when a writer holds the lock (a write under way: what a read sees now may be
     * older than the count).
     */
    public static WriteState settledWrites(DatasetGraph dsg) {
        DatasetGraph base = tdb2(dsg);
        if (base == null)
            return null;
        TransactionCoordinator txns = TDBInternal.getTransactionCoordinator(base);
        if (!txns.tryBlockWriters())
            return null;
        try {
            return new WriteState(txns, txns.countBeginWrite());
        } finally {
            txns.enableWriters();
        }
    }

    /** TDB2's own dataset under the wrappers, or null when it is not TDB2. */
    private static DatasetGraph tdb2(DatasetGraph dsg) {
        DatasetGraph base = dsg;
        // Unwrap down to TDB2's own dataset (itself a wrapper of its current generation, so stop there).
        while (!TDBInternal.isTDB2(base) && base instanceof DatasetGraphWrapper w)
            base = w.getWrapped();
        return TDBInternal.isTDB2(base) ? base : null;
    }

    /**
     * Closes a TDB2 store's files and forgets it, so that its directory can be opened again (after a
     * switch of generation) or deleted.
     */
    public static void release(DatasetGraph dsg) {
        TDBInternal.expel(dsg);
    }
}
