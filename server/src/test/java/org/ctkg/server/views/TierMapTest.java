package org.ctkg.server.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ctkg.server.CuratedServerTest;
import org.ctkg.testkit.Pages;
import org.junit.jupiter.api.Test;

/** The world map of TIP tier placements over HTTP, against the raw TIP file. */
class TierMapTest extends CuratedServerTest {
    /** The raw file's codes that are not ISO 3166-1 alpha-3, and ctkg's countries for them (data/README.md). */
    static final Map<String, String> NOT_ISO = Map.of("KOS", "kosovo", "BUR", "mmr", "KVR", "kgz", "WBG", "pse");
    /** A country drawn: {@code <a href="/id/country/x"><path|circle class="country…" fill="#…" …><title>…</title>}. */
    private static final Pattern AREA = Pattern.compile("<a href=\"/id/country/([^\"]+)\">\\s*<(?:path|circle) class=\"country[^\"]*\" fill=\"(#[0-9a-f]{6})\"[^>]*><title>([^<]+)</title>");
    private static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The countries drawn with a link: country id → {fill, title}. */
    private static Map<String, String[]> areas(String page) {
        String svg = DossierTest.between(page, "<svg class=\"worldmap\"", "</svg>");
        Map<String, String[]> areas = new HashMap<>();
        Matcher m = AREA.matcher(svg);
        while (m.find())
            assertEquals(null, areas.put(m.group(1), new String[] {m.group(2), m.group(3)}), "one shape for " + m.group(1));
        return areas;
    }

    static String country(String code) {
        return NOT_ISO.getOrDefault(code, code.toLowerCase());
    }

    @Test
    void the2012MapColoursEachCountryByIts2012Tier() throws Exception {
        List<TipFile.Row> placements = TipFile.placements().stream().filter(r -> r.year() == 2012).toList();
        Map<String, String[]> areas = areas(Pages.get(server.baseUrl() + "/map/tip-tiers?year=2012").body());
        for (TipFile.Row r : placements) {
            String[] area = areas.get(country(r.iso()));
            assertTrue(area != null, "the map draws " + r.iso());
            assertTrue(area[1].endsWith(": " + r.tier() + " (2012)"), r.iso() + ": " + area[1]);
            Tier tier = java.util.Arrays.stream(Tier.values()).filter(t -> t.label().equals(r.tier())).findFirst().orElseThrow();
            assertEquals(tier.colour(), area[0], r.iso());
        }
        long tier3 = areas.values().stream().filter(a -> a[1].endsWith(": Tier 3 (2012)")).count();
        assertEquals(placements.stream().filter(r -> r.tier().equals("Tier 3")).count(), tier3, "Tier 3 countries on the map");
        assertTrue(tier3 > 10);
        assertEquals("Mexico: Tier 2 (2012)", areas.get("mex")[1]);
        long unplaced = areas.values().stream().filter(a -> a[1].endsWith(": no placement (2012)")).count();
        assertEquals(areas.size() - placements.size(), unplaced, "every other country is drawn without a placement");
    }

    @Test
    void everyYearHasAMapAndTheControlLinksTheOthers() throws Exception {
        List<Integer> years = TipFile.placements().stream().map(TipFile.Row::year).distinct().sorted().toList();
        assertEquals(2001, years.get(0));
        assertEquals(2015, years.get(years.size() - 1));
        for (int year : years) {
            String page = Pages.get(server.baseUrl() + "/map/tip-tiers?year=" + year).body();
            long placed = TipFile.placements().stream().filter(r -> r.year() == year).count();
            long drawn = areas(page).values().stream().filter(a -> !a[1].contains(": no placement (")).count();
            assertEquals(placed, drawn, "countries placed in " + year);
            String control = DossierTest.between(page, "<nav class=\"years\"", "</nav>");
            for (int other : years)
                assertTrue(control.contains(other == year ? "<strong aria-current=\"page\">" + year + "</strong>" : "<a href=\"/map/tip-tiers?year=" + other + "\">"),
                        year + " links " + other + ": " + control);
        }
    }

    @Test
    void theLegendCountsEachTier() throws Exception {
        String legend = DossierTest.between(Pages.get(server.baseUrl() + "/map/tip-tiers?year=2012").body(), "<ul class=\"legend\"", "</ul>");
        for (Tier t : Tier.values()) {
            long n = TipFile.placements().stream().filter(r -> r.year() == 2012 && r.tier().equals(t.label())).count();
            assertTrue(legend.contains("fill=\"" + t.colour() + "\"/></svg> " + t.label() + " (" + n + ")</li>"), t + ": " + legend);
        }
        assertTrue(legend.contains("fill=\"" + Tier.NO_PLACEMENT + "\"/></svg> No placement</li>"), legend);
    }

    @Test
    void theHomePageLinksTheMapAndTheMapLinksTheLatestYear() throws Exception {
        assertTrue(Pages.get(server.baseUrl() + "/").body().contains("<a href=\"/map/tip-tiers\">"));
        HttpResponse<String> bare = get("/map/tip-tiers");
        assertEquals(302, bare.statusCode());
        assertEquals("/map/tip-tiers?year=2015", bare.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void aBadOrUnknownYearIsRefusedWithAPageThatSaysWhichYearsThereAre() throws Exception {
        for (String[] c : new String[][] {{"abc", "400", "Not a year"}, {"2012%3Cscript%3E", "400", "Not a year"}, {"99999", "400", "Not a year"},
                {"1999", "404", "No tier placements for 1999"}, {"2016", "404", "No tier placements for 2016"}}) {
            HttpResponse<String> r = get("/map/tip-tiers?year=" + c[0]);
            assertEquals(Integer.parseInt(c[1]), r.statusCode(), c[0]);
            assertTrue(r.body().contains("<h1>" + c[2] + "</h1>"), r.body());
            assertTrue(r.body().contains("2001–2015"), "names the years there are: " + r.body());
            assertFalse(r.body().contains("Exception") || r.body().contains("<script>"), r.body());
        }
        assertEquals(404, get("/map/elsewhere").statusCode());
    }
}
