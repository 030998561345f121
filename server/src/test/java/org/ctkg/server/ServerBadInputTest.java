package org.ctkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.ctkg.loader.Stores;
import org.ctkg.testkit.RecordingListener;
import org.ctkg.testkit.ServedData;
import org.ctkg.testkit.SparqlHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The server's half of the bad-input corpus: malformed queries, updates, uploads, load jobs and
 * page requests, sent with a writer's credentials so that they reach the parsers. Each gets its
 * expected status and a message that says what is wrong (line and column where there is one), no
 * internals (stack traces, class names, versions), and the data stays exactly as it was.
 * External XML entities are not read at all ({@link #externalXmlEntitiesAreNeitherReadNorFetched}).
 */
class ServerBadInputTest {
    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8));
    private static final Pattern INTERNALS = Pattern.compile("\\tat |\\bat org\\.|Exception|org\\.apache\\.|org\\.eclipse\\.|Jetty|jetty");
    private static final String GRAPH = "?graph=" + URLEncoder.encode("https://w3id.org/ctkg/graph/bad", StandardCharsets.UTF_8);
    private static CtkgServer server;
    private static ServedData before;

    /** One bad request: what is sent, and the status and message expected. */
    record Case(String name, String method, String path, String contentType, byte[] body, int status, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case c(String name, String method, String path, String contentType, String body, int status, String message) {
        return new Case(name, method, path, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8), status, message);
    }

    private static String form(String key, String value) {
        return key + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static Stream<Case> corpus() throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write("<urn:a> <urn:b> <urn:c> .\n".repeat(100).getBytes(StandardCharsets.UTF_8));
        }
        byte[] truncatedGzip = java.util.Arrays.copyOf(gz.toByteArray(), gz.size() / 2);
        String form = "application/x-www-form-urlencoded";
        String laughs = billionLaughs();
        return Stream.of(
            c("query: syntax error", "POST", "/ctkg/sparql", "application/sparql-query", "SELECT ?s WHERE { ?s ?p }", 400, "line 1, column"),
            c("query: unknown prefix", "POST", "/ctkg/sparql", "application/sparql-query", "SELECT ?s WHERE { ?s nope:p ?o }", 400, "nope:p"),
            c("query: empty", "POST", "/ctkg/sparql", "application/sparql-query", "", 400, "query"),
            c("query: form without a query", "POST", "/ctkg/sparql", form, form("other", "x"), 400, "query"),
            c("query: an update sent as a query", "POST", "/ctkg/sparql", "application/sparql-query", "INSERT DATA { <urn:a> <urn:b> <urn:c> }", 400, "line 1, column 1"),
            c("query: bad IRI", "POST", "/ctkg/sparql", "application/sparql-query", "SELECT * WHERE { <http://ex ample/> ?p ?o }", 400, "line 1, column"),
            c("query: unsupported body type", "POST", "/ctkg/sparql", "text/plain", "SELECT * WHERE { ?s ?p ?o }", 415, ""),
            c("update: syntax error", "POST", "/ctkg/update", "application/sparql-update", "INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> } }", 400, "line 1, column"),
            c("update: a query sent as an update", "POST", "/ctkg/update", "application/sparql-update", "SELECT * WHERE { ?s ?p ?o }", 400, "line 1, column 1"),
            c("update: form without an update", "POST", "/ctkg/update", form, form("query", "SELECT * {}"), 400, "update"),
            c("update: variables in INSERT DATA", "POST", "/ctkg/update", "application/sparql-update", "INSERT DATA { GRAPH <urn:g> { ?s <urn:b> <urn:c> } }", 400, "Variables not permitted in data"),
            c("update: by GET", "GET", "/ctkg/update?update=" + URLEncoder.encode("CLEAR ALL", StandardCharsets.UTF_8), null, null, 405, ""),
            c("graph store: Turtle syntax error", "PUT", "/ctkg/data" + GRAPH, "text/turtle", "<urn:a> <urn:b> <urn:c>\n<urn:d> <urn:e> .\n", 400, "line: 2"),
            c("graph store: bad IRI in N-Triples", "POST", "/ctkg/data" + GRAPH, "application/n-triples", "<urn:a> <urn:b> <http://ex ample/> .\n", 400, "line: 1"),
            c("graph store: truncated JSON-LD", "PUT", "/ctkg/data" + GRAPH, "application/ld+json", "{\"@id\": \"urn:a\", \"urn:b\": ", 400, ""),
            c("graph store: malformed RDF/XML", "PUT", "/ctkg/data" + GRAPH, "application/rdf+xml", "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description>", 400, "line: 1"),
            c("graph store: RDF/XML billion laughs (entities of entities)", "PUT", "/ctkg/data" + GRAPH, "application/rdf+xml", laughs, 400, "entity expansions"),
            c("graph store: unknown content type", "PUT", "/ctkg/data" + GRAPH, "application/x-unknown", "<urn:a> <urn:b> <urn:c> .", 400, "Unknown content type"),
            c("graph store: quads into one graph", "PUT", "/ctkg/data" + GRAPH, "application/n-quads", "<urn:a> <urn:b> <urn:c> <urn:g> .\n", 400, "cannot go into one graph"),
            c("graph store: a graph that is not there", "GET", "/ctkg/data?graph=" + URLEncoder.encode("https://w3id.org/ctkg/graph/none", StandardCharsets.UTF_8), null, null, 404, ""),
            c("load: Turtle syntax error", "POST", CtkgServer.LOAD_PATH + GRAPH + "&name=bad.ttl", "text/turtle", "<urn:a> <urn:b> \"c .\n", 400, "bad.ttl"),
            c("load: SHACL violation", "POST", CtkgServer.LOAD_PATH + GRAPH + "&name=shapes.ttl", "text/turtle",
                "<https://w3id.org/ctkg/id/organization/x> a <https://w3id.org/ctkg/ontology#Organization> .\n", 422,
                "<https://w3id.org/ctkg/id/organization/x> <http://www.w3.org/2000/01/rdf-schema#label>: needs a non-empty rdfs:label"),
            c("load: RDF/XML billion laughs", "POST", CtkgServer.LOAD_PATH + GRAPH + "&name=laughs.rdf", "application/rdf+xml", laughs, 400, "laughs.rdf"),
            c("load: not a zip", "POST", CtkgServer.LOAD_PATH + GRAPH, "application/zip", "PK no zip at all", 400, ""),
            c("load: an upload without a name or type", "POST", CtkgServer.LOAD_PATH + GRAPH, "application/octet-stream", "<urn:a> <urn:b> <urn:c> .", 400, ""),
            new Case("load: truncated gzip", "POST", CtkgServer.LOAD_PATH + GRAPH + "&name=cut.nt.gz", "application/gzip", truncatedGzip, 400, "cut.nt"),
            c("page: a resource that is not there", "GET", "/id/organization/nobody-at-all", null, null, 404, "nobody-at-all"),
            c("page: a path of 20,000 characters", "GET", "/id/organization/" + "x".repeat(20_000), null, null, 414, ""),
            c("page: path traversal", "GET", "/ui/..%2f..%2fpom.xml", null, null, 400, ""),
            c("graph store: a parameter with an invalid UTF-8 sequence", "GET", "/ctkg/data?graph=urn:g%c3%28", null, null, 400, "percent-encoded UTF-8"),
            c("graph store: a parameter that is not UTF-8", "PUT", "/ctkg/data?graph=urn:g%ff", "text/turtle", "<urn:a> <urn:b> <urn:c> .", 400, "percent-encoded UTF-8"),
            c("load: a parameter with a truncated UTF-8 escape", "POST", CtkgServer.LOAD_PATH + "?graph=urn:g%e2%82&name=a.ttl", "text/turtle", "<urn:a> <urn:b> <urn:c> .", 400, "percent-encoded UTF-8"),
            c("page: search for a parameter that is not UTF-8", "GET", "/search?q=%ff", null, null, 400, "percent-encoded UTF-8"),
            c("page: a truncated escape", "GET", "/id/organization/nobody-at-all?format=%e2%82", null, null, 400, "percent-encoded UTF-8")
        );
    }

    /** An RDF/XML document whose one entity expands, through nine levels of ten, to a billion "lol"s. */
    static String billionLaughs() {
        StringBuilder doc = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE rdf:RDF [\n<!ENTITY l0 \"lol\">\n");
        for (int i = 1; i < 10; i++)
            doc.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">\n");
        return doc.append("]>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:ex=\"urn:ex:\">\n"
                + "<rdf:Description rdf:about=\"urn:a\"><ex:p>&l9;</ex:p></rdf:Description></rdf:RDF>\n").toString();
    }

    @BeforeAll
    static void start() throws Exception {
        server = CtkgServer.create().port(0).dataset(Stores.curatedScratch()).writer("alice", "s3cret").build().start();
        before = ServedData.of(server.baseUrl() + "/" + CtkgServer.DATASET + "/data", server.dataset());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }


    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void aBadRequestGetsAClearAnswerAndChangesNothing(Case bad) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + bad.path()))
                .method(bad.method(), bad.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bad.body()))
                .header("Authorization", AUTH);
        if (bad.contentType() != null)
            b.header("Content-Type", bad.contentType());
        HttpResponse<String> r = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()
                .send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(bad.status(), r.statusCode(), r.body());
        assertTrue(r.body().contains(bad.message()), "the answer says what is wrong (" + bad.message() + "): " + r.body());
        assertFalse(INTERNALS.matcher(r.body()).find(), "no internals in the answer: " + r.body());
        before.assertUnchanged("the data is unchanged");
    }

    /**
     * RDF/XML naming a file of the server and a listener on loopback as external entities (a
     * general entity, a parameter entity, an external DTD): nothing is fetched, the file's content
     * is not stored, and what the document says besides is stored without it.
     */
    @Test
    void externalXmlEntitiesAreNeitherReadNorFetched(@TempDir Path tmp) throws Exception {
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "the-server-secret");
        try (RecordingListener listener = new RecordingListener()) {
            String rdf = "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:ex=\"urn:ex:\">"
                    + "<rdf:Description rdf:about=\"urn:xxe\"><ex:p>[&file;][&remote;]</ex:p></rdf:Description></rdf:RDF>";
            List<String> documents = List.of(
                    "<?xml version=\"1.0\"?><!DOCTYPE rdf:RDF [<!ENTITY file SYSTEM \"" + secret.toUri() + "\"><!ENTITY remote SYSTEM \""
                            + listener.url() + "/entity\">]>" + rdf,
                    "<?xml version=\"1.0\"?><!DOCTYPE rdf:RDF [<!ENTITY % dtd SYSTEM \"" + listener.url() + "/dtd\"> %dtd;]>"
                            + rdf.replace("[&file;][&remote;]", "[]"),
                    "<?xml version=\"1.0\"?><!DOCTYPE rdf:RDF SYSTEM \"" + listener.url() + "/external.dtd\">" + rdf.replace("[&file;][&remote;]", "[]"));
            String graph = "/ctkg/data?graph=" + URLEncoder.encode("urn:test:xxe", StandardCharsets.UTF_8);
            for (String doc : documents) {
                HttpResponse<String> put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + graph))
                        .header("Authorization", AUTH).header("Content-Type", "application/rdf+xml").PUT(HttpRequest.BodyPublishers.ofString(doc)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertTrue(put.statusCode() == 200 || put.statusCode() == 201 || put.statusCode() == 400, put.statusCode() + ": " + put.body());
                assertFalse(INTERNALS.matcher(put.body()).find(), put.body());
                String stored = SparqlHttp.select(server.sparqlUrl(), "SELECT ?o { GRAPH <urn:test:xxe> { ?s ?p ?o } }").toString();
                assertFalse(stored.contains("the-server-secret"), "the file's content was stored: " + stored);
                assertTrue(put.statusCode() == 400 || stored.equals("[[[][]]]") || stored.equals("[[[]]]"), "the rest is stored: " + stored);
                HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + graph)).header("Authorization", AUTH).DELETE().build(),
                        HttpResponse.BodyHandlers.ofString());
            }
            assertEquals(List.of(), listener.requests(), "nothing was fetched");
        }
        before.assertUnchanged("the data is as it was");
    }
}
