package org.ctkg.server.views;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.ctkg.ontology.Ids;
import org.ctkg.server.ld.Link;
import org.ctkg.server.ld.LinkedData;
import org.ctkg.server.views.CountryFacts.Facts;
import org.ctkg.server.views.CountryFacts.Placement;

/**
 * The world map of one year's TIP tier placements ({@code tiermap.jte}), drawn on the server as SVG:
 * each country in its tier's colour (grey without a placement; a small country drawn as a dot only
 * when placed), with a {@code <title>} such as
 * {@code Mexico: Tier 2 (2012)}, linking to its dossier; a legend with the count of each tier; links
 * to the other years; and the placements as a table.
 *
 * @param unmapped placements of countries the geometry has no shape for (none, with Natural Earth's)
 */
public record TierMap(int year, List<Link> years, Link previous, Link next, int width, int height, List<Area> areas, List<LegendEntry> legend,
                      List<Row> rows, List<Link> unmapped) {
    /** Where the map is served. */
    public static final String PATH = "/map/tip-tiers";

    /** A country drawn: its shape, colour, title and dossier ({@code href} null: no ctkg country). */
    public record Area(WorldGeometry.Shape shape, String fill, String title, String href) {}

    /** A row of the table: the country (its dossier) and its tier (the placement). */
    public record Row(Link country, Tier tier, Link placement) {}

    /** The link to a year's map. */
    public static String href(int year) {
        return PATH + "?year=" + year;
    }

    /** The map of the year; call only with one of {@code facts.years()}. */
    static TierMap of(Facts facts, int year, LinkedData.Iris iris) {
        Dossier.Links links = new Dossier.Links(facts, iris);
        Map<String, Node> byKey = new HashMap<>();
        facts.isoNumeric().forEach((country, numeric) -> byKey.put(numeric.isEmpty() ? country.getURI().substring(Ids.BASE.length()) : numeric, country));
        Map<Node, Placement> placed = new HashMap<>();
        facts.byYear().getOrDefault(year, List.of()).forEach(p -> placed.put(p.country(), p));

        List<Area> areas = new ArrayList<>();
        Map<Node, Boolean> drawn = new HashMap<>();
        for (WorldGeometry.Shape shape : WorldGeometry.WORLD.shapes()) {
            Node country = byKey.get(shape.key());
            Placement p = country == null ? null : placed.get(country);
            if (shape.dot() && p == null)
                continue; // a small country is drawn only when it has a tier that year: grey dots would crowd the seas
            String name = country == null ? shape.name() : links.label(country);
            String title = name + ": " + (p == null ? "no placement" : p.tier().label()) + " (" + year + ")";
            areas.add(new Area(shape, p == null ? Tier.NO_PLACEMENT : p.tier().colour(), title, country == null ? null : iris.localHref(country.getURI())));
            if (country != null)
                drawn.put(country, true);
        }
        Map<Tier, Integer> counts = new EnumMap<>(Tier.class);
        placed.values().forEach(p -> counts.merge(p.tier(), 1, Integer::sum));
        List<LegendEntry> legend = new ArrayList<>();
        for (Tier t : Tier.values())
            legend.add(new LegendEntry(t.colour(), t.label() + " (" + counts.getOrDefault(t, 0) + ")"));
        legend.add(new LegendEntry(Tier.NO_PLACEMENT, "No placement"));
        List<Row> rows = placed.values().stream()
                .map(p -> new Row(links.of(p.country()), p.tier(), Link.of(p.tier().label(), iris.localHref(p.iri().getURI()))))
                .sorted(Comparator.comparing((Row r) -> r.tier().ordinal()).thenComparing(r -> r.country().text())).toList();
        List<Link> unmapped = placed.keySet().stream().filter(c -> !drawn.containsKey(c)).map(links::of).sorted(Comparator.comparing(Link::text)).toList();
        List<Integer> all = facts.years();
        int i = all.indexOf(year);
        return new TierMap(year, all.stream().map(y -> Link.of(Integer.toString(y), y == year ? null : href(y))).toList(),
                i > 0 ? Link.of("← " + all.get(i - 1), href(all.get(i - 1))) : null,
                i < all.size() - 1 ? Link.of(all.get(i + 1) + " →", href(all.get(i + 1))) : null,
                WorldGeometry.WORLD.width(), WorldGeometry.WORLD.height(), areas, legend, rows, unmapped);
    }
}
