package org.ctkg.server.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.sys.SystemTDB;
import org.ctkg.loader.Access;
import org.ctkg.loader.AccessLevels;
import org.junit.jupiter.api.Test;

/** The public's view of a TDB2 store: restricted graphs hidden from queries, and no per-quad filter where there are none. */
class VisibleGraphsTest {
    private static final Node PUBLIC = NodeFactory.createURI("https://example.org/graph/public");
    private static final Node RESTRICTED = NodeFactory.createURI("https://example.org/graph/restricted");
    private static final String COUNT = "SELECT (COUNT(*) AS ?n) { ?s <https://example.org/p> ?o }";

    private static DatasetGraph store() {
        DatasetGraph store = DatabaseMgr.createDatasetGraph();
        store.getContext().set(TDB2.symUnionDefaultGraph, true);
        Txn.executeWrite(store, () -> {
            Node p = NodeFactory.createURI("https://example.org/p");
            store.add(PUBLIC, NodeFactory.createURI("https://example.org/a"), p, NodeFactory.createLiteralString("a"));
            store.add(RESTRICTED, NodeFactory.createURI("https://example.org/b"), p, NodeFactory.createLiteralString("b"));
        });
        return store;
    }

    private static long count(DatasetGraph view) {
        return Txn.calculateRead(view, () -> {
            try (QueryExec exec = QueryExec.dataset(view).query(QueryFactory.create(COUNT)).build()) {
                return ((Number) exec.select().next().get("n").getLiteralValue()).longValue();
            }
        });
    }

    @Test
    void withNothingRestrictedTheQueryContextHasNoTupleFilterAndAllIsSeen() {
        DatasetGraph view = VisibleGraphs.over(store());
        boolean filtered = Txn.calculateRead(view, () -> view.getContext().isDefined(SystemTDB.symTupleFilter));
        assertFalse(filtered, "a query over a store without restricted graphs runs without TDB2's tuple filter");
        assertEquals(2, count(view));
    }

    @Test
    void aRestrictedGraphIsFilteredOutOfThePublicsQueries() {
        DatasetGraph store = store();
        Txn.executeWrite(store, () -> AccessLevels.apply(store, Access.RESTRICTED, false, List.of(RESTRICTED)));
        DatasetGraph view = VisibleGraphs.over(store);
        boolean filtered = Txn.calculateRead(view, () -> view.getContext().isDefined(SystemTDB.symTupleFilter));
        assertTrue(filtered);
        assertEquals(1, count(view), "the restricted graph's triple is hidden from the public");
    }
}
