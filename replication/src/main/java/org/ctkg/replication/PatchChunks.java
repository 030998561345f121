package org.ctkg.replication;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
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
 * so that every chunk fits in a Kafka record under every default size limit.
 */
final class PatchChunks extends RDFChangesBase {
    /** 512 KiB: under the producer's max.request.size, the broker's message.max.bytes and the consumer's fetch size. */
    static final int DEFAULT_LIMIT = 512 * 1024;

    private final int limit;
    private final StringWriter row = new StringWriter();
    private final TokenWriter tokens = TokenWriterText.create(row);
    private final RDFChangesWriterText text = new RDFChangesWriterText(tokens);
    private final List<byte[]> chunks = new ArrayList<>();
    private ByteArrayOutputStream current = new ByteArrayOutputStream();
    private long rows;

    PatchChunks(int limit) {
        this.limit = limit;
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
        chunks.add(current.toByteArray());
        current = new ByteArrayOutputStream();
    }

    /** True when the transaction changed nothing. */
    boolean isEmpty() {
        return rows == 0;
    }

    long rows() {
        return rows;
    }

    /** The chunks in order; the last one may be smaller. */
    List<byte[]> chunks() {
        if (current.size() > 0)
            seal();
        return chunks;
    }
}
