package org.ctkg.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.TxnType;
import org.apache.jena.rdfpatch.changes.RDFChangesApply;
import org.apache.jena.rdfpatch.changes.RDFChangesExternalTxn;
import org.apache.jena.rdfpatch.text.RDFPatchReaderText;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;

/** The replica's batched apply ends each store as quad-by-quad application would, and sends watched quads through the served dataset. */
class BatchedApplyTest {
    private static final Node G = NodeFactory.createURI("https://example.org/g");
    private static final Node P = NodeFactory.createURI("https://example.org/p");

    @Test
    void endsAsQuadByQuadApplicationDoes() {
        PatchChunks changes = new PatchChunks(8192);
        for (int i = 0; i < 3000; i++) {
            Node s = i % 10 == 0 ? NodeFactory.createBlankNode("b" + i) : NodeFactory.createURI("https://example.org/s" + i);
            changes.add(G, s, P, NodeFactory.createLiteralString("Zeile " + i));
            changes.add(G, s, RDFS.Nodes.label, NodeFactory.createLiteralString("label " + i));
        }
        Node s1 = NodeFactory.createURI("https://example.org/s1"), s2 = NodeFactory.createURI("https://example.org/s2");
        // a delete of a batched add, an add again after a delete, a default-graph triple and its delete
        changes.delete(G, s1, P, NodeFactory.createLiteralString("Zeile 1"));
        changes.delete(G, s2, P, NodeFactory.createLiteralString("Zeile 2"));
        changes.add(G, s2, P, NodeFactory.createLiteralString("Zeile 2"));
        changes.add(null, s1, P, s2);
        changes.add(null, s2, P, s1);
        changes.delete(null, s2, P, s1);
        List<byte[]> chunks = changes.chunks();
        assertTrue(chunks.size() > 5, "several chunks: " + chunks.size());

        DatasetGraph reference = DatabaseMgr.createDatasetGraph();
        reference.begin(TxnType.WRITE);
        RDFChangesExternalTxn oneByOne = new RDFChangesExternalTxn(new RDFChangesApply(reference));
        chunks.forEach(c -> new RDFPatchReaderText(new ByteArrayInputStream(c)).apply(oneByOne));
        reference.commit();
        reference.end();

        DatasetGraph storage = DatabaseMgr.createDatasetGraph();
        Watching served = new Watching(storage);
        ReplicaStore store = new ReplicaStore(served, storage, RDFS.Nodes.label::equals);
        served.begin(TxnType.WRITE);
        BatchedApply batched = new BatchedApply(store);
        chunks.forEach(c -> new RDFPatchReaderText(new ByteArrayInputStream(c)).apply(batched));
        batched.flush();
        served.commit();
        served.end();

        assertEquals(StoreContents.of(reference), StoreContents.of(storage));
        assertFalse(StoreContents.contains(storage, Quad.create(G, s1, P, NodeFactory.createLiteralString("Zeile 1"))));
        assertTrue(StoreContents.contains(storage, Quad.create(G, s2, P, NodeFactory.createLiteralString("Zeile 2"))));
        // every label went through the served dataset (search watches them), no other quad of a named graph did
        assertEquals(3000, served.added.stream().filter(q -> q.getPredicate().equals(RDFS.Nodes.label)).count());
        assertEquals(3000 + 2, served.added.size(), "the labels and the two default-graph triples: " + served.added.size());
    }

    /** A served dataset over the storage, as the search index's wrapper is: it sees the quads added through it. */
    private static final class Watching extends DatasetGraphWrapper {
        final List<Quad> added = new ArrayList<>();

        Watching(DatasetGraph storage) {
            super(storage);
        }

        @Override
        public void add(Node g, Node s, Node p, Node o) {
            added.add(Quad.create(g == null ? Quad.defaultGraphIRI : g, s, p, o));
            super.add(g, s, p, o);
        }

        @Override
        public void add(Quad quad) {
            add(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
        }
    }
}
