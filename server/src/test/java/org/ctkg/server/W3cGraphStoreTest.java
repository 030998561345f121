package org.ctkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.tdb2.DatabaseMgr;
import org.ctkg.loader.Stores;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The W3C SPARQL 1.1 Graph Store Protocol tests with indirect graph identification
 * (w3c/rdf-tests sparql/sparql11/graph-store-protocol/manifest-indirect.ttl), each under its W3C
 * name, against {@code /ctkg/data} with a writer's credentials. Response bodies are compared as
 * graphs (isomorphism). Not applicable: {@code post_get_new_graph} (server-minted graph names on a
 * POST to the store: ctkg names graphs after their sources) and the direct-identification manifest
 * (graphs named by their own URL: ctkg's graphs live under the public base, not under the server).
 */
class W3cGraphStoreTest {
    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("w3c:tests".getBytes(StandardCharsets.UTF_8));
    private static final String G1 = "graph=http%3A%2F%2Fwww.example%2Fgsp%2Fperson%2F1.ttl";
    private static final String P = "@prefix foaf: <http://xmlns.com/foaf/0.1/> .\n@prefix v: <http://www.w3.org/2006/vcard/ns#> .\n";
    private static final String JOHN = P + "<http://www.example/gsp/person/1> a foaf:Person; foaf:businessCard [ a v:VCard; v:fn \"John Doe\" ].";
    private static final String JANE = P + "<http://www.example/gsp/person/1> a foaf:Person; foaf:businessCard [ a v:VCard; v:fn \"Jane Doe\" ].";
    private static final String ALICE = P + "[] a foaf:Person; foaf:businessCard [ a v:VCard; v:given-name \"Alice\" ] .";
    private static final String TURTLE = "text/turtle; charset=utf-8";

    /** One request: method, query string, body, Content-Type, the statuses allowed, and the graph the body must be. */
    record Req(String method, String query, String body, String contentType, Set<Integer> status, String expectedGraph) {}

    static Req put(String query, String body, Integer... status) {
        return new Req("PUT", query, body, TURTLE, Set.of(status), null);
    }

    static Req get(String query, String expected) {
        return new Req("GET", query, null, null, Set.of(200), expected);
    }

    @TestFactory
    Stream<DynamicTest> graphStoreTests() {
        List<DynamicTest> tests = new ArrayList<>();
        String multipart = "--a6fe4cd636164618814be9f8d3d1a0de\r\nContent-Disposition: form-data; name=\"lastName.ttl\"; filename=\"lastName.ttl\"\r\n"
                + "Content-Type: text/turtle; charset=utf-8\r\n\r\n@prefix foaf: <http://xmlns.com/foaf/0.1/> .\r\n<http://www.example/gsp/person/1> foaf:familyName \"Doe\" .\r\n\r\n"
                + "--a6fe4cd636164618814be9f8d3d1a0de\r\nContent-Disposition: form-data; name=\"firstName.ttl\"; filename=\"firstName.ttl\"\r\n"
                + "Content-Type: text/turtle; charset=utf-8\r\n\r\n@prefix foaf: <http://xmlns.com/foaf/0.1/> .\r\n<http://www.example/gsp/person/1> foaf:givenName \"Jane\" .\r\n\r\n"
                + "--a6fe4cd636164618814be9f8d3d1a0de--\r\n";
        tests.add(run("put_get_repeat_indirect", put(G1, JOHN, 201), get(G1, JOHN), put(G1, JANE, 200, 204), get(G1, JANE)));
        tests.add(run("put_get_default", put("default", ALICE, 200, 201, 204), get("default", ALICE)));
        String g2 = "graph=http%3A%2F%2Fwww.example%2Fgsp%2Fperson%2F2.ttl";
        tests.add(run("put_delete_get_delete_indirect", put(g2, ALICE, 200, 201, 204),
                new Req("DELETE", g2, null, null, Set.of(200, 204), null),
                new Req("GET", g2, null, null, Set.of(404), null),
                new Req("DELETE", g2, null, null, Set.of(404, 200, 204), null)));
        tests.add(run("post_get_post_get_indirect",
                new Req("POST", G1, JANE, TURTLE, Set.of(200, 201, 204), null), get(G1, JANE),
                new Req("POST", G1, multipart, "multipart/form-data; boundary=a6fe4cd636164618814be9f8d3d1a0de", Set.of(200, 204), null),
                get(G1, P + "<http://www.example/gsp/person/1> a foaf:Person; foaf:givenName \"Jane\"; foaf:familyName \"Doe\"; foaf:businessCard [ a v:VCard; v:fn \"Jane Doe\" ] .")));
        tests.add(run("head_existing_indirect", put(G1, JOHN, 200, 201, 204), new Req("HEAD", G1, null, null, Set.of(200), null)));
        tests.add(run("head_non_existing_indirect", new Req("HEAD", "graph=http%3A%2F%2Fwww.example%2Fgsp%2Fperson%2F4.ttl", null, null, Set.of(404), null)));
        tests.add(run("put_get_uri_pct_encoded_indirect", put(G1, JOHN, 201), get("graph=http://www.example/gsp/person/1.ttl", JOHN)));
        tests.add(run("put_get_uri_pct_encoded_twice", put("graph=http://www.example/gsp/person/1.ttl", JOHN, 201),
                get("graph=http://www.example/gsp/person/%31.ttl", JOHN),
                new Req("GET", "graph=http://www.example/gsp/person/%2531.ttl", null, null, Set.of(404), null)));
        return tests.stream();
    }

    private static DynamicTest run(String name, Req... requests) {
        return DynamicTest.dynamicTest(name, () -> {
            DatasetGraph dsg = DatabaseMgr.createDatasetGraph();
            Stores.unionDefaultGraph(dsg);
            CtkgServer server = CtkgServer.create().port(0).dataset(dsg).writer("w3c", "tests").build().start();
            try {
                int i = 0;
                for (Req r : requests)
                    check(name + " request " + (++i), server, r);
            } finally {
                server.stop();
            }
        });
    }

    private static void check(String name, CtkgServer server, Req r) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/ctkg/data?" + r.query()))
                .method(r.method(), r.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(r.body()))
                .header("Authorization", AUTH)
                .header("Accept", "text/turtle");
        if (r.contentType() != null)
            b.header("Content-Type", r.contentType());
        HttpResponse<byte[]> resp = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertTrue(r.status().contains(resp.statusCode()), name + ": status " + resp.statusCode() + " not in " + r.status()
                   + ": " + new String(resp.body(), StandardCharsets.UTF_8));
        if (r.method().equals("HEAD") && resp.statusCode() == 200)
            assertTrue(resp.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"), name + ": content type");
        if (r.expectedGraph() == null)
            return;
        assertTrue(resp.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"), name + ": content type");
        Graph expected = GraphFactory.createDefaultGraph();
        RDFParser.fromString(r.expectedGraph(), Lang.TURTLE).parse(expected);
        Graph actual = GraphFactory.createDefaultGraph();
        RDFParser.source(new ByteArrayInputStream(resp.body())).lang(Lang.TURTLE).parse(actual);
        assertTrue(expected.isIsomorphicWith(actual), name + ": graph differs, got:\n" + new String(resp.body(), StandardCharsets.UTF_8));
        assertEquals(expected.size(), actual.size());
    }
}
