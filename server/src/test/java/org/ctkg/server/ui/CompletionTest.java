package org.ctkg.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.ctkg.loader.Access;
import org.ctkg.loader.AccessLevels;
import org.ctkg.loader.Stores;
import org.ctkg.server.CtkgServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The editor's completions from the server: resources by label through the full-text index,
 * best first and bounded, never from a restricted graph, not even for a reader allowed to see it
 * (a restricted graph gives a public resource a label of its own, and holds a resource whose
 * label matches); and ctkg's vocabulary, read anew when the store changes. Real server, HTTP.
 */
class CompletionTest {
    static final String SECRET = "Zyxwsecret";
    static final Node RESTRICTED = NodeFactory.createURI("https://w3id.org/ctkg/graph/cases-restricted");
    static final String HIDDEN_CASE = "https://w3id.org/ctkg/id/case/palermo-secret";
    static final String HALF_HIDDEN = "https://w3id.org/ctkg/id/test/half-hidden";

    @TempDir
    static Path tmp;
    static CtkgServer server;

    @BeforeAll
    static void start() throws Exception {
        DatasetGraph dsg = Stores.curatedScratch();
        Txn.executeWrite(dsg, () -> {
            RDFParser.fromString("<" + HALF_HIDDEN + "> <http://purl.org/dc/terms/description> \"Palermo lookalike described in public\" .",
                    Lang.TURTLE).parse(StreamRDFLib.graph(dsg.getGraph(NodeFactory.createURI("https://w3id.org/ctkg/graph/test"))));
            RDFParser.fromString("<" + HALF_HIDDEN + "> <http://www.w3.org/2000/01/rdf-schema#label> \"" + SECRET + " label\" .\n"
                    + "<" + HIDDEN_CASE + "> <http://www.w3.org/2000/01/rdf-schema#label> \"Palermo " + SECRET + " case\" .",
                    Lang.TURTLE).parse(StreamRDFLib.graph(dsg.getGraph(RESTRICTED)));
            AccessLevels.apply(dsg, Access.RESTRICTED, false, Set.of(RESTRICTED));
        });
        Path readers = Files.writeString(tmp.resolve("readers"), "alice: alice-pw restricted\n");
        server = CtkgServer.create().port(0).dataset(dsg).readers(readers).writer("writer", "writer-pw").build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static HttpResponse<String> get(String path, String user, String password) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path));
        if (user != null)
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The completions offered for the words, as IRI and label pairs. */
    private static List<List<String>> complete(String words, String user, String password) throws Exception {
        HttpResponse<String> r = get("/ui/data/complete?q=" + URLEncoder.encode(words, StandardCharsets.UTF_8), user, password);
        assertEquals(200, r.statusCode(), r.body());
        assertFalse(r.body().contains(SECRET) || r.body().contains("case/"), "restricted data offered: " + r.body());
        List<List<String>> hits = new ArrayList<>();
        JSON.parse(r.body()).get("hits").getAsArray().forEach(h -> hits.add(List.of(h.getAsObject().get("iri").getAsString().value(),
                h.getAsObject().get("label").getAsString().value())));
        return hits;
    }

    @Test
    void theRestrictedGraphIsThereForItsReader() throws Exception {
        String ask = "ASK { GRAPH <" + RESTRICTED.getURI() + "> { ?s ?p \"Palermo " + SECRET + " case\" } }";
        HttpResponse<String> r = get("/ctkg/sparql?query=" + URLEncoder.encode(ask, StandardCharsets.UTF_8), "alice", "alice-pw");
        assertTrue(r.body().contains("true"), "the reader sees the restricted case, so the completions below could have shown it: " + r.body());
    }

    @Test
    void resourcesAreOfferedByLabelBestFirstAndOnlyFromPublicGraphs() throws Exception {
        for (String[] who : new String[][] {{null, null}, {"alice", "alice-pw"}}) {
            List<List<String>> hits = complete("Palermo", who[0], who[1]);
            assertFalse(hits.isEmpty());
            assertTrue(hits.size() <= ViewData.MAX_HITS);
            assertEquals("https://w3id.org/ctkg/id/instrument/palermo-protocol", hits.get(0).get(0), hits.toString());
            assertEquals("Palermo Protocol", hits.get(0).get(1));
            assertTrue(hits.stream().noneMatch(h -> h.get(0).equals(HALF_HIDDEN) || h.get(0).equals(HIDDEN_CASE)), hits.toString());
            // Found by its public description, the resource has a label only in the restricted graph: offered to nobody.
            assertEquals(List.of(), complete("lookalike", who[0], who[1]));
        }
        assertEquals(List.of(), complete("P", null, null), "too short to complete");
        assertTrue(complete("Palermo ".repeat(40), null, null).size() <= ViewData.MAX_HITS, "long text is cut, not refused");
    }

    @Test
    void theVocabularyFollowsTheStore() throws Exception {
        String term = "https://w3id.org/ctkg/ontology#CompletionTestClass";
        assertFalse(get("/ui/data/vocabulary.json", null, null).body().contains(term));
        String update = "INSERT DATA { GRAPH <https://w3id.org/ctkg/graph/test> { <" + term + "> a <http://www.w3.org/2002/07/owl#Class> ;"
                + " <http://www.w3.org/2000/01/rdf-schema#label> \"completion test class\"@en } }";
        HttpRequest post = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/ctkg/update"))
                .header("Content-Type", "application/sparql-update")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("writer:writer-pw".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(update)).build();
        int status = HttpClient.newHttpClient().send(post, HttpResponse.BodyHandlers.ofString()).statusCode();
        assertTrue(status == 200 || status == 204, "update: " + status);
        String after = get("/ui/data/vocabulary.json", null, null).body();
        assertTrue(after.contains(term) && after.contains("completion test class"), after.length() + " characters");
    }
}
