package org.ctkg.loader.tdb2;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.jena.atlas.lib.Bytes;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.NodeIdFactory;

/**
 * A job's quads as node ids, kept in memory in chunks of {@link #CHUNK} rows of four 64-bit keys
 * (graph, subject, predicate, object: TDB2's primary quad order), each key the id's eight bytes
 * as stored in an index record, so that comparing keys as unsigned longs orders rows the way the
 * B+trees do. A full chunk is sorted, once per index order, into a run ({@link RankedChunk}); the
 * runs of an index are then merged into its B+tree ({@link IndexPacking}). Written by one thread;
 * a chunk is read by others only once full.
 */
final class QuadRuns {
    /** Rows per chunk: 32 MiB of keys, sorted in a fraction of a second. */
    static final int CHUNK = 1 << 20;
    /**
     * Bytes a row costs held in memory: its keys (kept, for a writer that falls back to inserting)
     * and a number in each of six runs; the distinct keys beside the runs come on top, a few bytes
     * a row where graphs and predicates repeat.
     */
    static final int BYTES_PER_ROW = 6 * Long.BYTES + 4 * Long.BYTES;

    private final List<long[]> chunks = new ArrayList<>();
    private final byte[] scratch = new byte[NodeId.SIZE];
    private long[] filling;
    private int filled;
    private long rows;

    /** Adds a row; returns the chunk it completed, or null. */
    long[] add(NodeId g, NodeId s, NodeId p, NodeId o) {
        if (filling == null) {
            filling = new long[CHUNK * 4];
            filled = 0;
        }
        int at = filled * 4;
        filling[at] = key(g);
        filling[at + 1] = key(s);
        filling[at + 2] = key(p);
        filling[at + 3] = key(o);
        filled++;
        rows++;
        if (filled < CHUNK)
            return null;
        long[] full = filling;
        chunks.add(full);
        filling = null;
        return full;
    }

    /** Ends the last chunk, trimmed to its rows; returns it, or null when there is none. */
    long[] finish() {
        if (filling == null || filled == 0)
            return null;
        long[] last = Arrays.copyOf(filling, filled * 4);
        chunks.add(last);
        filling = null;
        return last;
    }

    long rows() {
        return rows;
    }

    /** Every chunk so far, full ones and (after {@link #finish}) the last. */
    List<long[]> chunks() {
        return chunks;
    }

    /** The chunk being filled and how many of its rows are written (for a writer that falls back to inserting). */
    long[] filling() {
        return filling;
    }

    int filled() {
        return filling == null ? 0 : filled;
    }

    /** Frees the memory once the rows have gone elsewhere. */
    void clear() {
        chunks.clear();
        filling = null;
        filled = 0;
    }

    private long key(NodeId id) {
        NodeIdFactory.set(id, scratch, 0);
        return Bytes.getLong(scratch, 0);
    }

    static NodeId id(long key) {
        byte[] b = new byte[NodeId.SIZE];
        Bytes.setLong(key, b, 0);
        return NodeIdFactory.get(b, 0);
    }
}
