package org.ctkg.server.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.ctkg.loader.Stores;
import org.ctkg.server.CtkgServer;
import org.ctkg.testkit.CaseRecordFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published case counts as the public gets them: generated case records live-loaded
 * restricted (default threshold 11), then the cube over SPARQL, the country dossier's counts and
 * an observation's page, anonymously. Real server on port 0, HTTP.
 */
class CaseCountsServedTest {
    static final String PREFIXES = "PREFIX ctkg: <https://w3id.org/ctkg/ontology#>\nPREFIX qb: <http://purl.org/linked-data/cube#>\n";
    static final String CUBE = "https://w3id.org/ctkg/graph/case-counts";
    static final String SUPPRESSED = "suppressed (fewer than 11)";
    @TempDir
    static Path tmp;
    static CtkgServer server;
    static Client anonymous, writer;
    static long records;

    @BeforeAll
    static void start() throws Exception {
        server = CtkgServer.create().port(0).dataset(Stores.curatedScratch()).writer("writer", "writer-pw").build().start();
        anonymous = Client.anonymous(server.baseUrl());
        writer = Client.as(server.baseUrl(), "writer", "writer-pw");
        Path cases = CaseRecordFiles.write(tmp, 3, 5_000);
        HttpResponse<String> r = writer.post(CtkgServer.LOAD_PATH + "?access=restricted&name=cases.nt&graph=" + Client.enc("https://w3id.org/ctkg/graph/cases"),
                "application/n-triples", Files.readString(cases));
        assertEquals(200, r.statusCode(), r.body());
        records = Files.readAllLines(cases).stream().filter(l -> l.contains("/ontology#CaseRecord>")).count();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void thePublicSeesTheCubeOverSparqlAndNoRecord() throws Exception {
        assertEquals(0, anonymous.count(PREFIXES + "SELECT (COUNT(*) AS ?n) { ?s a ctkg:CaseRecord }"), "the records stay hidden");
        assertEquals(42, anonymous.count(PREFIXES + "SELECT (COUNT(*) AS ?n) { GRAPH <" + CUBE + "> { ?d a qb:DataSet } }"));
        assertEquals(records, anonymous.count(PREFIXES + "SELECT ?n { GRAPH <" + CUBE + "> { ?o qb:dataSet <https://w3id.org/ctkg/id/case-counts/total> ; ctkg:caseCount ?n } }"),
                "the total, published");
        assertTrue(anonymous.count(PREFIXES + "SELECT (COUNT(*) AS ?n) { ?o ctkg:caseCountStatus \"" + SUPPRESSED + "\" FILTER NOT EXISTS { ?o ctkg:caseCount ?c } }") > 100,
                "suppressed cells say so and carry no count");
        assertEquals(0, anonymous.count(PREFIXES + "SELECT (COUNT(*) AS ?n) { ?o ctkg:caseCount ?c FILTER(?c < 11) }"), "no published count under 11");
    }

    @Test
    void theDossierShowsTheCountriesCountsFromTheCubeWithSuppressionVisible() throws Exception {
        // The country with the most records (a published total), and its counts by year, as the cube has them.
        ResultSet top = anonymous.select(PREFIXES + "SELECT ?c ?n { ?o qb:dataSet <https://w3id.org/ctkg/id/case-counts/country> ;"
                + " ctkg:byCountryOfExploitation ?c ; ctkg:caseCount ?n } ORDER BY DESC(?n) LIMIT 1");
        QuerySolution best = top.next();
        String country = best.getResource("c").getURI();
        Map<String, String> byYear = new HashMap<>();
        anonymous.select(PREFIXES + "SELECT ?o ?n ?s { ?o qb:dataSet <https://w3id.org/ctkg/id/case-counts/country-year> ; ctkg:byCountryOfExploitation <"
                + country + "> . OPTIONAL { ?o ctkg:caseCount ?n } OPTIONAL { ?o ctkg:caseCountStatus ?s } }")
                .forEachRemaining(row -> byYear.put(row.getResource("o").getURI().replace("https://w3id.org/ctkg", ""),
                        row.contains("n") ? row.getLiteral("n").getLexicalForm() : row.getLiteral("s").getLexicalForm()));
        assertTrue(byYear.containsValue(SUPPRESSED), "some year is suppressed: " + byYear);

        String page = anonymous.ok(country.replace("https://w3id.org/ctkg", "") + ".html", "text/html");
        String section = page.substring(page.indexOf("<section aria-labelledby=\"case-counts\""), page.indexOf("</section>", page.indexOf("id=\"case-counts\"")));
        assertTrue(section.contains("In all: <a href=\"/id/case-counts/country/") && section.contains(">" + best.getLiteral("n").getLexicalForm() + "</a>"), section);
        String years = section.substring(section.indexOf("<caption>By year of registration"), section.indexOf("</table>"));
        Map<String, String> shown = new HashMap<>();
        Matcher m = Pattern.compile("<td class=\"(suppressed|count)\"><a href=\"([^\"]+)\">([^<]+)</a></td>").matcher(years);
        while (m.find()) {
            shown.put(m.group(2), m.group(3));
            assertEquals(m.group(3).equals(SUPPRESSED), m.group(1).equals("suppressed"), m.group(0));
        }
        assertEquals(byYear, shown, "each year's figure, linked to its observation");
        assertFalse(section.contains(">0<"), "no zero shown");
        assertTrue(section.contains("<caption>By form of exploitation (<a href=\"/id/case-counts/country-form\">"), section);
    }

    @Test
    void aSuppressedObservationsPageSaysSoAndShowsNoCount() throws Exception {
        ResultSet rs = anonymous.select(PREFIXES + "SELECT ?o { ?o ctkg:caseCountStatus ?s } LIMIT 1");
        String obs = rs.next().getResource("o").getURI();
        String page = anonymous.ok(obs.replace("https://w3id.org/ctkg", "") + ".html", "text/html");
        assertTrue(page.contains(SUPPRESSED), page);
        assertFalse(page.contains("caseCount\"") || page.contains(">case count<"), "no count on it");
    }

    @Test
    void aServerThresholdUnderTwoIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CtkgServer.create().minCell(1));
        assertTrue(e.getMessage().contains("at least 2"), e.getMessage());
    }
}
