package org.ctkg.server.views;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.ctkg.ontology.Ids;
import org.ctkg.server.ld.Link;
import org.ctkg.server.ld.LinkedData;
import org.ctkg.server.views.CountryFacts.Facts;
import org.ctkg.server.views.CountryFacts.Kind;
import org.ctkg.server.views.CountryFacts.Mention;

/**
 * What a country's page shows besides its statements ({@code dossier.jte}), each fact with its
 * source: its TIP tier timeline as a picture and as a table, the goods DOL lists as made there with
 * child or forced labour and the forms of exploitation found, its Palermo Protocol status, the
 * claims, recommendations and crimes of the curated graph that mention it, and the published case
 * counts with it as country of exploitation (suppressed cells shown as suppressed, never as 0).
 */
public record Dossier(String country, Timeline timeline, List<Placement> placements, List<Good> goods, List<Status> palermo,
                      List<Curated> curated, Cases cases) {
    /** The instrument whose status a dossier shows. */
    static final Node PALERMO_PROTOCOL = Ids.id("instrument", "palermo-protocol");

    /** A row of the tier table: the year (linking to the placement), the tier, the report and the source with its row. */
    public record Placement(Link year, Tier tier, Link report, Link source, String row) {}

    /** A good DOL lists (linking to the finding), the forms of exploitation found, the source with its row. */
    public record Good(Link good, List<Link> forms, Link source, String row) {}

    /** A treaty status record: party or not, as of when, per which source and row. */
    public record Status(Link record, Boolean party, String year, Link source, String row) {}

    /** A claim, recommendation or crime, the actors or claims that link it to the country ({@code via}: none when it names the country itself), and its source graph. */
    public record Mentioned(Link item, List<Link> via, Link source) {}

    /** Claims, recommendations or crimes of the curated graph, under their heading. */
    public record Curated(String heading, List<Mentioned> items) {}

    /** A published case count: what it counts (a year, a form; the country for its total), and the figure or its suppression, linked to its observation. */
    public record Figure(Link of, Link figure, boolean suppressed) {}

    /** The published case counts of the country: its total, by year of registration and by form of exploitation, each with its dataset; null parts when the cube has none. */
    public record Cases(Figure total, List<Figure> byYear, Link byYearData, List<Figure> byForm, Link byFormData) {}

    /** The legend of the timeline: the tiers and their colours. */
    public static List<LegendEntry> legend() {
        return LegendEntry.tiers();
    }

    /** True when the curated graph mentions the country nowhere. */
    public boolean mentionedNowhere() {
        return curated.stream().allMatch(c -> c.items().isEmpty());
    }

    /** The dossier of the country, or null when the store has no such country. */
    public static Dossier of(Facts facts, Node country, LinkedData.Iris iris) {
        if (!facts.isCountry(country))
            return null;
        Links links = new Links(facts, iris);
        List<CountryFacts.Placement> placements = facts.placements().getOrDefault(country, List.of());
        Timeline timeline = Timeline.of(placements, facts.years(), p -> iris.localHref(p.iri().getURI()));
        List<Placement> rows = placements.stream().map(p -> new Placement(Link.of(Integer.toString(p.year()), iris.localHref(p.iri().getURI())),
                p.tier(), links.of(p.report()), links.of(p.source()), p.row())).toList();
        List<Good> goods = facts.findings().getOrDefault(country, List.of()).stream()
                .map(f -> new Good(Link.of(links.label(f.good()), iris.localHref(f.iri().getURI())), f.forms().stream().map(links::of).sorted(Comparator.comparing(Link::text)).toList(),
                        links.of(f.source()), f.row()))
                .sorted(Comparator.comparing(g -> g.good().text())).toList();
        List<Status> palermo = facts.statuses().getOrDefault(country, List.of()).stream().filter(s -> PALERMO_PROTOCOL.equals(s.instrument()))
                .map(s -> new Status(links.of(s.iri()), s.party(), s.year(), links.of(s.source()), s.row())).toList();
        List<Mention> mentions = facts.mentions().getOrDefault(country, List.of());
        return new Dossier(links.label(country), timeline, rows, goods, palermo, List.of(new Curated("Claims", mentioned(mentions, Kind.CLAIM, links)),
                new Curated("Recommendations", mentioned(mentions, Kind.RECOMMENDATION, links)), new Curated("Crimes", mentioned(mentions, Kind.CRIME, links))),
                cases(facts.caseCounts().getOrDefault(country, List.of()), links));
    }

    /** The country's published case counts, or null when the cube has none for it. */
    private static Cases cases(List<CountryFacts.CaseCount> counts, Links links) {
        if (counts.isEmpty())
            return null;
        Figure total = null;
        List<Figure> byYear = new ArrayList<>(), byForm = new ArrayList<>();
        Link yearData = null, formData = null;
        for (CountryFacts.CaseCount c : counts) {
            if (c.year() != null) {
                byYear.add(figure(Link.text(Integer.toString(c.year())), c, links));
                yearData = links.of(c.dataSet());
            } else if (c.form() != null) {
                byForm.add(figure(links.of(c.form()), c, links));
                formData = links.of(c.dataSet());
            } else {
                total = figure(links.of(c.dataSet()), c, links);
            }
        }
        byForm.sort(Comparator.comparing(f -> f.of().text()));
        return new Cases(total, byYear, yearData, byForm, formData);
    }

    private static Figure figure(Link of, CountryFacts.CaseCount c, Links links) {
        String text = c.count() != null ? Long.toString(c.count()) : c.status().isEmpty() ? "not published" : c.status();
        return new Figure(of, Link.of(text, links.iris().localHref(c.observation().getURI())), c.count() == null);
    }

    /** One entry per item and source graph, with every link it has to the country. */
    private static List<Mentioned> mentioned(List<Mention> mentions, Kind kind, Links links) {
        Map<List<Node>, List<Link>> via = new LinkedHashMap<>();
        for (Mention m : mentions)
            if (m.kind() == kind) {
                List<Link> through = via.computeIfAbsent(List.of(m.item(), m.graph()), k -> new ArrayList<>());
                if (m.via() != null && !through.contains(links.of(m.via())))
                    through.add(links.of(m.via()));
            }
        List<Mentioned> out = new ArrayList<>();
        via.forEach((key, through) -> out.add(new Mentioned(links.of(key.get(0)), through, links.of(key.get(1)))));
        return out;
    }

    /** How a dossier names and links the nodes of the facts. */
    record Links(Facts facts, LinkedData.Iris iris) {
        String label(Node n) {
            String l = facts.label(n);
            return l != null ? l : n.getURI();
        }

        /** A link to the node's page, null for no node. */
        Link of(Node n) {
            return n == null || !n.isURI() ? null : Link.of(label(n), iris.localHref(n.getURI()));
        }
    }
}
