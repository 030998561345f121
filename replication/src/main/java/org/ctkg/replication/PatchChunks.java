package org.ctkg.replication;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
    /** The chunk being filled; rows are written straight into it, as UTF-8. */
    private final ChunkBuffer current = new ChunkBuffer();
    private final TokenWriter tokens = TokenWriterText.create(current);
    private final RDFChangesWriterText text = new RDFChangesWriterText(tokens);
    private final List<byte[]> inMemory = new ArrayList<>();
    private long memoryUsed;
    private Path spill;
    private DataOutputStream spillOut;
    private int count;
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
        int before = current.size();
        text.add(g, s, p, o);
        endRow(before);
    }

    @Override
    public void delete(Node g, Node s, Node p, Node o) {
        int before = current.size();
        text.delete(g, s, p, o);
        endRow(before);
    }

    @Override
    public void addPrefix(Node gn, String prefix, String uriStr) {
        int before = current.size();
        text.addPrefix(gn, prefix, uriStr);
        endRow(before);
    }

    @Override
    public void deletePrefix(Node gn, String prefix) {
        int before = current.size();
        text.deletePrefix(gn, prefix);
        endRow(before);
    }

    /** Ends the row just written (from {@code before}); when it made the chunk too large, the chunk ends before it and the row begins the next. */
    private void endRow(int before) {
        tokens.flush();
        rows++;
        if (before > 0 && current.size() > limit) {
            byte[] row = current.cut(before);
            seal();
            current.writeBytes(row);
        }
    }

    /** A byte buffer whose last bytes can be cut off, to move a row that did not fit into the next chunk. */
    private static final class ChunkBuffer extends ByteArrayOutputStream {
        /** Removes the bytes from {@code from} on and returns them. */
        byte[] cut(int from) {
            byte[] tail = Arrays.copyOfRange(buf, from, count);
            count = from;
            return tail;
        }
    }

    private void seal() {
        byte[] chunk = current.toByteArray();
        current.reset();
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
