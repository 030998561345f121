package org.ctkg.loader.tdb2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.sys.StoreConnection;
import org.apache.jena.dboe.base.file.Location;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The index threads leave a store holding what it held plus every quad given, each once, found through every index. */
class ParallelIndexWriterTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "pack={0}, budget={1}")
    @CsvSource({"false, 1000000", "true, 1000000", "true, 3000"})
    void everyQuadIsFoundThroughEveryIndexOnce(boolean pack, long budget) {
        Location location = Location.create(dir.toString());
        DatasetGraph dsg = StoreConnection.connectCreate(location).getDatasetGraphTDB();
        Set<Quad> expected = new HashSet<>();
        Node p = NodeFactory.createURI("urn:p"), held = NodeFactory.createURI("urn:held");
        Txn.executeWrite(dsg, () -> {
            for (int i = 0; i < 500; i++) {
                Quad q = Quad.create(held, NodeFactory.createURI("urn:s" + i), p, NodeFactory.createLiteralString("held " + i));
                dsg.add(q);
                expected.add(q);
            }
        });
        DatasetGraphTDB tdb = (DatasetGraphTDB) dsg;
        ParallelIndexWriter writer = new ParallelIndexWriter(tdb, 2, 700, pack, budget);
        try {
            for (int i = 0; i < 9000; i++) {
                // Numbers and strings (inline ids and ids of stored nodes), a quad given twice, and one the store held.
                Node g = NodeFactory.createURI("urn:g" + i % 3);
                Node o = i % 2 == 0 ? NodeFactory.createLiteralDT(Integer.toString(i % 1000 - 500), org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger)
                                    : NodeFactory.createLiteralString("o" + i % 4000);
                Quad q = Quad.create(g, NodeFactory.createURI("urn:s" + i % 2500), i % 7 == 0 ? held : p, o);
                writer.add(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
                expected.add(q);
            }
            Quad again = expected.iterator().next();
            writer.add(again.getGraph(), again.getSubject(), again.getPredicate(), again.getObject());
            writer.commit();
        } finally {
            writer.abort();
        }
        StoreConnection.internalExpel(location, false);
        DatasetGraph reopened = StoreConnection.connectCreate(location).getDatasetGraphTDB();
        Txn.executeRead(reopened, () -> {
            Set<Quad> all = new HashSet<>();
            reopened.find().forEachRemaining(all::add);
            Set<Quad> missing = new HashSet<>(expected), extra = new HashSet<>(all);
            missing.removeAll(all);
            extra.removeAll(expected);
            assertEquals(List.of(0, 0), List.of(missing.size(), extra.size()),
                    "every quad, nothing else: missing " + missing.stream().limit(3).toList() + ", extra " + extra.stream().limit(3).toList());
            Node g1 = NodeFactory.createURI("urn:g1"), s7 = NodeFactory.createURI("urn:s7");
            // Each pattern is answered from another index: its count must match the quads.
            assertEquals(count(expected, null, null, p, null), count(reopened, null, null, p, null), "POSG");
            assertEquals(count(expected, g1, null, null, null), count(reopened, g1, null, null, null), "GSPO by graph");
            assertEquals(count(expected, null, s7, null, null), count(reopened, null, s7, null, null), "SPOG");
            Node o = NodeFactory.createLiteralString("o13");
            assertEquals(count(expected, null, null, null, o), count(reopened, null, null, null, o), "OSPG");
            assertEquals(count(expected, g1, null, p, null), count(reopened, g1, null, p, null), "GPOS");
            assertEquals(count(expected, g1, null, null, o), count(reopened, g1, null, null, o), "GOSP");
        });
        // The store takes ordinary writes afterwards, and they land.
        Quad later = Quad.create(held, NodeFactory.createURI("urn:later"), p, NodeFactory.createURI("urn:o"));
        Txn.executeWrite(reopened, () -> reopened.add(later));
        Txn.executeRead(reopened, () -> assertEquals((long) expected.size() + 1, org.apache.jena.atlas.iterator.Iter.count(reopened.find())));
        StoreConnection.internalExpel(location, false);
    }

    private static long count(Set<Quad> quads, Node g, Node s, Node p, Node o) {
        return quads.stream().filter(q -> (g == null || q.getGraph().equals(g)) && (s == null || q.getSubject().equals(s))
                && (p == null || q.getPredicate().equals(p)) && (o == null || q.getObject().equals(o))).count();
    }

    private static long count(DatasetGraph dsg, Node g, Node s, Node p, Node o) {
        return org.apache.jena.atlas.iterator.Iter.count(dsg.find(g == null ? Node.ANY : g, s == null ? Node.ANY : s, p == null ? Node.ANY : p, o == null ? Node.ANY : o));
    }
}
