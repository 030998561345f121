package org.ctkg.replication;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.rdfpatch.changes.RDFChangesBase;
import org.apache.jena.rdfpatch.text.RDFChangesWriterText;
import org.apache.jena.rdfpatch.text.TokenWriter;
import org.apache.jena.rdfpatch.text.TokenWriterText;

/**
 * The changes of one store transaction as RDF Patch text, cut at row boundaries into chunks of at
 * most {@link #limit} bytes, each a patch of its own (rows only: no header, no {@code TX}/{@code TC}),
 * so that every chunk fits in a Kafka record under every default size limit. The first
 * {@link #DEFAULT_MEMORY} bytes of chunks are kept in memory, the rest spill to a temporary file
 * (a large load's patch would otherwise sit whole in the writer's heap until it commits); {@link
 * #discard()} deletes it.
 */
final class PatchChunks extends RDFChangesBase implements AutoCloseable {
    /** 512 KiB: under the producer's max.request.size, the broker's message.max.bytes and the consumer's fetch size. */
    static final int DEFAULT_LIMIT = 512 * 1024;
    /** 64 MiB of a transaction's chunks in memory (about a million triples of patch text); beyond, a temporary file. */
    static final long DEFAULT_MEMORY = 64L << 20;

    /** What is done with each chunk, in order. */
    interface ChunkAction {
        void accept(int sequence, boolean last, byte[] patch) throws Exception;
    }

    private final int limit;
    private final long memory;
    private final StringWriter row = new StringWriter();
    private final TokenWriter tokens = TokenWriterText.create(row);
    private final RDFChangesWriterText text = new RDFChangesWriterText(tokens);
    private final List<byte[]> inMemory = new ArrayList<>();
    private long memoryUsed;
    private Path spill;
    private DataOutputStream spillOut;
    private int count;
    private ByteArrayOutputStream current = new ByteArrayOutputStream();
    private long rows;

    PatchChunks(int limit, long memory) {
        this.limit = limit;
        this.memory = memory;
    }

    PatchChunks(int limit) {
        this(limit, DEFAULT_MEMORY);
    }

    PatchChunks() {
        this(DEFAULT_LIMIT);
    }

    @Override
    public void add(Node g, Node s, Node p, Node o) {
        text.add(g, s, p, o);
        endRow();
    }

    @Override
    public void delete(Node g, Node s, Node p, Node o) {
        text.delete(g, s, p, o);
        endRow();
    }

    @Override
    public void addPrefix(Node gn, String prefix, String uriStr) {
        text.addPrefix(gn, prefix, uriStr);
        endRow();
    }

    @Override
    public void deletePrefix(Node gn, String prefix) {
        text.deletePrefix(gn, prefix);
        endRow();
    }

    /** Moves the row just written into the current chunk, starting a new chunk when it would not fit. */
    private void endRow() {
        tokens.flush();
        StringBuffer buffer = row.getBuffer();
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        buffer.setLength(0);
        if (current.size() > 0 && current.size() + bytes.length > limit)
            seal();
        current.writeBytes(bytes);
        rows++;
    }

    private void seal() {
        byte[] chunk = current.toByteArray();
        current = new ByteArrayOutputStream();
        count++;
        if (spill == null && memoryUsed + chunk.length <= memory) {
            inMemory.add(chunk);
            memoryUsed += chunk.length;
            return;
        }
        try {
            if (spill == null) {
                spill = Files.createTempFile("ctkg-patch-", ".chunks");
                spillOut = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(spill), 1 << 16));
            }
            spillOut.writeInt(chunk.length);
            spillOut.write(chunk);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep a large transaction's changes in a temporary file " + spill
                                           + " until they are published: " + e.getMessage(), e);
        }
    }

    /** True when the transaction changed nothing. */
    boolean isEmpty() {
        return rows == 0;
    }

    long rows() {
        return rows;
    }

    /** Does the action with each chunk in order (the last one may be smaller), those in the temporary file read back one by one. */
    void forEach(ChunkAction action) throws Exception {
        if (current.size() > 0)
            seal();
        int sequence = 0;
        for (byte[] chunk : inMemory) {
            action.accept(sequence, sequence == count - 1, chunk);
            sequence++;
        }
        if (spill == null)
            return;
        spillOut.close();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(spill), 1 << 16))) {
            for (; sequence < count; sequence++) {
                byte[] chunk = new byte[in.readInt()];
                in.readFully(chunk);
                action.accept(sequence, sequence == count - 1, chunk);
            }
        }
    }

    /** The chunks in order, all in memory (for small transactions and tests). */
    List<byte[]> chunks() {
        List<byte[]> all = new ArrayList<>();
        try {
            forEach((sequence, last, patch) -> all.add(patch));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return all;
    }

    /** The temporary file that holds the chunks beyond the memory bound, or null. */
    Path spillFile() {
        return spill;
    }

    /** Deletes the temporary file, if any: after the changes were published, or when the transaction aborted. */
    void discard() {
        if (spill == null)
            return;
        try {
            spillOut.close();
            Files.deleteIfExists(spill);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the temporary file " + spill + ": " + e.getMessage(), e);
        } finally {
            spill = null;
        }
    }

    @Override
    public void close() {
        discard();
    }
}
