package org.ctkg.server.ld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ctkg.server.CuratedServerTest;
import org.ctkg.testkit.Pages;
import org.ctkg.testkit.SparqlHttp;
import org.junit.jupiter.api.Test;

/**
 * Neighbourhood pictures of hubs over HTTP: many links of one property become one node that links
 * to a fuller view, and every resource linked to or from the hub stays reachable from the picture,
 * directly or through the group's view (and its further pages).
 */
class HubPictureTest extends CuratedServerTest {
    private static final String BASE = "https://w3id.org/ctkg/";
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]+)\"");
    private static final Pattern NEXT = Pattern.compile("rel=\"next\" href=\"([^\"]+)\"");
    private static String page(String path) throws Exception {
        return Pages.get(server.baseUrl() + path).body();
    }

    private static String picture(String page) {
        int start = page.indexOf("<svg class=\"neighbourhood\"");
        assertTrue(start >= 0, "a picture");
        return page.substring(start, page.indexOf("</svg>", start));
    }

    private static List<String> hrefs(String html) {
        return HREF.matcher(html).results().map(m -> m.group(1).replace("&amp;", "&")).toList();
    }

    /** Every resource that the hub links to (but its types) or that links to it, by SPARQL. */
    private static Set<String> neighbours(String iri) throws Exception {
        Set<String> all = new TreeSet<>();
        for (List<String> row : SparqlHttp.select(server.sparqlUrl(), "SELECT DISTINCT ?n { { <" + iri + "> ?p ?n FILTER(?p != <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>) } "
                + "UNION { ?n ?p <" + iri + "> } FILTER(isIRI(?n) && ?n != <" + iri + ">) }"))
            all.add(row.get(0).replaceAll("^<|>$", ""));
        return all;
    }

    /**
     * The IRIs a reader reaches from the picture: its nodes' links, and for each group the links of
     * its view: a section of this page ({@code #id}) or a page and the pages after it ({@code rel="next"}).
     */
    private static Set<String> reached(String path, String page) throws Exception {
        Set<String> reached = new HashSet<>();
        for (String href : hrefs(picture(page))) {
            if (href.startsWith("#")) {
                int at = page.indexOf("id=\"" + href.substring(1) + "\"");
                assertTrue(at > 0, "the page has the section " + href);
                int end = page.indexOf("</section>", at);
                hrefs(page.substring(at, end)).forEach(h -> reached.add(iri(h)));
            } else if (href.startsWith("/classes/") || href.startsWith("/map/")) {
                String base = href.substring(0, href.indexOf('?') < 0 ? href.length() : href.indexOf('?'));
                for (String next = href; next != null; ) {
                    String view = page(next);
                    hrefs(view).forEach(h -> reached.add(iri(h)));
                    Matcher more = NEXT.matcher(view);
                    // a class page's next page (?…&page=N); the map's next year is another view
                    next = more.find() && more.group(1).startsWith("?") ? base + more.group(1).replace("&amp;", "&") : null;
                }
            } else {
                reached.add(iri(href));
            }
        }
        return reached;
    }

    /** How many instances of the ctkg class link to the resource by the ctkg property, by SPARQL. */
    private static long linking(String property, String resource, String cls) throws Exception {
        return Long.parseLong(SparqlHttp.select(server.sparqlUrl(), "SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s <https://w3id.org/ctkg/ontology#" + property + "> <"
                + BASE + resource + "> ; a <https://w3id.org/ctkg/ontology#" + cls + "> }").get(0).get(0).replaceAll("\"|\\^\\^.*", ""));
    }

    /** How many instances a class page lists, over all its pages. */
    private static long listed(String href) throws Exception {
        long n = 0;
        String base = href.substring(0, href.indexOf('?'));
        for (String next = href; next != null; ) {
            String view = page(next);
            n += Pattern.compile("<li><a href=").matcher(view).results().count();
            Matcher more = NEXT.matcher(view);
            next = more.find() ? base + more.group(1).replace("&amp;", "&") : null;
        }
        return n;
    }

    private static String iri(String href) {
        return href.startsWith("/") ? BASE + href.substring(1).replace("%23", "#") : href;
    }

    private static void assertEveryLinkReachable(String path, String iri) throws Exception {
        String page = page(path);
        Set<String> missing = new TreeSet<>(neighbours(iri));
        int all = missing.size();
        missing.removeAll(reached(path, page));
        assertEquals(Set.of(), missing, "of " + all + " linked resources, these are not reachable from the picture of " + path);
        long nodes = Pattern.compile("<g class=\"node (left|right)").matcher(picture(page)).results().count();
        assertTrue(nodes <= 2 * Neighbourhood.PER_SIDE, nodes + " nodes drawn");
    }

    @Test
    void thePalermoProtocolsStatusRecordsAreOneNodeLinkingToThemAll() throws Exception {
        String svg = picture(page("/id/instrument/palermo-protocol.html"));
        long records = linking("instrument", "id/instrument/palermo-protocol", "TreatyStatus");
        assertTrue(records > 100);
        Matcher group = Pattern.compile("<a href=\"([^\"]+)\"><g class=\"node left group\"><title>" + records + " treaty status records</title>").matcher(svg);
        assertTrue(group.find(), svg);
        assertEquals("#status-map", group.group(1), "the page's map of the records");
        String section = page("/id/instrument/palermo-protocol.html");
        section = section.substring(section.indexOf("id=\"status-map\""), section.indexOf("</section>", section.indexOf("id=\"status-map\"")));
        assertEquals(records, Pattern.compile("href=\"/id/treaty-status/").matcher(section).results().count(), "the map's table links exactly the group's records");
        assertEquals(0, Pattern.compile("<title>[^<]*Palermo Protocol status \\(DOL").matcher(svg).results().count(), "no record drawn on its own");
        assertEveryLinkReachable("/id/instrument/palermo-protocol.html", BASE + "id/instrument/palermo-protocol");
    }

    @Test
    void mexicosPlacementsGoToItsTimelineAndItsGoodsToTheirList() throws Exception {
        String svg = picture(page("/id/country/mex.html"));
        long placements = linking("country", "id/country/mex", "TierPlacement"), findings = linking("country", "id/country/mex", "GoodsFinding");
        assertTrue(svg.contains("<a href=\"#tip-tiers\"><g class=\"node left group\"><title>" + placements + " TIP tier placements</title>"), svg);
        Matcher goods = Pattern.compile("<a href=\"([^\"]+)\"><g class=\"node left group\"><title>" + findings + " goods findings</title>").matcher(svg);
        assertTrue(goods.find(), svg);
        assertEquals(findings, listed(goods.group(1).replace("&amp;", "&")), "its list holds Mexico's goods findings, and no other country's");
        assertEveryLinkReachable("/id/country/mex.html", BASE + "id/country/mex");
    }

    @Test
    void aTipReportsPlacementsGoToThatYearsMap() throws Exception {
        String svg = picture(page("/id/report/us-tip-report-2012.html"));
        assertTrue(svg.contains("<a href=\"/map/tip-tiers?year=2012\"><g class=\"node left group\">"), svg);
        assertEveryLinkReachable("/id/report/us-tip-report-2012.html", BASE + "id/report/us-tip-report-2012");
    }

    @Test
    void aSmallNeighbourhoodIsDrawnWhole() throws Exception {
        String svg = picture(page("/id/recommendation/expand-national-action-plan.html"));
        assertTrue(!svg.contains(" group\""), "no group where everything fits: " + svg);
        assertEveryLinkReachable("/id/recommendation/expand-national-action-plan.html", BASE + "id/recommendation/expand-national-action-plan");
    }

    @Test
    void aBadSelectionOfLinksIsRefusedWithAPage() throws Exception {
        var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(server.baseUrl() + "/classes/TreatyStatus?to=%3E%20.%20%7D&by=x")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("<h1>Not a selection of links</h1>"), r.body());
    }
}
