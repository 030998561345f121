package org.ctkg.server.views;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Node;
import org.ctkg.ontology.Ids;
import org.ctkg.server.ld.Link;
import org.ctkg.server.ld.LinkedData;
import org.ctkg.server.views.CountryFacts.Facts;
import org.ctkg.server.views.CountryFacts.Status;

/**
 * The world map of an instrument's treaty status records for one year ({@code statusmap.jte}, and
 * on the instrument's own page): each country a party in one colour, not a party in another, a
 * record without a status in a third, grey without a record; a {@code <title>} such as
 * {@code Mexico: a party (2014)}, linking to the country's page; a legend with counts, the sources
 * of the records, and the records as a table. Drawn from the records as they are: a map says what
 * its sources recorded in its year, not the instrument's status today.
 *
 * @param iri        the instrument's IRI
 * @param instrument the instrument, linked to its page
 * @param years      a link to each year that has records (null {@code href}: this one)
 * @param sources    the documents the year's records are stated in
 */
public record StatusMap(String iri, Link instrument, int year, List<Link> years, int width, int height, List<TierMap.Area> areas, List<LegendEntry> legend,
                        List<Row> rows, List<Link> sources, List<Link> unmapped) {
    /** Where the map is served. */
    public static final String PATH = "/map/treaty-status";
    /** ColorBrewer RdYlBu ends, as the tier map's: safe for the common colour-vision deficiencies. */
    static final String PARTY = "#4575b4", NOT_PARTY = "#d73027", NOT_RECORDED = "#fee090";

    /** A row of the table: the country (its page), its status, and the record. */
    public record Row(Link country, String status, Link record) {}

    /** The link to the map of the instrument's records of that year. */
    public static String href(String instrument, int year) {
        return PATH + "?instrument=" + URLEncoder.encode(instrument, StandardCharsets.UTF_8) + "&year=" + year;
    }

    /** The years in which the store has status records of the instrument, in order; empty for none. */
    static List<Integer> years(Facts facts, Node instrument) {
        Set<Integer> years = new TreeSet<>();
        for (Status s : records(facts, instrument))
            if (year(s) != null)
                years.add(year(s));
        return List.copyOf(years);
    }

    /** The map of the instrument's latest year of records, for its page; null for a node without records. */
    public static StatusMap latest(Facts facts, Node instrument, LinkedData.Iris iris) {
        if (!instrument.isURI())
            return null;
        List<Integer> years = years(facts, instrument);
        return years.isEmpty() ? null : of(facts, instrument, years.get(years.size() - 1), iris);
    }

    /** The map of the instrument's records of the year; null when the store has none. */
    static StatusMap of(Facts facts, Node instrument, int year, LinkedData.Iris iris) {
        List<Integer> all = years(facts, instrument);
        if (!all.contains(year))
            return null;
        Dossier.Links links = new Dossier.Links(facts, iris);
        Map<Node, Status> recorded = new HashMap<>();
        Set<Link> sources = new LinkedHashSet<>();
        for (Status s : records(facts, instrument))
            if (Integer.valueOf(year).equals(year(s))) {
                recorded.putIfAbsent(s.country(), s);
                if (s.source() != null)
                    sources.add(links.of(s.source()));
            }
        Map<String, Node> byKey = new HashMap<>();
        facts.isoNumeric().forEach((country, numeric) -> byKey.put(numeric.isEmpty() ? country.getURI().substring(Ids.BASE.length()) : numeric, country));
        List<TierMap.Area> areas = new ArrayList<>();
        Set<Node> drawn = new HashSet<>();
        int[] counts = new int[3];
        for (WorldGeometry.Shape shape : WorldGeometry.WORLD.shapes()) {
            Node country = byKey.get(shape.key());
            Status s = country == null ? null : recorded.get(country);
            if (shape.dot() && s == null)
                continue; // as on the tier map: only small countries with a record are drawn
            String name = country == null ? shape.name() : links.label(country);
            areas.add(new TierMap.Area(shape, fill(s), name + ": " + status(s) + " (" + year + ")", country == null ? null : iris.localHref(country.getURI())));
            if (country != null)
                drawn.add(country);
        }
        recorded.values().forEach(s -> counts[s.party() == null ? 2 : s.party() ? 0 : 1]++);
        List<LegendEntry> legend = List.of(new LegendEntry(PARTY, "A party (" + counts[0] + ")"), new LegendEntry(NOT_PARTY, "Not a party (" + counts[1] + ")"),
                new LegendEntry(NOT_RECORDED, "Status not recorded (" + counts[2] + ")"), new LegendEntry(Tier.NO_PLACEMENT, "No record"));
        List<Row> rows = recorded.values().stream().map(s -> new Row(links.of(s.country()), status(s), links.of(s.iri())))
                .sorted(Comparator.comparing((Row r) -> r.status()).thenComparing(r -> r.country().text())).toList();
        List<Link> unmapped = recorded.keySet().stream().filter(c -> !drawn.contains(c)).map(links::of).sorted(Comparator.comparing(Link::text)).toList();
        return new StatusMap(instrument.getURI(), links.of(instrument), year, all.stream().map(y -> Link.of(Integer.toString(y), y == year ? null : href(instrument.getURI(), y))).toList(),
                WorldGeometry.WORLD.width(), WorldGeometry.WORLD.height(), areas, legend, rows, List.copyOf(sources), unmapped);
    }

    /** The link to this map on its own page. */
    public String href() {
        return href(iri, year);
    }

    private static List<Status> records(Facts facts, Node instrument) {
        List<Status> out = new ArrayList<>();
        facts.statuses().values().forEach(list -> list.stream().filter(s -> instrument.equals(s.instrument())).forEach(out::add));
        return out;
    }

    private static Integer year(Status s) {
        return s.year() != null && s.year().matches("[0-9]{4}") ? Integer.valueOf(s.year()) : null;
    }

    private static String fill(Status s) {
        return s == null ? Tier.NO_PLACEMENT : s.party() == null ? NOT_RECORDED : s.party() ? PARTY : NOT_PARTY;
    }

    private static String status(Status s) {
        return s == null ? "no record" : s.party() == null ? "status not recorded" : s.party() ? "a party" : "not a party";
    }
}
