package org.ctkg.loader.tdb2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.junit.jupiter.api.Test;

/**
 * The code in this package reads TDB2's internals ({@code tdb2.sys}, {@code tdb2.store}), which Jena
 * may change in any release. It was written against one version of TDB2; a different one fails
 * here first, so that whoever upgrades re-reads this package against the new Jena before trusting it.
 */
class Tdb2InternalsTest {
    /** The Jena release this package was written and checked against. */
    static final String WRITTEN_AGAINST = "5.6.0";

    @Test
    void theJenaOnTheClassPathIsTheOneThisPackageWasWrittenAgainst() throws IOException {
        Properties p = new Properties();
        try (InputStream in = DatabaseMgr.class.getResourceAsStream("/META-INF/maven/org.apache.jena/jena-tdb2/pom.properties")) {
            p.load(in);
        }
        assertEquals(WRITTEN_AGAINST, p.getProperty("version"),
                "org.ctkg.loader.tdb2 uses TDB2 internals of Jena " + WRITTEN_AGAINST + ": re-read StoreGeneration, ParallelIndexWriter,"
                        + " SortedQuadWriter and StoreInternals against this Jena, then change WRITTEN_AGAINST");
    }

    @Test
    void graphSizesFromTheIndexMatchACountOfTheQuads() {
        DatasetGraph tdb = DatabaseMgr.createDatasetGraph();
        DatasetGraph mem = DatasetGraphFactory.createTxnMem();
        Node g1 = NodeFactory.createURI("urn:g1"), g2 = NodeFactory.createURI("urn:g2"), p = NodeFactory.createURI("urn:p");
        for (DatasetGraph dsg : new DatasetGraph[] {tdb, mem})
            Txn.executeWrite(dsg, () -> {
                for (int i = 0; i < 250; i++)
                    dsg.add(i % 5 == 0 ? g2 : g1, NodeFactory.createURI("urn:s" + i), p, NodeFactory.createLiteralString("o" + i));
            });
        for (DatasetGraph dsg : new DatasetGraph[] {tdb, mem})
            Txn.executeRead(dsg, () -> {
                assertEquals(200, StoreInternals.quadsIn(dsg, g1));
                assertEquals(50, StoreInternals.quadsIn(dsg, g2));
                assertEquals(0, StoreInternals.quadsIn(dsg, NodeFactory.createURI("urn:none")));
            });
    }

    @Test
    void theWriteCounterMovesWithWritesOnlyAndIsUnknownOutsideTdb2() {
        DatasetGraph tdb = DatabaseMgr.createDatasetGraph();
        long before = StoreInternals.writesBegun(tdb);
        Txn.executeRead(tdb, () -> tdb.isEmpty());
        assertEquals(before, StoreInternals.writesBegun(tdb), "a read does not move it");
        Txn.executeWrite(tdb, () -> tdb.add(NodeFactory.createURI("urn:g"),
                NodeFactory.createURI("urn:s"), NodeFactory.createURI("urn:p"), NodeFactory.createURI("urn:o")));
        assertTrue(StoreInternals.writesBegun(tdb) > before, "a write does");
        assertEquals(-1, StoreInternals.writesBegun(DatasetGraphFactory.createTxnMem()));
    }

    @Test
    void aSettledStateIsReadOnlyWhileNoWriteIsUnderWay() {
        DatasetGraph tdb = DatabaseMgr.createDatasetGraph();
        StoreInternals.WriteState before = StoreInternals.settledWrites(tdb);
        assertEquals(before, StoreInternals.writes(tdb), "idle: the state now is the settled one");
        Txn.executeWrite(tdb, () -> {
            assertNull(StoreInternals.settledWrites(tdb), "not settled while a write is under way");
            assertNotEquals(before, StoreInternals.writes(tdb), "the write counts from its beginning");
            tdb.add(NodeFactory.createURI("urn:g"), NodeFactory.createURI("urn:s"), NodeFactory.createURI("urn:p"), NodeFactory.createURI("urn:o"));
        });
        StoreInternals.WriteState after = StoreInternals.settledWrites(tdb);
        assertNotEquals(before, after, "a committed write is a new state");
        assertEquals(after, StoreInternals.writes(tdb));
        Txn.executeWrite(tdb, () -> {});   // the writer lock was given back
        assertNull(StoreInternals.settledWrites(DatasetGraphFactory.createTxnMem()), "unknown outside TDB2");
    }
}
