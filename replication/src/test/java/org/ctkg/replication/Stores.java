package org.ctkg.replication;

import java.nio.file.Path;

import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.update.UpdateAction;

/** TDB2 stores on disk and small writes to them, for the tests. */
final class Stores {
    static final Node GRAPH = NodeFactory.createURI("https://example.org/graph/updates");

    private Stores() {}

    static DatasetGraph tdb2(Path dir) {
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(Location.create(dir));
        org.ctkg.loader.Stores.unionDefaultGraph(dsg);
        return dsg;
    }

    /** A quad in the updates graph, saying that the subject has the name. */
    static Quad named(String subject, String name) {
        return Quad.create(GRAPH, NodeFactory.createURI("https://example.org/id/" + subject),
                NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#label"), NodeFactory.createLiteralString(name));
    }

    static void add(DatasetGraph dsg, Quad quad) {
        Txn.executeWrite(dsg, () -> dsg.add(quad));
    }

    static void update(DatasetGraph dsg, String sparql) {
        Txn.executeWrite(dsg, () -> UpdateAction.parseExecute(sparql, dsg));
    }
}
