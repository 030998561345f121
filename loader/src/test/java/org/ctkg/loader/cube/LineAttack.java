package org.ctkg.loader.cube;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.ctkg.loader.cube.PublishedCube.Cell;

/**
 * An attacker who has every published table and solves, again and again, each line equation with
 * one unknown: a line (a table's cells with all dimensions fixed but one) sums to its margin (the
 * cell of the table without that dimension); absent cells are zeros; a solved cell is known from
 * then on. Written apart from the product's suppression, from the published cube only.
 */
final class LineAttack {
    /** A cell: its table's dimensions and its values. */
    record Key(List<String> dims, List<Node> values) {}

    private LineAttack() {}

    /** The suppressed cells the attacker works out, with the values found. */
    static Map<Key, Integer> recovered(Map<List<String>, Map<List<Node>, Cell>> cube) {
        Map<Key, Integer> known = new HashMap<>();
        Set<Key> unknown = new HashSet<>();
        cube.forEach((dims, cells) -> cells.forEach((values, cell) -> {
            Key k = new Key(dims, values);
            if (cell.count() != null)
                known.put(k, cell.count());
            else
                unknown.add(k);
        }));
        // Every line: the margin and the members (cells present in the table with the same other values).
        List<List<Key>> lines = new ArrayList<>();
        cube.forEach((dims, cells) -> {
            for (int free = 0; free < dims.size(); free++) {
                List<String> marginDims = new ArrayList<>(dims);
                marginDims.remove(free);
                Map<List<Node>, List<Key>> byMargin = new HashMap<>();
                for (List<Node> values : cells.keySet()) {
                    List<Node> m = new ArrayList<>(values);
                    m.remove(free);
                    byMargin.computeIfAbsent(m, x -> new ArrayList<>(List.of(new Key(marginDims, m)))).add(new Key(dims, values));
                }
                lines.addAll(byMargin.values());
            }
        });
        Map<Key, Integer> found = new HashMap<>();
        for (boolean progress = true; progress; ) {
            progress = false;
            for (List<Key> line : lines) {
                Key margin = line.get(0);
                Key open = null;
                int openCount = 0;
                for (Key k : line)
                    if (!known.containsKey(k)) {
                        open = k;
                        openCount++;
                    }
                if (openCount != 1)
                    continue;
                if (!unknown.contains(open) && !open.equals(margin))
                    throw new AssertionError("not published at all: " + open);
                int sum = 0;
                for (Key k : line.subList(1, line.size()))
                    if (!k.equals(open))
                        sum += known.get(k);
                int value = open.equals(margin) ? sum : known.getOrDefault(margin, 0) - sum;
                known.put(open, value);
                found.put(open, value);
                progress = true;
            }
        }
        return found;
    }
}
