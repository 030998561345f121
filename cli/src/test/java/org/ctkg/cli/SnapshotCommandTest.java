package org.ctkg.cli;

import static org.ctkg.cli.CommandLineTest.ctkg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ctkg snapshot}: take a replica's store with its place in the log, restore it into a new store; refusals with exit codes. */
class SnapshotCommandTest {
    @TempDir
    Path tmp;

    @Test
    void aSnapshotOfAReplicasStoreRestoresIntoANewStoreWithTheSamePlaceAndQuads() throws Exception {
        Path store = tmp.resolve("replica");
        // A small store of its own (a replica's store holds what the writer's log brought it).
        DatasetGraph replica = DatabaseMgr.connectDatasetGraph(store.toString());
        Txn.executeWrite(replica, () -> RDFParser.fromString("<urn:test:s> <urn:test:p> [ <urn:test:q> \"Étoile\" ] .", Lang.TURTLE)
                .parse(StreamRDFLib.graph(replica.getGraph(NodeFactory.createURI("urn:test:g")))));
        TDBInternal.expel(replica);
        Path file = tmp.resolve("snap.nq.gz");

        CommandLineTest.Run none = ctkg("snapshot", "--loc", store.toString(), "--out", file.toString());
        assertEquals(1, none.code(), none.err());
        assertTrue(none.err().contains("replica.position"), "a store that is no replica's has no place in the log: " + none.err());
        assertFalse(Files.exists(file));

        Files.writeString(Path.of(store + ".position"), "topic=ctkg\nnext=12\n");
        CommandLineTest.Run taken = ctkg("snapshot", "--loc", store.toString(), "--out", file.toString());
        assertEquals(0, taken.code(), taken.err());
        assertTrue(taken.err().contains("at position 12 of topic ctkg"), taken.err());

        Path fresh = tmp.resolve("fresh");
        CommandLineTest.Run restored = ctkg("snapshot", "--restore", file.toString(), "--loc", fresh.toString());
        assertEquals(0, restored.code(), restored.err());
        assertTrue(Files.readString(Path.of(fresh + ".position")).contains("next=12"));
        CommandLineTest.Run before = ctkg("export", "--loc", store.toString());
        CommandLineTest.Run after = ctkg("export", "--loc", fresh.toString());
        assertEquals(0, after.code(), after.err());
        assertEquals(before.out().lines().sorted().toList(), after.out().lines().sorted().toList(), "the same quads, blank-node labels included");

        CommandLineTest.Run again = ctkg("snapshot", "--restore", file.toString(), "--loc", fresh.toString());
        assertEquals(2, again.code());
        assertTrue(again.err().contains("is not empty: restore a snapshot only into a new store"), again.err());
    }

    @Test
    void aFileThatIsNoSnapshotOrAMissingOptionIsRefusedAndNothingIsLeftBehind() throws Exception {
        Path plain = Files.writeString(tmp.resolve("plain.nq"), "<urn:a> <urn:b> <urn:c> .\n");
        Path fresh = tmp.resolve("fresh");
        CommandLineTest.Run refused = ctkg("snapshot", "--restore", plain.toString(), "--loc", fresh.toString());
        assertEquals(1, refused.code(), refused.err());
        assertTrue(refused.err().contains("plain.nq is not a ctkg snapshot"), refused.err());
        assertFalse(Files.exists(fresh), "no store was made");
        assertFalse(Files.exists(Path.of(fresh + ".position")));

        CommandLineTest.Run both = ctkg("snapshot", "--loc", fresh.toString());
        assertEquals(2, both.code());
        assertTrue(both.err().contains("one of --out FILE (take a snapshot) or --restore FILE"), both.err());
    }
}
