package org.ctkg.loader.tdb2;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.sys.SystemTDB;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * Hides named graphs from TDB2's query engine: a filter on the tuples it matches, the mechanism
 * Fuseki's data access control uses for TDB2 ({@code SystemTDB.symTupleFilter}), here as a deny
 * list. Every quad pattern (the union default graph, {@code GRAPH ?g}, paths) passes through it;
 * the store's own default graph (triples) is never hidden.
 */
public final class HiddenGraphs {
    private HiddenGraphs() {}

    /** Whether queries over this dataset run on TDB2's engine (which {@link #hide} filters). */
    public static boolean isTdb2(DatasetGraph dsg) {
        return tdb2(dsg) != null;
    }

    /**
     * Sets on a query's context a filter hiding the graphs {@code hidden} names, asked at the
     * query's first quad, inside its transaction (so from the same state of the store as the data).
     */
    public static void hide(Context cxt, DatasetGraph dsg, Supplier<Set<Node>> hidden) {
        DatasetGraph store = tdb2(dsg);
        if (store == null)
            throw new IllegalArgumentException("not a TDB2 store: " + dsg.getClass().getSimpleName());
        cxt.set(SystemTDB.symTupleFilter, new Filter(store, hidden));
    }

    private static DatasetGraph tdb2(DatasetGraph dsg) {
        DatasetGraph base = dsg;
        while (!TDBInternal.isTDB2(base) && base instanceof DatasetGraphWrapper w)
            base = w.getWrapped();
        return TDBInternal.isTDB2(base) ? base : null;
    }

    private static final class Filter implements Predicate<Tuple<NodeId>> {
        private final DatasetGraph store;
        private final Supplier<Set<Node>> hidden;
        private Set<NodeId> ids;

        Filter(DatasetGraph store, Supplier<Set<Node>> hidden) {
            this.store = store;
            this.hidden = hidden;
        }

        @Override
        public boolean test(Tuple<NodeId> t) {
            if (t.len() != 4)
                return true;
            if (ids == null)
                ids = ids();
            return !ids.contains(t.get(0));
        }

        /** The hidden graphs' node ids in the store's current generation (a graph never written has none). */
        private Set<NodeId> ids() {
            DatasetGraphTDB storage = TDBInternal.getDatasetGraphTDB(store);
            NodeTable nodes = storage.getQuadTable().getNodeTupleTable().getNodeTable();
            Set<NodeId> found = new HashSet<>();
            for (Node g : hidden.get()) {
                NodeId id = nodes.getNodeIdForNode(g);
                if (!NodeId.isDoesNotExist(id))
                    found.add(id);
            }
            return found;
        }
    }
}
