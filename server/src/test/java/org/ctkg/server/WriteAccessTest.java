package org.ctkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.ctkg.loader.Stores;
import org.ctkg.testkit.SparqlHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Writes need credentials; without writers configured the server is read-only; reads stay open. */
class WriteAccessTest {
    /** A new client per request: a pooled connection that the server closed after an error answer would fail the next request. */
    private static HttpClient http() {
        return HttpClient.newHttpClient();
    }
    private static final Node G = NodeFactory.createURI("urn:test:g");
    private static final String INSERT = "INSERT DATA { GRAPH <urn:test:g> { <urn:test:a> <urn:test:b> \"c\" } }";

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> send(String method, String url, String contentType, String body, String auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null)
            b.header("Content-Type", contentType);
        if (auth != null)
            b.header("Authorization", auth);
        return http().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long size(DatasetGraph dsg, Node g) {
        return Txn.calculateRead(dsg, () -> dsg.stream(g, Node.ANY, Node.ANY, Node.ANY).count());
    }

    private static long total(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> dsg.stream().count());
    }

    @ParameterizedTest(name = "{0} {1} as {2}")
    @CsvSource({
        "POST,   /ctkg/update,              -,             401",
        "POST,   /ctkg/update,              wrong,         401",
        "PUT,    /ctkg/data?graph=urn:test:g, -,           401",
        "POST,   /ctkg/data?graph=urn:test:g, -,           401",
        "DELETE, /ctkg/data?graph=urn:test:g, -,           401",
        "PUT,    /ctkg/data?graph=urn:test:g, wrong,       401",
        "POST,   /ctkg/sparql,              -,             415",
        "PUT,    /ctkg?graph=urn:test:g,     -,            405",
    })
    void writesWithoutGoodCredentialsAreRefusedAndChangeNothing(String method, String path, String who, int status) throws Exception {
        DatasetGraph dsg = Stores.curatedScratch();
        CtkgServer server = CtkgServer.create().port(0).dataset(dsg).writer("alice", "s3cret").build().start();
        try {
            long before = total(dsg);
            boolean update = path.endsWith("/update") || path.endsWith("/sparql");
            HttpResponse<String> r = send(method, server.baseUrl() + path,
                    update ? (path.endsWith("/sparql") ? "application/sparql-update" : "application/x-www-form-urlencoded") : "text/turtle",
                    update ? (path.endsWith("/sparql") ? INSERT : "update=" + java.net.URLEncoder.encode(INSERT, StandardCharsets.UTF_8))
                           : "<urn:test:x> <urn:test:y> <urn:test:z> .",
                    who.equals("wrong") ? basic("alice", "guess") : null);
            assertEquals(status, r.statusCode(), r.body());
            assertEquals(before, total(dsg), "the data changed");
        } finally {
            server.stop();
        }
    }

    @Test
    void writersWriteAndEveryoneReads() throws Exception {
        DatasetGraph dsg = Stores.curatedScratch();
        CtkgServer server = CtkgServer.create().port(0).dataset(dsg).writer("alice", "s3cret").build().start();
        try {
            String auth = basic("alice", "s3cret");
            HttpResponse<String> update = send("POST", server.baseUrl() + "/ctkg/update", "application/sparql-update", INSERT, auth);
            assertTrue(update.statusCode() == 200 || update.statusCode() == 204, "update answered " + update.statusCode());
            assertEquals(1, size(dsg, G));
            HttpResponse<String> put = send("PUT", server.baseUrl() + "/ctkg/data?graph=urn:test:g", "text/turtle",
                    "<urn:test:x> <urn:test:y> <urn:test:z> . <urn:test:x> <urn:test:y> <urn:test:w> .", auth);
            assertTrue(put.statusCode() == 200 || put.statusCode() == 201 || put.statusCode() == 204, "PUT " + put.statusCode());
            assertEquals(2, size(dsg, G));
            HttpResponse<String> get = send("GET", server.baseUrl() + "/ctkg/data?graph=urn:test:g", null, null, null);
            assertEquals(200, get.statusCode());
            assertTrue(get.body().contains("urn:test:w"));
            assertEquals(java.util.List.of(java.util.List.of("urn:test:x")),
                         SparqlHttp.select(server.sparqlUrl(), "SELECT DISTINCT ?s { GRAPH <urn:test:g> { ?s ?p ?o } }"));
        } finally {
            server.stop();
        }
    }

    @Test
    void withoutWritersTheServerIsReadOnly() throws Exception {
        DatasetGraph dsg = Stores.curatedScratch();
        CtkgServer server = CtkgServer.create().port(0).dataset(dsg).build().start();
        try {
            long before = total(dsg);
            assertEquals(403, send("POST", server.baseUrl() + "/ctkg/update", "application/sparql-update", INSERT, null).statusCode());
            assertEquals(403, send("POST", server.baseUrl() + "/ctkg/update", "application/sparql-update", INSERT, basic("alice", "s3cret")).statusCode());
            assertEquals(403, send("PUT", server.baseUrl() + "/ctkg/data?graph=urn:test:g", "text/turtle", "<urn:test:x> <urn:test:y> <urn:test:z> .", null).statusCode());
            assertEquals(403, send("POST", server.baseUrl() + "/ctkg/data?graph=urn:test:g", "text/turtle", "<urn:test:x> <urn:test:y> <urn:test:z> .", null).statusCode());
            assertEquals(403, send("DELETE", server.baseUrl() + "/ctkg/data?graph=urn:test:g", null, null, null).statusCode());
            assertEquals(200, send("GET", server.baseUrl() + "/ctkg/data?graph=https://w3id.org/ctkg/graph/vocabulary", null, null, null).statusCode());
            assertEquals(before, total(dsg));
        } finally {
            server.stop();
        }
    }

    @Test
    void aPasswordFileConfiguresWriters(@TempDir Path tmp) throws Exception {
        Path passwd = tmp.resolve("passwd");
        Files.writeString(passwd, "bob: hunter2\n");
        DatasetGraph dsg = Stores.curatedScratch();
        CtkgServer server = CtkgServer.create().port(0).dataset(dsg).passwordFile(passwd).build().start();
        try {
            assertEquals(401, send("POST", server.baseUrl() + "/ctkg/update", "application/sparql-update", INSERT, null).statusCode());
            int status = send("POST", server.baseUrl() + "/ctkg/update", "application/sparql-update", INSERT, basic("bob", "hunter2")).statusCode();
            assertTrue(status == 200 || status == 204, "update answered " + status);
            assertEquals(1, size(dsg, G));
        } finally {
            server.stop();
        }
    }

    @Test
    void healthAndMetricsAnswer() throws Exception {
        CtkgServer server = CtkgServer.create().port(0).dataset(Stores.curatedScratch()).build().start();
        try {
            assertEquals(200, send("GET", server.baseUrl() + "/$/ping", null, null, null).statusCode());
            HttpResponse<String> metrics = send("GET", server.baseUrl() + "/$/metrics", null, null, null);
            assertEquals(200, metrics.statusCode());
            assertTrue(metrics.body().contains("# TYPE"), "Prometheus text format");
        } finally {
            server.stop();
        }
    }
}
