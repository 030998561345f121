package org.ctkg.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdfpatch.changes.RDFChangesApply;
import org.apache.jena.rdfpatch.changes.RDFChangesExternalTxn;
import org.apache.jena.rdfpatch.text.RDFPatchReaderText;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;

class PatchChunksTest {
    private static final Node G = NodeFactory.createURI("https://example.org/g");
    private static final Node P = NodeFactory.createURI("https://example.org/p");

    @Test
    void chunksStayUnderTheLimitAndApplyOneByOne() {
        int limit = 4096;
        PatchChunks changes = new PatchChunks(limit);
        DatasetGraph expected = DatasetGraphFactory.createTxnMem();
        for (int i = 0; i < 2000; i++) {
            Node s = i % 10 == 0 ? NodeFactory.createBlankNode("b" + i) : NodeFactory.createURI("https://example.org/s" + i);
            // non-ASCII text: the limit is in UTF-8 bytes, not characters
            Node o = NodeFactory.createLiteralString("Zeile " + i + " — Menschenhandel, «торговля людьми»");
            changes.add(G, s, P, o);
            expected.add(G, s, P, o);
        }
        Node gone = NodeFactory.createURI("https://example.org/s1");
        changes.delete(G, gone, P, NodeFactory.createLiteralString("Zeile 1 — Menschenhandel, «торговля людьми»"));
        expected.deleteAny(G, gone, P, Node.ANY);

        List<byte[]> chunks = changes.chunks();
        assertTrue(chunks.size() > 10, "2,000 rows of ~100 bytes in chunks of 4 KiB: " + chunks.size());
        DatasetGraph applied = DatasetGraphFactory.createTxnMem();
        RDFChangesExternalTxn apply = new RDFChangesExternalTxn(new RDFChangesApply(applied));
        for (byte[] chunk : chunks) {
            assertTrue(chunk.length <= limit, "a chunk of " + chunk.length + " bytes");
            new RDFPatchReaderText(new ByteArrayInputStream(chunk)).apply(apply);
        }
        assertEquals(2001, changes.rows());
        assertEquals(quads(expected), quads(applied));
    }

    @Test
    void chunksBeyondTheMemoryBoundWaitInATemporaryFile() throws Exception {
        PatchChunks changes = new PatchChunks(4096, 16 * 1024);
        DatasetGraph expected = DatasetGraphFactory.createTxnMem();
        for (int i = 0; i < 3000; i++) {
            Node o = NodeFactory.createLiteralString("Zeile " + i + " — «торговля людьми»");
            changes.add(G, NodeFactory.createURI("https://example.org/s" + i), P, o);
            expected.add(G, NodeFactory.createURI("https://example.org/s" + i), P, o);
        }
        DatasetGraph applied = DatasetGraphFactory.createTxnMem();
        RDFChangesExternalTxn apply = new RDFChangesExternalTxn(new RDFChangesApply(applied));
        List<Integer> sequences = new java.util.ArrayList<>();
        List<Boolean> lasts = new java.util.ArrayList<>();
        changes.forEach((sequence, last, patch) -> {
            sequences.add(sequence);
            lasts.add(last);
            new RDFPatchReaderText(new ByteArrayInputStream(patch)).apply(apply);
        });
        java.nio.file.Path spill = changes.spillFile();
        assertTrue(spill != null && java.nio.file.Files.size(spill) > 3 * 16 * 1024, "most chunks in the temporary file: " + spill);
        assertEquals(quads(expected), quads(applied));
        assertEquals(java.util.stream.IntStream.range(0, sequences.size()).boxed().toList(), sequences);
        assertEquals(List.of(true), lasts.subList(lasts.size() - 1, lasts.size()));
        assertEquals(1, lasts.stream().filter(b -> b).count(), "only the last chunk is marked last");
        changes.discard();
        assertTrue(!java.nio.file.Files.exists(spill), "the temporary file is deleted");
    }

    @Test
    void aRowLargerThanTheLimitIsAChunkOfItsOwn() {
        PatchChunks changes = new PatchChunks(100);
        changes.add(G, P, P, NodeFactory.createLiteralString("x".repeat(500)));
        changes.add(G, P, P, NodeFactory.createLiteralString("short"));
        assertEquals(2, changes.chunks().size());
    }

    private static List<Quad> quads(DatasetGraph dsg) {
        List<Quad> all = new java.util.ArrayList<>();
        dsg.find().forEachRemaining(all::add);
        all.sort(java.util.Comparator.comparing(Quad::toString));
        return all;
    }
}
