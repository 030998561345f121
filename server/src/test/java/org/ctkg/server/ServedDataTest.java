package org.ctkg.server;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.ctkg.loader.Stores;
import org.ctkg.testkit.ServedData;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The check the hostile-request suites rely on sees a change, and only a change, whether or not a write began. */
class ServedDataTest {
    private static final Node G = NodeFactory.createURI("urn:test:served-data");
    private static final Node S = NodeFactory.createURI("urn:test:s");

    @Test
    void aCommittedChangeFailsTheCheckAndAnUndoneOnePassesIt() throws Exception {
        CtkgServer server = CtkgServer.create().port(0).dataset(Stores.curatedScratch()).build().start();
        try {
            DatasetGraph dsg = server.dataset();
            ServedData before = ServedData.of(server.baseUrl() + "/ctkg/data", dsg);
            before.assertUnchanged("nothing was written");
            Txn.executeWrite(dsg, () -> dsg.add(G, S, S, S));
            assertThrows(AssertionFailedError.class, () -> before.assertUnchanged("a quad was added"));
            Txn.executeWrite(dsg, () -> dsg.delete(G, S, S, S));
            before.assertUnchanged("the quad was added and removed again");
            Txn.executeWrite(dsg, () -> dsg.add(G, S, S, S));
            assertThrows(AssertionFailedError.class, () -> before.assertUnchanged("added after the new mark"));
        } finally {
            server.stop();
        }
    }
}
