package org.ctkg.server.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.ctkg.ontology.CTKG;
import org.ctkg.server.CuratedServerTest;
import org.ctkg.testkit.Pages;
import org.ctkg.testkit.SparqlHttp;
import org.junit.jupiter.api.Test;

/**
 * A statistic's page beside the other editions of its figure, over HTTP: the chart's bars and the
 * table hold the values and years the graph holds (read back with SPARQL), in year order, the page's
 * own marked; ctkg's grouping leaves out what is not another edition; a figure without another
 * edition has no such section.
 */
class StatisticEditionsTest extends CuratedServerTest {
    private static final String STAT = "https://w3id.org/ctkg/id/statistic/";
    private static final String HEADING = "<h2 id=\"editions\">Other editions of this figure</h2>";
    private static final Pattern BAR = Pattern.compile("<a href=\"/id/statistic/([^\"]+)\"><rect class=\"mark( current)?\"[^>]* fill=\"(#[0-9a-f]{6})\"><title>([^<]+)</title>");
    private static final Pattern ROW = Pattern.compile("<tr class=\"(current|edition)\"><td><a href=\"/id/statistic/([^\"]+)\">([^<]+)</a>.*?</td><td>([^<]+)</td><td>(.*?)</td></tr>");

    private static String page(String path) throws Exception {
        return Pages.get(server.baseUrl() + path).body();
    }

    private static String section(String statistic) throws Exception {
        return DossierTest.between(page("/id/statistic/" + statistic + ".html"), HEADING, "</section>");
    }

    /** The editions of the ILO's modern-slavery figure as the graph holds them: "year: value", in year order. */
    private static List<String> modernSlaveryInTheGraph() throws Exception {
        List<List<String>> rows = SparqlHttp.select(server.sparqlUrl(), """
                PREFIX ctkg: <https://w3id.org/ctkg/ontology#>
                SELECT ?s ?year ?value WHERE {
                  ?s a ctkg:Statistic ; ctkg:about <https://w3id.org/ctkg/id/crime/modern-slavery> ; ctkg:scope <https://w3id.org/ctkg/id/region/world> ;
                     ctkg:unit <https://w3id.org/ctkg/id/unit/person> ; ctkg:quantity <https://w3id.org/ctkg/id/quantity/people-in-modern-slavery> ;
                     ctkg:referenceYear ?year ; ctkg:value ?value .
                } ORDER BY ?year""");
        List<String> out = new ArrayList<>();
        for (List<String> r : rows)
            out.add(r.get(1) + ": " + new BigDecimal(r.get(2)).movePointLeft(6).stripTrailingZeros().toPlainString() + " million");
        return out;
    }

    @Test
    void the2021ModernSlaveryFigureStandsBesideIts2016EditionInYearOrder() throws Exception {
        List<String> expected = modernSlaveryInTheGraph();
        assertEquals(List.of("2016: 40.3 million", "2021: 49.6 million"), expected, "the curated graph's two editions");
        String section = section("ilo-2022-modern-slavery");
        List<String> titles = new ArrayList<>(), current = new ArrayList<>();
        Matcher bar = BAR.matcher(section);
        while (bar.find()) {
            titles.add(bar.group(4));
            if (bar.group(2) != null)
                current.add(bar.group(1) + " " + bar.group(3) + " " + bar.group(4));
            assertEquals(bar.group(2) != null ? EditionChart.THIS : EditionChart.OTHER, bar.group(3), "the colour of " + bar.group(0));
        }
        assertEquals(expected, titles, "a bar per edition, in year order");
        assertEquals(List.of("ilo-2022-modern-slavery " + EditionChart.THIS + " 2021: 49.6 million"), current, "the page's own bar is marked");

        List<String> rows = new ArrayList<>();
        Matcher row = ROW.matcher(section);
        while (row.find())
            rows.add(row.group(1) + " " + row.group(2) + " " + row.group(3) + ": " + row.group(4) + " | " + row.group(5));
        assertEquals(List.of(
                "edition ilo-2017-modern-slavery 2016: 40.3 million persons | <a href=\"/id/source/ilo-global-estimates-2017\">ILO Global Estimates of Modern Slavery (2017)</a>",
                "current ilo-2022-modern-slavery 2021: 49.6 million persons | <a href=\"/id/source/ilo-global-estimates-2022\">Global Estimates of Modern Slavery (ILO, Walk Free and IOM, 2022)</a>"),
                rows);
        for (int i = 0; i < expected.size(); i++)
            assertTrue(rows.get(i).contains(" " + expected.get(i) + " persons |"), "the table's row " + i + " holds the graph's " + expected.get(i));

        String legend = DossierTest.between(section, "<ul class=\"legend\"", "</ul>");
        assertTrue(legend.contains("fill=\"" + EditionChart.THIS + "\"/></svg> This statistic (2021)</li>"), legend);
        assertTrue(legend.contains("fill=\"" + EditionChart.OTHER + "\"/></svg> The other edition</li>"), legend);
        assertTrue(section.contains("grouped by ctkg: same subject, scope and unit"), "the page says the grouping is ctkg's: " + section);
    }

