package org.ctkg.loader.cube;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Complementary suppression: after the cells under the threshold are suppressed, no suppressed
 * cell may be worked out from published ones. Every table's lines (all its dimensions fixed but
 * one) sum to a cell of the table without that dimension, the line's margin, which is itself
 * published or suppressed; so a line whose members (its cells and its margin; absent cells are
 * known zeros) hold exactly one suppressed cell gives that cell away by subtraction. Such a line
 * gets one more cell suppressed: the smallest published one, preferring a cell that another line
 * with one unknown needs too, so that one suppression closes several. Lines cross tables (a margin
 * is a cell of another table, and a member of that table's own lines), so this runs to a fixpoint
 * over every line of every table.
 * <p>
 * A line over forms of exploitation (a record may have several) sums to at least its margin, not
 * exactly; it is treated as an equation all the same, which can only suppress more.
 */
final class SecondarySuppression {
    private final Cells cells;
    /** Per line, its members (cells and margin), as index ranges into {@link #members}. */
    private int[] lineStart;
    private int[] members;
    /** Per cell, the lines it is a member of. */
    private int[] cellStart;
    private int[] lines;
    private int[] unknowns;

    private SecondarySuppression(Cells cells) {
        this.cells = cells;
    }

    /** Suppresses cells until no line has exactly one suppressed member; returns how many it suppressed. */
    static int apply(Cells cells) {
        SecondarySuppression s = new SecondarySuppression(cells);
        s.buildLines();
        return s.toFixpoint();
    }

    private void buildLines() {
        int n = cells.size();
        LongIntMap lineIds = new LongIntMap(n * 2);
        int[] pairCell = new int[n * 4];
        int[] pairLine = new int[n * 4];
        int pairs = 0;
        for (int c = 0; c < n; c++) {
            long key = cells.keys[c];
            for (Dimension d : new Table(Cells.mask(key)).dimensions()) {
                long margin = Cells.margin(key, d);
                int before = lineIds.size();
                int line = lineIds.getOrPut(margin * 8 + d.ordinal(), before);
                if (pairs + 2 > pairCell.length) {
                    pairCell = Arrays.copyOf(pairCell, pairCell.length * 2);
                    pairLine = Arrays.copyOf(pairLine, pairLine.length * 2);
                }
                pairCell[pairs] = c;
                pairLine[pairs++] = line;
                if (line == before) {
                    int marginCell = cells.indexOf(margin);
                    if (marginCell < 0)
                        throw new IllegalStateException("a line's margin has no records though its cells have some: " + Long.toHexString(key));
                    pairCell[pairs] = marginCell;
                    pairLine[pairs++] = line;
                }
            }
        }
        int lineCount = lineIds.size();
        lineStart = new int[lineCount + 1];
        cellStart = new int[n + 1];
        for (int i = 0; i < pairs; i++) {
            lineStart[pairLine[i] + 1]++;
            cellStart[pairCell[i] + 1]++;
        }
        for (int i = 0; i < lineCount; i++)
            lineStart[i + 1] += lineStart[i];
        for (int i = 0; i < n; i++)
            cellStart[i + 1] += cellStart[i];
        members = new int[pairs];
        lines = new int[pairs];
        int[] lineFill = Arrays.copyOf(lineStart, lineCount);
        int[] cellFill = Arrays.copyOf(cellStart, n);
        for (int i = 0; i < pairs; i++) {
            members[lineFill[pairLine[i]]++] = pairCell[i];
            lines[cellFill[pairCell[i]]++] = pairLine[i];
        }
        unknowns = new int[lineCount];
        for (int l = 0; l < lineCount; l++)
            for (int i = lineStart[l]; i < lineStart[l + 1]; i++)
                if (cells.suppressed[members[i]])
                    unknowns[l]++;
    }

    private int toFixpoint() {
        ArrayDeque<Integer> work = new ArrayDeque<>();
        for (int l = 0; l < unknowns.length; l++)
            if (unknowns[l] == 1)
                work.add(l);
        int added = 0;
        while (!work.isEmpty()) {
            int l = work.poll();
            if (unknowns[l] != 1)
                continue;
            int pick = complement(l);
            cells.suppressed[pick] = true;
            added++;
            for (int i = cellStart[pick]; i < cellStart[pick + 1]; i++)
                if (++unknowns[lines[i]] == 1)
                    work.add(lines[i]);
        }
        return added;
    }

    /**
     * The published member of the line to suppress: a cell of the line's own table rather than its
     * margin (totals are the figures most worth keeping), needed by most lines with one unknown,
     * then the smallest, then the first.
     */
    private int complement(int line) {
        int best = -1, bestNeed = -1;
        int ownTable = 0;
        for (int i = lineStart[line]; i < lineStart[line + 1]; i++)
            ownTable = Math.max(ownTable, dimensions(members[i]));
        boolean memberLeft = false;
        for (int i = lineStart[line]; i < lineStart[line + 1]; i++)
            memberLeft |= !cells.suppressed[members[i]] && dimensions(members[i]) == ownTable;
        for (int i = lineStart[line]; i < lineStart[line + 1]; i++) {
            int c = members[i];
            if (cells.suppressed[c] || memberLeft && dimensions(c) != ownTable)
                continue;
            int need = 0;
            for (int j = cellStart[c]; j < cellStart[c + 1]; j++)
                if (unknowns[lines[j]] == 1)
                    need++;
            if (best < 0 || need > bestNeed || need == bestNeed && cells.counts[c] < cells.counts[best]) {
                best = c;
                bestNeed = need;
            }
        }
        if (best < 0)
            throw new IllegalStateException("a line with one suppressed cell has no published one");
        return best;
    }

    private int dimensions(int cell) {
        return Integer.bitCount(Cells.mask(cells.keys[cell]));
    }
}
