package org.ctkg.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdfpatch.changes.RDFChangesApply;
import org.apache.jena.rdfpatch.changes.RDFChangesExternalTxn;
import org.apache.jena.rdfpatch.text.RDFPatchReaderText;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshots of real TDB2 stores: the same quads and blank-node labels back, at the same place in the log. */
class SnapshotTest {
    private static final Node G = NodeFactory.createURI("urn:test:g");
    private static final Node P = NodeFactory.createURI("urn:test:address");

    @TempDir
    Path tmp;

    private DatasetGraph storeWithBlankNodes(String name) {
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(tmp.resolve(name).toString());
        Txn.executeWrite(dsg, () -> RDFParser.fromString("""
                <urn:test:shelter> <urn:test:address> [ <urn:test:street> "Rue de l'Étoile" ; <urn:test:no> 1 ] .
                <urn:test:shelter> <urn:test:address> [ <urn:test:street> "Main St" ] .
                <urn:test:shelter> <http://www.w3.org/2000/01/rdf-schema#label> "Refuge"@fr .
                """, Lang.TURTLE).parse(StreamRDFLib.graph(dsg.getGraph(G))));
        return dsg;
    }

    @Test
    void aRestoredSnapshotHoldsTheSameQuadsUnderTheSameBlankNodeLabelsAndItsPlaceInTheLog() throws Exception {
        DatasetGraph replica = storeWithBlankNodes("replica");
        Path position = tmp.resolve("replica.position");
        new PositionFile(position, "ctkg-test").write(42);
        Path file = tmp.resolve("snapshot.nq.gz");
        assertEquals(new Snapshot.Place("ctkg-test", 42), Snapshot.write(replica, position, file));

        DatasetGraph fresh = DatabaseMgr.connectDatasetGraph(tmp.resolve("fresh").toString());
        Path freshPosition = tmp.resolve("fresh.position");
        assertEquals(new Snapshot.Place("ctkg-test", 42), Snapshot.restore(file, fresh, freshPosition));
        assertEquals(StoreContents.of(replica), StoreContents.of(fresh), "the same quads, blank-node labels included");
        assertEquals(42, new PositionFile(freshPosition, "ctkg-test").read(), "the new replica resumes where the snapshot stands");

        // The writer's next patch names a blank node by its label: it must find it in the restored store.
        Node address = Txn.calculateRead(replica, () -> replica.find(G, Node.ANY, P, Node.ANY).next().getObject());
        assertTrue(address.isBlank());
        Quad gone = Txn.calculateRead(replica, () -> replica.find(G, address, Node.ANY, Node.ANY).next());
        PatchChunks patch = new PatchChunks(PatchChunks.DEFAULT_LIMIT);   // as the writer publishes it
        patch.delete(G, gone.getSubject(), gone.getPredicate(), gone.getObject());
        byte[] text = patch.chunks().get(0);
        for (DatasetGraph dsg : new DatasetGraph[] {replica, fresh})
            Txn.executeWrite(dsg, () -> new RDFPatchReaderText(new ByteArrayInputStream(text))
                    .apply(new RDFChangesExternalTxn(new RDFChangesApply(dsg))));
        assertFalse(StoreContents.contains(fresh, gone), "the patch found the blank node in the restored store");
        assertEquals(StoreContents.of(replica), StoreContents.of(fresh), "and both stores moved alike");
    }

    @Test
    void noSnapshotOfAStoreWithoutAPlaceInTheLogNorARestoreIntoAStoreThatHoldsData() throws Exception {
        DatasetGraph writer = storeWithBlankNodes("writer");
        Path file = tmp.resolve("snapshot.nq.gz");
        ReplicationException none = assertThrows(ReplicationException.class, () -> Snapshot.write(writer, tmp.resolve("writer.position"), file));
        assertTrue(none.getMessage().contains("writer.position"), none.getMessage());
        assertFalse(Files.exists(file), "no file");

        Path position = tmp.resolve("replica.position");
        DatasetGraph replica = storeWithBlankNodes("replica");
        new PositionFile(position, "ctkg-test").write(7);
        Snapshot.write(replica, position, file);
        StoreContents before = StoreContents.of(writer);
        ReplicationException full = assertThrows(ReplicationException.class, () -> Snapshot.restore(file, writer, tmp.resolve("w.position")));
        assertTrue(full.getMessage().contains("not empty"), full.getMessage());
        assertEquals(before, StoreContents.of(writer), "the store is as it was");
        assertFalse(Files.exists(tmp.resolve("w.position")));

        Path plain = Files.writeString(tmp.resolve("plain.nq"), "<urn:a> <urn:b> <urn:c> .\n");
        ReplicationException notOne = assertThrows(ReplicationException.class, () -> Snapshot.restore(plain,
                DatabaseMgr.connectDatasetGraph(tmp.resolve("other").toString()), tmp.resolve("other.position")));
        assertTrue(notOne.getMessage().contains("plain.nq is not a ctkg snapshot"), notOne.getMessage());
    }
}
