package org.ctkg.server.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ctkg.server.CuratedServerTest;
import org.ctkg.testkit.Pages;
import org.junit.jupiter.api.Test;

/** Country dossiers over HTTP: the data in the timeline, the tables and their sources, against the raw files. */
class DossierTest extends CuratedServerTest {
    private static String page(String path) throws Exception {
        return Pages.get(server.baseUrl() + path).body();
    }

    /** The part of the page between the first occurrence of {@code from} and the next {@code to}. */
    static String between(String page, String from, String to) {
        int start = page.indexOf(from);
        assertTrue(start >= 0, "the page has " + from);
        return page.substring(start, page.indexOf(to, start));
    }

    @Test
    void mexicosTimelineHasOneMarkPerYearWithTheTierOfTheTipData() throws Exception {
        Map<Integer, String> expected = TipFile.tiersOf("MEX");
        assertEquals(15, expected.size(), "the raw file has a tier for Mexico in each year 2001-2015");
        String svg = between(page("/id/country/mex.html"), "<svg class=\"timeline\"", "</svg>");
        Map<Integer, String> drawn = new TreeMap<>();
        Matcher m = Pattern.compile("<circle class=\"mark\"[^>]*><title>(\\d{4}): ([^<]+)</title>").matcher(svg);
        while (m.find())
            assertEquals(null, drawn.put(Integer.parseInt(m.group(1)), m.group(2)), "one mark for " + m.group(1));
        assertEquals(expected, drawn);
    }

    @Test
    void eachMarkHasItsTiersColourAndTheLegendNamesEveryTier() throws Exception {
        String page = page("/id/country/mex.html");
        Matcher m = Pattern.compile("fill=\"(#[0-9a-f]{6})\"><title>\\d{4}: ([^<]+)</title>").matcher(between(page, "<svg class=\"timeline\"", "</svg>"));
        int marks = 0;
        for (; m.find(); marks++)
            assertEquals(tier(m.group(2)).colour(), m.group(1), m.group(0));
        assertEquals(15, marks);
        String legend = between(page, "<ul class=\"legend\"", "</ul>");
        for (Tier t : Tier.values())
            assertTrue(legend.contains("fill=\"" + t.colour() + "\"/></svg> " + t.label() + "</li>"), legend);
    }

    @Test
    void thePlacementsTableGivesEachYearItsTierReportAndSourceRow() throws Exception {
        String table = between(page("/id/country/mex.html"), "<caption>The placements", "</table>");
        Map<Integer, String> expected = TipFile.tiersOf("MEX");
        for (Map.Entry<Integer, String> e : expected.entrySet()) {
            int y = e.getKey();
            Matcher row = Pattern.compile("<tr><td><a href=\"/id/tip-placement/mex-" + y + "\">" + y + "</a></td><td>" + Pattern.quote(e.getValue())
                    + "</td><td><a href=\"/id/report/us-tip-report-" + y + "\">Trafficking in Persons Report " + y + "</a></td>"
                    + "<td><a href=\"/id/source/us-tip-tier-placements\">[^<]+</a> <span class=\"src\">tip_tiers_orig.csv:(\\d+)</span></td></tr>").matcher(table);
            assertTrue(row.find(), "a row for " + y + " in " + table);
        }
    }

