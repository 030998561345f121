package org.ctkg.server.views;

import org.apache.jena.graph.Node;
import org.ctkg.ontology.Ids;

/**
 * The four TIP tiers of ctkg's scheme ({@code id/scheme/tip-tiers}), best first, each with the colour
 * the pictures give it: ColorBrewer's diverging "RdYlBu" palette, 4 classes (Cynthia Brewer,
 * colorbrewer2.org; marked colour-blind safe there), blue for Tier 1 through red for Tier 3.
 */
public enum Tier {
    TIER_1("tier-1", "Tier 1", "#2c7bb6"),
    TIER_2("tier-2", "Tier 2", "#abd9e9"),
    WATCH_LIST("tier-2-watch-list", "Tier 2 Watch List", "#fdae61"),
    TIER_3("tier-3", "Tier 3", "#d7191c");

    /** The colour of a country or year without a placement: a grey none of the tiers comes near. */
    public static final String NO_PLACEMENT = "#e0e0e0";

    private final Node iri;
    private final String label;
    private final String colour;

    Tier(String slug, String label, String colour) {
        this.iri = Ids.id("tip-tier", slug);
        this.label = label;
        this.colour = colour;
    }

    public Node iri() {
        return iri;
    }

    /** The tier's name as the TIP Report writes it ({@code skos:prefLabel} in ctkg's vocabulary). */
    public String label() {
        return label;
    }

    public String colour() {
        return colour;
    }

    /** The tier with this IRI, or null when the IRI names none of the four. */
    static Tier of(Node iri) {
        for (Tier t : values())
            if (t.iri.equals(iri))
                return t;
        return null;
    }
}
