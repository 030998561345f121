package org.ctkg.loader.tdb2;

/**
 * One chunk's quads in one index's key order, each quad once, packed: a quad is one number, the
 * ranks of its four keys among the chunk's distinct keys of their column, in the index's slot
 * order ({@link RankedChunk}); the distinct keys are kept beside it to turn ranks back into keys.
 * Keys are held with their sign bit flipped, so that signed order is the B+trees' unsigned order.
 */
final class SortedRun {
    private final long[] packed;
    private final long[][] keys;
    private final int[] widths;

    /**
     * @param packed sorted, each number once
     * @param keys   per slot of the index, the distinct keys (flipped) that ranks index
     * @param widths per slot, the bits its rank takes in a packed number
     */
    SortedRun(long[] packed, long[][] keys, int[] widths) {
        this.packed = packed;
        this.keys = keys;
        this.widths = widths;
    }

    int size() {
        return packed.length;
    }

    /** Writes quad i's keys (flipped) in slot order into {@code into}. */
    void quad(int i, long[] into) {
        long p = packed[i];
        for (int slot = widths.length - 1; slot >= 0; slot--) {
            int w = widths[slot];
            into[slot] = keys[slot][(int) (p & ((1L << w) - 1))];
            p >>>= w;
        }
    }
}
