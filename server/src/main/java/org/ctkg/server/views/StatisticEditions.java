package org.ctkg.server.views;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.ctkg.server.ld.Link;
import org.ctkg.server.ld.LinkedData;
import org.ctkg.server.views.StatisticFacts.Facts;
import org.ctkg.server.views.StatisticFacts.Statistic;
import org.ctkg.server.web.ReadableNumbers;

/**
 * What a statistic's page shows of the other editions of its figure ({@code editions.jte}): the
 * editions as a bar chart and as a table, each with its value, the year or date it describes and the
 * documents that state it, the page's own marked. Which statistics are editions of one figure is
 * ctkg's reading, not a source's ({@link Statistic#editionOf}), and the page says so.
 *
 * @param quantity what the figure measures; {@code unit} its unit
 * @param about    what it is about; {@code scope} the places it covers (empty: none stated)
 * @param shown    how many editions the chart and the table show, at most {@value #MAX_EDITIONS}
 * @param editions how many there are
 */
public record StatisticEditions(Link quantity, Link unit, List<Link> about, List<Link> scope, EditionChart chart, List<LegendEntry> legend,
                                List<Row> rows, int shown, int editions) {
    /** The most editions drawn. */
    static final int MAX_EDITIONS = 40;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
    /** By the year or date described, then by IRI. */
    private static final Comparator<Statistic> IN_TIME = Comparator.comparing(Statistic::time).thenComparing(s -> s.iri().getURI());
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.ENGLISH);

    /** A row of the table: when (linking to the statistic), its value in its unit, the documents that state it, whether it is the page's own. */
    public record Row(Link when, String value, List<Link> sources, boolean current) {}

    /** The editions of the statistic's figure, or null when it is no statistic or its figure has no other edition. */
    public static StatisticEditions of(Facts facts, Node statistic, LinkedData.Iris iris) {
        Statistic self = facts.statistics().get(statistic);
        if (self == null || !self.placeable())
            return null;
        List<Statistic> all = facts.statistics().values().stream().filter(s -> s == self || self.editionOf(s)).sorted(IN_TIME).toList();
        if (all.size() < 2)
            return null;
        List<Statistic> drawn = all;
        if (all.size() > MAX_EDITIONS) {
            // the latest, and the page's own among them
            drawn = new ArrayList<>(all.subList(all.size() - MAX_EDITIONS, all.size()));
            if (!drawn.contains(self)) {
                drawn.set(0, self);
                drawn.sort(IN_TIME);
            }
        }
        Links links = new Links(facts, iris);
        String unit = links.label(self.unit());
        EditionChart chart = EditionChart.of(drawn.stream().map(s -> new EditionChart.Edition(s.value(), ReadableNumbers.of(s.valueLexical()), when(s.time()),
                links.href(s.iri()), s == self)).toList());
        List<Row> rows = drawn.stream().map(s -> new Row(Link.of(when(s.time()), links.href(s.iri())), ReadableNumbers.of(s.valueLexical()) + " " + unit,
                s.sources().stream().map(links::of).toList(), s == self)).toList();
        List<LegendEntry> legend = List.of(new LegendEntry(EditionChart.THIS, "This statistic (" + when(self.time()) + ")"),
                new LegendEntry(EditionChart.OTHER, drawn.size() == 2 ? "The other edition" : "The other editions"));
        return new StatisticEditions(links.of(self.quantity()), links.of(self.unit()), links.sorted(self.about()), links.sorted(self.scope()), chart, legend,
                rows, drawn.size(), all.size());
    }

    /** The year or date as a page writes it: "2021", "October 2018", "23 July 2018"; any other form as written. */
    static String when(String lexical) {
        try {
            if (lexical.matches("\\d{4}-\\d\\d-\\d\\d.*"))
                return LocalDate.parse(lexical.substring(0, 10)).format(DAY);
            if (lexical.matches("\\d{4}-\\d\\d"))
                return YearMonth.parse(lexical).format(MONTH);
        } catch (DateTimeParseException e) {
            // as written
        }
        return lexical;
    }

    /** How the section names and links the nodes of the facts. */
    private record Links(Facts facts, LinkedData.Iris iris) {
        String label(Node n) {
            String l = facts.label(n);
            return l != null ? l : n.isURI() ? n.getURI() : n.toString();
        }

        String href(Node n) {
            return n.isURI() ? iris.localHref(n.getURI()) : null;
        }

        Link of(Node n) {
            return n == null ? null : Link.of(label(n), href(n));
        }

        List<Link> sorted(Set<Node> nodes) {
            return nodes.stream().map(this::of).sorted(Comparator.comparing(Link::text)).toList();
        }
    }
}
