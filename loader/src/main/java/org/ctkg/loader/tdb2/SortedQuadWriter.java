package org.ctkg.loader.tdb2;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.atlas.lib.tuple.TupleFactory;
import org.apache.jena.atlas.lib.tuple.TupleMap;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * Writes quads into a TDB2 store inside the caller's write transaction, in batches: each batch
 * is turned into node ids once, then sorted into each quad index's own order before it is
 * inserted, so the B+trees are written in key order instead of at random. Same transaction,
 * same result as {@code dsg.add}, fewer page visits.
 */
public final class SortedQuadWriter {
    private static final int BATCH = 100_000;

    private final NodeTable nodeTable;
    private final TupleIndex[] indexes;
    private final List<Node[]> batch = new ArrayList<>(BATCH);

    public SortedQuadWriter(DatasetGraph dsg) {
        DatasetGraphTDB tdb = TDBInternal.getDatasetGraphTDB(dsg);
        NodeTupleTable quads = tdb.getQuadTable().getNodeTupleTable();
        this.nodeTable = quads.getNodeTable();
        this.indexes = quads.getTupleTable().getIndexes();
    }

    /** True when the dataset is a TDB2 store this writer can write to. */
    public static boolean supports(DatasetGraph dsg) {
        return TDBInternal.isTDB2(dsg);
    }

    public void add(Node g, Node s, Node p, Node o) {
        batch.add(new Node[] {g, s, p, o});
        if (batch.size() >= BATCH)
            flush();
    }

    /** Writes what is buffered. */
    public void flush() {
        if (batch.isEmpty())
            return;
        @SuppressWarnings("unchecked")
        Tuple<NodeId>[] tuples = new Tuple[batch.size()];
        for (int i = 0; i < tuples.length; i++) {
            Node[] q = batch.get(i);
            tuples[i] = TupleFactory.tuple(nodeTable.getAllocateNodeId(q[0]), nodeTable.getAllocateNodeId(q[1]),
                                           nodeTable.getAllocateNodeId(q[2]), nodeTable.getAllocateNodeId(q[3]));
        }
        batch.clear();
        for (TupleIndex index : indexes)
            insertSorted(index, tuples);
    }

    /** Inserts the tuples into the index in the index's own key order. */
    static void insertSorted(TupleIndex index, Tuple<NodeId>[] tuples) {
        @SuppressWarnings("unchecked")
        Tuple<NodeId>[] keys = new Tuple[tuples.length];
        TupleMap map = index.getMapping();
        for (int i = 0; i < tuples.length; i++)
            keys[i] = map.map(tuples[i]);
        Arrays.sort(keys, SortedQuadWriter::compare);
        for (Tuple<NodeId> key : keys)
            index.add(map.unmap(key));
    }

    private static int compare(Tuple<NodeId> a, Tuple<NodeId> b) {
        for (int i = 0; i < a.len(); i++) {
            int c = NodeId.compare(a.get(i), b.get(i));
            if (c != 0)
                return c;
        }
        return 0;
    }
}