    @Test
    void the2016PageShowsTheSameEditionsWithItsOwnMarked() throws Exception {
        String section = section("ilo-2017-modern-slavery");
        Matcher bar = BAR.matcher(section);
        List<String> marked = new ArrayList<>();
        while (bar.find())
            marked.add(bar.group(4) + (bar.group(2) != null ? " (this)" : ""));
        assertEquals(List.of("2016: 40.3 million (this)", "2021: 49.6 million"), marked);
    }

    @Test
    void treatyPartiesAreEditionsByTheirDatesWithEachSourceLinked() throws Exception {
        String section = section("palermo-parties-2020-10");
        List<String> titles = BAR.matcher(section).results().map(m -> m.group(4)).toList();
        assertEquals(List.of("23 July 2018: 173", "9 October 2020: 178"), titles);
        assertTrue(section.contains("<a href=\"/id/source/ctoc-cop-2018-2\">CTOC/COP/2018/2</a>"), section);
        assertTrue(section.contains("<a href=\"/id/source/us-embassy-georgia-2020-10-09\">"), section);
        assertTrue(section.contains("173 states"), section);
        assertFalse(section.contains(", for "), "no scope is stated, and none is shown: " + section);
    }

    @Test
    void onlyEditionsOfTheSameFigureAreGrouped() throws Exception {
        // Forced labour in 2021: its 2016 edition, not the rounded "25 million victims" (which is about more and
        // corresponds to the 2016 estimate) nor the forced labour in the private economy (about something else).
        List<String> titles = BAR.matcher(section("ilo-2022-forced-labour")).results().map(m -> m.group(1) + " " + m.group(4)).toList();
        assertEquals(List.of("ilo-2017-forced-labour 2016: 24.9 million", "ilo-2022-forced-labour 2021: 27.6 million"), titles);
    }

    @Test
    void aFigureWithoutAnotherEditionHasNoSuchSection() throws Exception {
        for (String alone : new String[] {"untoc-parties-2018-10", "traffickers-profits-150-billion", "ilo-2024-profits"}) {
            String page = page("/id/statistic/" + alone + ".html");
            assertTrue(page.contains("<h2 id=\"statements\">"), alone + " has its page");
            assertFalse(page.contains("Other editions"), alone + " has no other edition: " + page);
        }
        assertFalse(page("/id/country/mex.html").contains("Other editions"), "nor has a page of anything else");
    }

    @Test
    void aWriteToTheStoreIsSeenByTheNextPageAlthoughTheFactsAreReadOncePerState() throws Exception {
        var dsg = server.dataset();
        Node graph = NodeFactory.createURI("https://w3id.org/ctkg/graph/ilo-global-estimates-2017");
        Node older = NodeFactory.createURI(STAT + "ilo-2017-modern-slavery");
        Quad year = Txn.calculateRead(dsg, () -> dsg.find(graph, older, CTKG.referenceYear.asNode(), Node.ANY).next());
        assertTrue(page("/id/statistic/ilo-2022-modern-slavery.html").contains(HEADING));
        try {
            Txn.executeWrite(dsg, () -> dsg.delete(year));
            assertFalse(page("/id/statistic/ilo-2022-modern-slavery.html").contains(HEADING), "an edition without its year cannot stand beside it");
        } finally {
            Txn.executeWrite(dsg, () -> dsg.add(year));
        }
        assertTrue(page("/id/statistic/ilo-2022-modern-slavery.html").contains(HEADING));
    }
}
