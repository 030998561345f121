package org.ctkg.loader.tdb2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * A chunk's runs list its distinct quads in the index's key order, comparing keys as unsigned
 * numbers (as the B+trees compare bytes): for a chunk whose ranks pack into one number, and for
 * one too varied to pack, which is halved until it does.
 */
class QuadRunsTest {
    @Test
    void runsHoldEachQuadOnceInKeyOrderForEveryIndexOrder() {
        for (boolean varied : new boolean[] {false, true}) {
            Random random = new Random(7);
            int n = 50_000;
            long[] rows = new long[n * 4];
            for (int i = 0; i < rows.length; i++)
                rows[i] = varied ? random.nextLong() : switch (i % 4) {
                    // few distinct values in some columns (ties), keys with the high bit set (inline values)
                    case 0 -> random.nextInt(3);
                    case 1 -> random.nextInt(2000) | (random.nextBoolean() ? Long.MIN_VALUE : 0);
                    case 2 -> random.nextInt(5);
                    default -> random.nextInt(30_000) * 1_000_003L;
                };
            for (int[] cols : new int[][] {{0, 1, 2, 3}, {0, 2, 3, 1}, {3, 1, 2, 0}, {1, 2, 3, 0}, {2, 3, 1, 0}, {0, 3, 1, 2}}) {
                Set<List<Long>> expected = new TreeSet<>(QuadRunsTest::unsigned);
                for (int i = 0; i < n; i++)
                    expected.add(List.of(rows[i * 4 + cols[0]], rows[i * 4 + cols[1]], rows[i * 4 + cols[2]], rows[i * 4 + cols[3]]));
                List<SortedRun> runs = new RankedChunk(rows, 1).sortInto(cols);
                assertEquals(varied, runs.size() > 1, "halved only when too varied");
                Set<List<Long>> found = new TreeSet<>(QuadRunsTest::unsigned);
                long[] quad = new long[4];
                for (SortedRun run : runs) {
                    List<Long> previous = null;
                    for (int i = 0; i < run.size(); i++) {
                        run.quad(i, quad);
                        List<Long> q = List.of(quad[0] ^ Long.MIN_VALUE, quad[1] ^ Long.MIN_VALUE, quad[2] ^ Long.MIN_VALUE, quad[3] ^ Long.MIN_VALUE);
                        assertTrue(previous == null || unsigned(previous, q) < 0, "in order, each once");
                        found.add(q);
                        previous = q;
                    }
                }
                assertEquals(expected, found);
            }
        }
    }

    private static int unsigned(List<Long> a, List<Long> b) {
        for (int i = 0; i < 4; i++) {
            int c = Long.compareUnsigned(a.get(i), b.get(i));
            if (c != 0)
                return c;
        }
        return 0;
    }
}
