package org.ctkg.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.ctkg.server.CuratedServerTest;
import org.ctkg.testkit.SparqlHttp;
import org.junit.jupiter.api.Test;

/** The query UI is served from the jar, loads nothing from elsewhere, its example questions all answer and have short links, and the data its views read is the store's. */
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

    @Test
    void aSavedQuestionsShortLinkRedirectsToTheUiWithItsQueryAndView() throws Exception {
        SavedQuestion timeline = SavedQuestion.all().get("country-timeline");
        HttpResponse<String> r = get("/q/country-timeline");
        assertEquals(303, r.statusCode());
        String location = r.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith("/ui/#q="), location);
        Map<String, String> fragment = new HashMap<>();
        for (String pair : location.substring("/ui/#".length()).split("&"))
            fragment.put(pair.substring(0, pair.indexOf('=')), URLDecoder.decode(pair.substring(pair.indexOf('=') + 1), StandardCharsets.UTF_8));
        assertEquals(timeline.query(), fragment.get("q"));
        assertEquals("Timeline", fragment.get("view"));
        assertTrue(timeline.query().contains("#defaultView:Timeline"), "the view comes from the question's own comment");
        assertFalse(get("/q/recommendations-and-instruments").headers().firstValue("Location").orElseThrow().contains("view="),
                "a question that asks for no view leaves the choice to the UI");
    }

    @Test
    void everySavedQuestionHasAShortLinkAndAnUnknownNameIsNotFound() throws Exception {
        for (String name : SavedQuestion.all().keySet())
            assertEquals(303, get("/q/" + name).statusCode(), name);
        HttpResponse<String> unknown = get("/q/no-such-question");
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(unknown.body().contains("No such saved question") && unknown.body().contains("href=\"/ui/\""), unknown.body());
        assertEquals(404, get("/q/").statusCode());
    }

    @Test
    void theWorldFileKeysTheStoresCountriesToTheirShapes() throws Exception {
        JsonObject world = JSON.parse(get("/ui/data/world.json").body());
        List<String> shapeKeys = new ArrayList<>();
        world.get("shapes").getAsArray().forEach(s -> shapeKeys.add(s.getAsObject().get("key").getAsString().value()));
        Map<String, JsonObject> countries = new HashMap<>();
        world.get("countries").getAsArray().forEach(c -> countries.put(c.getAsObject().get("iri").getAsString().value(), c.getAsObject()));
        JsonObject mexico = countries.get("https://w3id.org/ctkg/id/country/mex");
        assertEquals("484", mexico.get("key").getAsString().value());
        assertEquals("MEX", mexico.get("alpha3").getAsString().value());
        assertEquals("Mexico", mexico.get("name").getAsString().value());
        assertTrue(shapeKeys.contains("484"));
        long drawable = countries.values().stream().filter(c -> shapeKeys.contains(c.get("key").getAsString().value())).count();
        assertTrue(drawable > 150, "countries with a shape: " + drawable + " of " + countries.size());
    }

    @Test
    void theVocabularyHasCtkgsClassesAndPropertiesWithTheirLabels() throws Exception {
        Map<String, String> kinds = new HashMap<>(), labels = new HashMap<>();
        JSON.parse(get("/ui/data/vocabulary.json").body()).get("terms").getAsArray().forEach(t -> {
            String iri = t.getAsObject().get("iri").getAsString().value();
            kinds.put(iri, t.getAsObject().get("kind").getAsString().value());
            labels.put(iri, t.getAsObject().get("label").getAsString().value());
        });
        String ctkg = "https://w3id.org/ctkg/ontology#";
        assertEquals("class", kinds.get(ctkg + "Recommendation"));
        assertEquals("recommendation", labels.get(ctkg + "Recommendation"));
        assertEquals("property", kinds.get(ctkg + "addressedTo"));
        assertTrue(kinds.keySet().stream().allMatch(iri -> iri.startsWith(ctkg)), "ctkg's own terms only");
    }
}
