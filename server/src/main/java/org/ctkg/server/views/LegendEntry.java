package org.ctkg.server.views;

import java.util.List;

/** A colour of a picture and what it stands for, as its legend shows it ({@code legend.jte}). */
public record LegendEntry(String colour, String label) {
    /** The tiers, best first. */
    static List<LegendEntry> tiers() {
        return java.util.Arrays.stream(Tier.values()).map(t -> new LegendEntry(t.colour(), t.label())).toList();
    }
}
