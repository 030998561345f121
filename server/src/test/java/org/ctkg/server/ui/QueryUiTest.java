package org.ctkg.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.ctkg.server.CuratedServerTest;
import org.ctkg.testkit.SparqlHttp;
import org.junit.jupiter.api.Test;

/** The query UI is served from the jar, loads nothing from elsewhere, and its example questions all answer. */
class QueryUiTest extends CuratedServerTest {
    /** A new client per request: a pooled connection that the server closed after an error answer would fail the next request. */
    private static HttpClient http() {
        return HttpClient.newHttpClient();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pageAndAssetsComeFromThisServerOnly() throws Exception {
        HttpResponse<String> page = get("/ui/");
        assertEquals(200, page.statusCode());
        Matcher m = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page.body());
        List<String> assets = new ArrayList<>();
        while (m.find())
            assets.add(m.group(1));
        assertTrue(assets.containsAll(List.of("yasgui.min.js", "yasgui.min.css", "ui.js", "ui.css")), assets.toString());
        for (String asset : assets) {
            assertFalse(asset.contains("//"), "loads from elsewhere: " + asset);
            assertEquals(200, get("/ui/" + asset).statusCode(), asset);
        }
        String script = get("/ui/ui.js").body().lines().filter(l -> !l.contains("PREFIX ")).reduce("", String::concat);
        assertFalse(script.contains("://"), "ui.js names a remote address (other than in PREFIX declarations)");
    }

    @Test
    void onlyTheUiFilesAreServed() throws Exception {
        assertEquals(404, get("/ui/QueryUiServlet.class").statusCode());
        assertEquals(404, get("/ui/examples/00-recommendations-and-instruments.rq").statusCode());
        assertTrue(get("/ui/%2e%2e/%2e%2e/etc/passwd").statusCode() >= 400);
    }

    @Test
    void everyExampleQuestionAnswers() throws Exception {
        JsonArray examples = JSON.parseAny(get("/ui/examples.json").body()).getAsArray();
        assertTrue(examples.size() >= 10, "examples: " + examples.size());
        for (var item : examples) {
            JsonObject ex = item.getAsObject();
            String title = ex.get("title").getAsString().value();
            String query = ex.get("query").getAsString().value();
            assertTrue(query.contains("PREFIX ctkg:"), title + " declares the ctkg prefix");
            assertFalse(SparqlHttp.select(server.sparqlUrl(), query).isEmpty(), "no answer for: " + title);
        }
    }
}
