package org.ctkg.loader.tdb2;

import java.util.function.BiConsumer;

import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * Scans the subjects and objects of one predicate in one graph as keys that stand for the nodes:
 * a TDB2 store's node ids, read from its index without turning each into a node (a scan over a
 * million records decodes only their few distinct values, through {@link #node}); any other
 * store's nodes themselves. Call inside a transaction.
 */
public final class QuadScan {
    private final DatasetGraph dsg;
    private final NodeTupleTable quads;
    private final NodeTable nodes;

    public QuadScan(DatasetGraph dsg) {
        this.dsg = dsg;
        DatasetGraphTDB tdb = TDBInternal.getDatasetGraphTDB(dsg);
        this.quads = tdb == null ? null : tdb.getQuadTable().getNodeTupleTable();
        this.nodes = quads == null ? null : quads.getNodeTable();
    }

    /** Each (subject, object) key of the graph's triples with this predicate (and object, unless null). */
    public void scan(Node g, Node p, Node o, BiConsumer<Object, Object> each) {
        if (quads == null) {
            dsg.find(g, Node.ANY, p, o == null ? Node.ANY : o).forEachRemaining(q -> each.accept(q.getSubject(), q.getObject()));
            return;
        }
        NodeId gid = nodes.getNodeIdForNode(g), pid = nodes.getNodeIdForNode(p);
        NodeId oid = o == null ? NodeId.NodeIdAny : nodes.getNodeIdForNode(o);
        if (NodeId.isDoesNotExist(gid) || NodeId.isDoesNotExist(pid) || NodeId.isDoesNotExist(oid))
            return;
        var it = quads.find(gid, NodeId.NodeIdAny, pid, oid);
        while (it.hasNext()) {
            Tuple<NodeId> t = it.next();
            each.accept(t.get(1), t.get(3));
        }
    }

    /** The node a key stands for. */
    public Node node(Object key) {
        return key instanceof NodeId id ? nodes.getNodeForNodeId(id) : (Node) key;
    }
}
