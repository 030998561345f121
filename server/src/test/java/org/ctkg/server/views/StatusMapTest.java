package org.ctkg.server.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.atlas.csv.CSVParser;
import org.ctkg.server.CuratedServerTest;
import org.ctkg.testkit.Pages;
import org.junit.jupiter.api.Test;

/**
 * The world map of the Palermo Protocol's treaty status records, on its own page and on the
 * instrument's, over HTTP, against the raw DOL country file ({@code Palermo_Ratified} of 2014).
 */
class StatusMapTest extends CuratedServerTest {
    private static final Path DOL = Path.of("..", "data", "us-dol-ilab-2014", "master_data_from_XL.csv");
    private static final String PALERMO = "https://w3id.org/ctkg/id/instrument/palermo-protocol";
    private static final String MAP = StatusMap.PATH + "?instrument=" + URLEncoder.encode(PALERMO, StandardCharsets.UTF_8) + "&year=2014";
    private static final Pattern AREA = Pattern.compile("<a href=\"/id/country/([^\"]+)\">\\s*<(?:path|circle) class=\"country[^\"]*\" fill=\"(#[0-9a-f]{6})\"[^>]*><title>([^<]+)</title>");

    /** The file's Yes and No by ctkg's country ids (the ISO alpha-3 code, lower case, or the tier file's exceptions); blank and N/A rows have no record. */
    private static Map<String, Boolean> ratified() throws Exception {
        Map<String, Boolean> out = new HashMap<>();
        try (Reader in = Files.newBufferedReader(DOL, StandardCharsets.UTF_8)) {
            List<String> header = null;
            for (List<String> line : CSVParser.create(in)) {
                if (header == null) {
                    header = line;
                    continue;
                }
                String value = line.get(header.indexOf("Palermo_Ratified")).strip();
                if (value.equals("Yes") || value.equals("No"))
                    out.put(TierMapTest.country(line.get(header.indexOf("Country_ISO3"))), value.equals("Yes"));
            }
        }
        return out;
    }

    private static Map<String, String[]> areas(String svg) {
        Map<String, String[]> areas = new HashMap<>();
        Matcher m = AREA.matcher(svg);
        while (m.find())
            assertEquals(null, areas.put(m.group(1), new String[] {m.group(2), m.group(3)}), "one shape for " + m.group(1));
        return areas;
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The map in the page draws each record of the file, or names it among those it has no shape for. */
    private static void assertDrawsTheFile(String page) throws Exception {
        Map<String, Boolean> file = ratified();
        assertTrue(file.size() > 100, "the file's records: " + file.size());
        Map<String, String[]> areas = areas(DossierTest.between(page, "<svg class=\"worldmap\"", "</svg>"));
        int start = page.indexOf("<p>Not on the map (no shape for them):");
        String unmapped = start < 0 ? "" : page.substring(start, page.indexOf("</p>", start));
        file.forEach((country, party) -> {
            String[] area = areas.get(country);
            if (area == null && unmapped.contains("href=\"/id/country/" + country + "\""))
                return;
            assertTrue(area != null, "the map draws " + country + " or says it has no shape for it");
            assertEquals(party ? StatusMap.PARTY : StatusMap.NOT_PARTY, area[0], country);
            assertTrue(area[1].endsWith(party ? ": a party (2014)" : ": not a party (2014)"), country + ": " + area[1]);
        });
        long others = areas.entrySet().stream().filter(e -> !file.containsKey(e.getKey())).count();
        assertEquals(others, areas.values().stream().filter(a -> a[1].endsWith(": no record (2014)")).count(), "every other country without a record");
    }

    @Test
    void theMapColoursEachCountryAsTheDolFileRecordsItAndCountsThem() throws Exception {
        String page = Pages.get(server.baseUrl() + MAP).body();
        assertDrawsTheFile(page);
        Map<String, Boolean> file = ratified();
        long parties = file.values().stream().filter(p -> p).count();
        assertTrue(page.contains("A party (" + parties + ")") && page.contains("Not a party (" + (file.size() - parties) + ")"), "the legend's counts");
        assertEquals("Afghanistan: a party (2014)", areas(page).get("afg")[1]);
        assertEquals("Mexico: no record (2014)", areas(page).get("mex")[1], "the 2014 DOL country data has no row for Mexico");
        String table = DossierTest.between(page, "<table class=\"facts\">", "</table>");
        assertEquals(file.size(), table.split("<tr><td>").length - 1, "a row per record");
        assertTrue(page.contains("href=\"/id/source/us-dol-ilab-2014\""), "the records' source");
    }

    @Test
    void thePalermoProtocolsPageShowsTheMapAndItsNeighbourhoodLinksTheGroupToIt() throws Exception {
        String page = Pages.get(server.baseUrl() + "/id/instrument/palermo-protocol.html").body();
        String section = DossierTest.between(page, "<h2 id=\"status-map\">", "</section>");
        assertDrawsTheFile(section);
        assertTrue(section.contains("href=\"" + MAP.replace("&", "&amp;") + "\""), "the map on its own page: " + section.substring(0, 400));
        assertTrue(DossierTest.between(page, "<h2 id=\"picture\">", "</section>").contains("href=\"#status-map\""), "the neighbourhood's group of records links the map");
    }

    @Test
    void aBadOrUnknownInstrumentOrYearIsRefusedWithAPageAndTheRestRedirects() throws Exception {
        assertEquals(400, get(StatusMap.PATH + "?instrument=not%20an%20iri").statusCode());
        HttpResponse<String> unknown = get(StatusMap.PATH + "?instrument=" + URLEncoder.encode("https://w3id.org/ctkg/id/instrument/none", StandardCharsets.UTF_8));
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("https://w3id.org/ctkg/id/instrument/none"), "the page names what was asked");
        assertEquals(400, get(MAP.replace("year=2014", "year=later")).statusCode());
        HttpResponse<String> noYear = get(MAP.replace("year=2014", "year=1990"));
        assertEquals(404, noYear.statusCode());
        assertTrue(noYear.body().contains("of 2014"), noYear.body());
        assertEquals(MAP, get(StatusMap.PATH + "?instrument=" + URLEncoder.encode(PALERMO, StandardCharsets.UTF_8)).headers().firstValue("Location").orElse(""));
        assertEquals(MAP, get(StatusMap.PATH).headers().firstValue("Location").orElse(""), "the instrument with the most records");
        String hostile = "https://w3id.org/ctkg/id/<script>alert(1)</script>";
        assertTrue(!get(StatusMap.PATH + "?instrument=" + URLEncoder.encode(hostile, StandardCharsets.UTF_8)).body().contains("<script>alert"), "escaped");
    }
}
