package org.ctkg.loader.tdb2;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A full chunk of quads (four keys a row, TDB2's primary order, see {@link QuadRuns}) and, per
 * column, its distinct keys and each row's rank among them: worked out once by whichever index
 * thread needs them first, shared by the threads sorting the chunk into their indexes' orders,
 * and the ranks let go when every thread is done (the runs keep the distinct keys). Ranks turn a quad into one number that a primitive sort
 * orders, which is many times faster than sorting rows by comparing them.
 */
final class RankedChunk {
    private final long[] rows;
    private int unsorted;
    private Ranks ranks;

    RankedChunk(long[] rows, int threads) {
        this.rows = rows;
        this.unsorted = threads;
    }

    /** The chunk's quads in the order of an index whose slot i holds column {@code cols[i]}: one run, or more if a chunk is too varied to pack. */
    List<SortedRun> sortInto(int[] cols) {
        Ranks r = ranks();
        List<SortedRun> runs = new ArrayList<>();
        r.sort(cols, runs);
        return runs;
    }

    /** Called by each thread when it has its runs: the last one lets the ranks go. */
    synchronized void sorted() {
        if (--unsorted == 0)
            ranks = null;
    }

    private synchronized Ranks ranks() {
        if (ranks == null)
            ranks = new Ranks(rows, 0, rows.length / 4);
        return ranks;
    }

    /** Distinct keys and ranks of rows [from, to) of a chunk. */
    private static final class Ranks {
        private final long[] rows;
        private final int from, to;
        private final long[][] distinct = new long[4][];
        private final int[][] rank = new int[4][];
        private final int[] width = new int[4];

        Ranks(long[] rows, int from, int to) {
            this.rows = rows;
            this.from = from;
            this.to = to;
            int n = to - from;
            long[] values = new long[n];
            for (int c = 0; c < 4; c++) {
                for (int i = 0; i < n; i++)
                    values[i] = rows[(from + i) * 4 + c] ^ Long.MIN_VALUE;
                long[] d = values.clone();
                Arrays.sort(d);
                int m = 0;
                for (int i = 0; i < n; i++)
                    if (m == 0 || d[i] != d[m - 1])
                        d[m++] = d[i];
                distinct[c] = Arrays.copyOf(d, m);
                int[] rc = new int[n];
                for (int i = 0; i < n; i++)
                    rc[i] = Arrays.binarySearch(distinct[c], values[i]);
                rank[c] = rc;
                width[c] = m <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(m - 1);
            }
        }

        /** Adds the runs of these rows in the order {@code cols} to {@code runs}, halving the rows while their ranks need more than 63 bits. */
        void sort(int[] cols, List<SortedRun> runs) {
            int bits = width[0] + width[1] + width[2] + width[3];
            int n = to - from;
            if (bits > 63 && n > 1) {
                int mid = from + n / 2;
                new Ranks(rows, from, mid).sort(cols, runs);
                new Ranks(rows, mid, to).sort(cols, runs);
                return;
            }
            long[] packed = new long[n];
            for (int i = 0; i < n; i++) {
                long p = 0;
                for (int c : cols)
                    p = (p << width[c]) | rank[c][i];
                packed[i] = p;
            }
            Arrays.sort(packed);
            int m = 0;
            for (int i = 0; i < n; i++)
                if (m == 0 || packed[i] != packed[m - 1])
                    packed[m++] = packed[i];
            long[][] keys = new long[4][];
            int[] widths = new int[4];
            for (int slot = 0; slot < 4; slot++) {
                keys[slot] = distinct[cols[slot]];
                widths[slot] = width[cols[slot]];
            }
            runs.add(new SortedRun(Arrays.copyOf(packed, m), keys, widths));
        }
    }
}
