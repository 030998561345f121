package org.ctkg.loader.cube;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One published table: the counts of case records by a combination of at most
 * {@value #MOST_DIMENSIONS} {@link Dimension}s (none: the grand total), as a bit mask of them.
 */
record Table(int mask) {
    /** The reporting length: the most dimensions one table combines. */
    static final int MOST_DIMENSIONS = 3;

    /** Every table: each combination of up to three of the six dimensions, and the total (42). */
    static List<Table> all() {
        List<Table> tables = new ArrayList<>();
        for (int mask = 0; mask < 1 << Dimension.values().length; mask++)
            if (Integer.bitCount(mask) <= MOST_DIMENSIONS)
                tables.add(new Table(mask));
        return tables;
    }

    /** Its dimensions, in the enum's order (the order of the values in a cell's key). */
    Dimension[] dimensions() {
        List<Dimension> dims = new ArrayList<>();
        for (Dimension d : Dimension.values())
            if ((mask & d.bit()) != 0)
                dims.add(d);
        return dims.toArray(Dimension[]::new);
    }

    /** Its part of IRIs: its dimensions' slugs joined by '-', or {@code total}. */
    String slug() {
        return mask == 0 ? "total" : List.of(dimensions()).stream().map(d -> d.slug).collect(Collectors.joining("-"));
    }

    /** Its title. */
    String title() {
        return mask == 0 ? "Case records in restricted graphs: the total"
                : "Case records in restricted graphs by " + List.of(dimensions()).stream().map(d -> d.label).collect(Collectors.joining(", "));
    }
}
