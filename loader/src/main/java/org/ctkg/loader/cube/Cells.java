package org.ctkg.loader.cube;

import java.util.List;

/**
 * The cells of every published table, counted in one pass over the records, and which of them are
 * suppressed. A cell is a table and one value per dimension of it, packed in a long: the table's
 * mask in the top bits, then each value id in {@value RecordValues#VALUE_BITS} bits, in the order
 * of the table's dimensions. Only cells with at least one record exist; any other cell is zero.
 * Primary suppression: a cell under the threshold is suppressed; {@link SecondarySuppression}
 * adds more.
 */
final class Cells {
    private static final int MASK_SHIFT = 54;
    private static final long VALUE = (1L << RecordValues.VALUE_BITS) - 1;

    final long[] keys;
    final int[] counts;
    final boolean[] suppressed;
    private final LongIntMap index;

    private Cells(LongIntMap counted, int minCell) {
        int n = counted.size();
        keys = new long[n];
        counts = new int[n];
        suppressed = new boolean[n];
        index = new LongIntMap(n);
        int[] next = {0};
        counted.forEach((key, count) -> {
            int i = next[0]++;
            keys[i] = key;
            counts[i] = count;
            suppressed[i] = count < minCell;
            index.getOrPut(key, i);
        });
    }

    /** Counts the records in every table's cells, then suppresses those under {@code minCell}. */
    static Cells count(RecordValues records, List<Table> tables, int minCell) {
        LongIntMap counted = new LongIntMap(1 << 16);
        int[][] dims = new int[tables.size()][];
        for (int t = 0; t < dims.length; t++)
            dims[t] = java.util.Arrays.stream(tables.get(t).dimensions()).mapToInt(Dimension::ordinal).toArray();
        int[][][] v = records.byRecord;
        for (int r = 0; r < records.records; r++)
            for (int t = 0; t < dims.length; t++) {
                int[] d = dims[t];
                long table = (long) tables.get(t).mask() << MASK_SHIFT;
                switch (d.length) {
                    case 0 -> counted.increment(table);
                    case 1 -> {
                        for (int a : v[d[0]][r])
                            counted.increment(table | a);
                    }
                    case 2 -> {
                        for (int a : v[d[0]][r])
                            for (int b : v[d[1]][r])
                                counted.increment(table | a | (long) b << RecordValues.VALUE_BITS);
                    }
                    default -> {
                        for (int a : v[d[0]][r])
                            for (int b : v[d[1]][r])
                                for (int c : v[d[2]][r])
                                    counted.increment(table | a | (long) b << RecordValues.VALUE_BITS | (long) c << 2 * RecordValues.VALUE_BITS);
                    }
                }
            }
        return new Cells(counted, minCell);
    }

    int size() {
        return keys.length;
    }

    /** The cell's index, or -1 when the cell is zero. */
    int indexOf(long key) {
        return index.get(key, -1);
    }

    static int mask(long key) {
        return (int) (key >>> MASK_SHIFT);
    }

    /** The id of the cell's {@code i}-th value (in its table's dimension order). */
    static int value(long key, int i) {
        return (int) (key >>> (i * RecordValues.VALUE_BITS) & VALUE);
    }

    /** The key of the cell of the table without {@code d} (a dimension of the cell's table) that sums the cell's line along {@code d}. */
    static long margin(long key, Dimension d) {
        int mask = mask(key);
        int position = Integer.bitCount(mask & (d.bit() - 1));
        long low = key & ((1L << position * RecordValues.VALUE_BITS) - 1);
        long high = (key & ((1L << MASK_SHIFT) - 1)) >>> (position + 1) * RecordValues.VALUE_BITS;
        return (long) (mask & ~d.bit()) << MASK_SHIFT | high << position * RecordValues.VALUE_BITS | low;
    }
}