    @Test
    void theGoodsAreDolsWithTheirFormsOfExploitation() throws Exception {
        for (String iso : new String[] {"MEX", "AFG", "IND"}) {
            Map<String, List<String>> expected = new TreeMap<>();
            try (var in = java.nio.file.Files.newBufferedReader(java.nio.file.Path.of("..", "data", "us-dol-ilab-2014", "goods_from_XL.csv"))) {
                for (List<String> row : org.apache.jena.atlas.csv.CSVParser.create(in))
                    if (row.get(2).equals(iso)) {
                        List<String> forms = new java.util.ArrayList<>();
                        if (row.get(6).equals("Yes"))
                            forms.add("child labour");
                        if (row.get(7).equals("Yes"))
                            forms.add("forced labour");
                        if (row.get(8).equals("Yes"))
                            forms.add("forced child labour");
                        expected.put(row.get(4), forms.stream().sorted().toList());
                    }
            }
            String goods = between(page("/id/country/" + iso.toLowerCase() + ".html"), "<h2 id=\"goods\">", "</section>");
            Map<String, List<String>> shown = new TreeMap<>();
            Matcher m = Pattern.compile("<tr><td><a href=\"/id/goods-finding/[^\"]+\">([^<]+)</a></td><td>(.*?)</td>").matcher(goods);
            while (m.find())
                shown.put(unescape(m.group(1)), Pattern.compile(">([^<]+)</a>").matcher(m.group(2)).results().map(r -> r.group(1)).toList());
            assertTrue(expected.size() > 1, iso);
            assertEquals(expected, shown, iso);
        }
    }

    private static String unescape(String html) {
        return html.replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    @Test
    void thePalermoStatusIsDolsRecordOrSaysThereIsNone() throws Exception {
        String afghanistan = between(page("/id/country/afg.html"), "<h2 id=\"palermo\">", "</section>");
        assertTrue(afghanistan.contains("A party to the <a href=\"/id/instrument/palermo-protocol\">Palermo Protocol</a> as of 2014"), afghanistan);
        assertTrue(afghanistan.contains("master_data_from_XL.csv:2"), "with its source row: " + afghanistan);
        String mexico = between(page("/id/country/mex.html"), "<h2 id=\"palermo\">", "</section>");
        assertTrue(mexico.contains("ctkg holds no record of whether Mexico is a party"), mexico);
    }

    @Test
    void theCuratedGraphsClaimsAndCrimesThatMentionMexicoAreListedWithTheirSource() throws Exception {
        String curated = between(page("/id/country/mex.html"), "<h2 id=\"curated\">", "</section>");
        assertTrue(curated.contains("<a href=\"/id/claim/mexico-syndicates-split\">"), curated);
        assertTrue(curated.contains("<a href=\"/id/crime/migrant-smuggling\">"), curated);
        assertTrue(curated.contains("— from <a href=\"/graph/tcr-2021-strategic-threat\">"), curated);
    }

    @Test
    void aWriteToTheStoreIsSeenByTheNextPageAlthoughThePagesFactsAreReadOncePerState() throws Exception {
        var dsg = server.dataset();
        var graph = org.ctkg.ontology.Ids.graph("us-tip-tiers");
        var placement = org.ctkg.ontology.Ids.id("tip-placement", "mex-2012");
        var tier = org.apache.jena.graph.NodeFactory.createURI(org.ctkg.ontology.CTKG.NS + "tier");
        assertTrue(page("/id/country/mex.html").contains("<title>2012: Tier 2</title>"));
        try {
            org.apache.jena.system.Txn.executeWrite(dsg, () -> {
                dsg.delete(graph, placement, tier, Tier.TIER_2.iri());
                dsg.add(graph, placement, tier, Tier.TIER_3.iri());
            });
            assertTrue(page("/id/country/mex.html").contains("<title>2012: Tier 3</title>"), "the timeline follows the write");
            assertTrue(page("/map/tip-tiers?year=2012").contains("<title>Mexico: Tier 3 (2012)</title>"), "and so does the map");
        } finally {
            org.apache.jena.system.Txn.executeWrite(dsg, () -> {
                dsg.delete(graph, placement, tier, Tier.TIER_3.iri());
                dsg.add(graph, placement, tier, Tier.TIER_2.iri());
            });
        }
        assertTrue(page("/id/country/mex.html").contains("<title>2012: Tier 2</title>"));
    }

    private static Tier tier(String label) {
        for (Tier t : Tier.values())
            if (t.label().equals(label))
                return t;
        throw new AssertionError("no tier " + label);
    }
}
