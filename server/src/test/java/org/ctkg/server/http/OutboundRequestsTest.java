package org.ctkg.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.ctkg.server.CtkgServer;
import org.ctkg.testkit.RecordingListener;
import org.ctkg.testkit.SparqlHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No request leaves the server on a caller's behalf unless the operator allowed its target: a
 * listener on loopback stands for an internal host and records every request it gets; whatever
 * the route (SERVICE in any position, a variable endpoint, LOAD, a JSON-LD upload or live load
 * whose @context names the listener), it records none, the caller gets a 4xx with a reason and no
 * internals, and the data is unchanged. With the listener allowed, SERVICE reaches it, capped.
 */
class OutboundRequestsTest {
    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8));
    private RecordingListener listener;
    private DatasetGraph data;
    private CtkgServer server;
    private long quadsBefore;

    @BeforeEach
    void start() throws Exception {
        listener = new RecordingListener();
        data = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(data, () -> data.add(Quad.defaultGraphIRI, NodeFactory.createURI("urn:test:s"), RDF.Nodes.type, NodeFactory.createURI("urn:test:T")));
        quadsBefore = quads();
        server = CtkgServer.create().port(0).dataset(data).writer("alice", "s3cret").build().start();
    }

    @AfterEach
    void stop() {
        server.stop();
        listener.close();
    }

    private long quads() {
        return Txn.calculateRead(data, () -> data.stream().count());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> queryByGet(String query) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(server.sparqlUrl() + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .header("Accept", "application/sparql-results+json"));
    }

    private HttpResponse<String> queryByPost(String query) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(server.sparqlUrl()))
                .header("Content-Type", "application/sparql-query").header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString(query)));
    }

    private HttpResponse<String> asWriter(String method, String path, String contentType, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).header("Content-Type", contentType)
                .header("Authorization", AUTH).method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The caller was refused with a reason, nothing reached the listener, and the data is as it was. */
    private void assertRefused(HttpResponse<String> r, int status, String reason) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.body().contains(reason), r.body());
        assertNoInternals(r.body());
        assertEquals(List.of(), listener.requests(), "requests that reached the listener");
        assertEquals(quadsBefore, quads(), "quads in the store");
    }

    private static void assertNoInternals(String body) {
        for (String internal : new String[] {"Exception", "\tat ", "org.apache.", "org.ctkg.", "java."})
            assertFalse(body.contains(internal), "internals (" + internal + ") in: " + body);
    }

    private String probe() {
        return "SELECT * { SERVICE <" + listener.url() + "/sparql> { ?s ?p ?o } }";
    }

    @Test
    void theServiceProbeByGetIsRefusedBeforeAnyConnection() throws Exception {
        assertRefused(queryByGet(probe()), 400, "federated queries (SERVICE) are not allowed on this server");
    }

    @Test
    void theServiceProbeByPostIsRefusedBeforeAnyConnection() throws Exception {
        assertRefused(queryByPost(probe()), 400, "federated queries (SERVICE) are not allowed on this server");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT * { { SELECT ?s { SERVICE <LISTENER/sparql> { ?s ?p ?o } } } }",
        "SELECT * { ?s a ?t OPTIONAL { SERVICE <LISTENER/sparql> { ?s ?p ?o } } } LIMIT 3",
        "SELECT * { { ?s a ?t } UNION { SERVICE <LISTENER/sparql> { ?s ?p ?o } } }",
        "SELECT * { VALUES ?x { <LISTENER/sparql> } SERVICE ?x { ?s ?p ?o } }",
        "SELECT * { BIND(IRI(CONCAT(\"LISTENER\", \"/sparql\")) AS ?x) SERVICE ?x { ?s ?p ?o } }",
        "SELECT * { ?s a ?t FILTER EXISTS { SERVICE <LISTENER/sparql> { ?s ?p ?o } } } LIMIT 3",
        "SELECT * { SERVICE SILENT <LISTENER/sparql> { ?s ?p ?o } }",
        "ASK { SERVICE <LISTENER/sparql> { ?s ?p ?o } }",
        "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <LISTENER/sparql> { ?s ?p ?o } }",
    })
    void serviceAnywhereInAQueryIsRefused(String query) throws Exception {
        String q = query.replace("LISTENER", listener.url());
        HttpResponse<String> r = queryByPost(q);
        assertRefused(r, 400, "federated queries (SERVICE) are not allowed on this server");
    }

    @Test
    void aDatasetDescriptionNamingTheListenerFetchesNothing() throws Exception {
        HttpResponse<String> r = queryByPost("SELECT * FROM <" + listener.url() + "/data.ttl> { ?s ?p ?o } LIMIT 1");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(List.of(), listener.requests());
    }

    @Test
    void loadFromAUrlByAWriterIsRefused() throws Exception {
        HttpResponse<String> r = asWriter("POST", "/ctkg/update", "application/sparql-update", "LOAD <" + listener.url() + "/data.ttl>");
        assertRefused(r, 400, "LOAD from a URL are not allowed on this server");
    }

    @Test
    void loadFromAFileByAWriterIsRefused() throws Exception {
        HttpResponse<String> r = asWriter("POST", "/ctkg/update", "application/sparql-update", "LOAD <file:///etc/hostname> INTO GRAPH <urn:test:g>");
        assertRefused(r, 400, "LOAD <file:///etc/hostname>");
    }

    private String jsonLdNamingTheListener() {
        return "{\"@context\": \"" + listener.url() + "/context.jsonld\", \"@id\": \"urn:test:a\", \"name\": \"A\"}";
    }

    @Test
    void aJsonLdGraphStoreUploadWithARemoteContextIsRefused() throws Exception {
        HttpResponse<String> r = asWriter("PUT", "/ctkg/data?graph=urn:test:g", "application/ld+json", jsonLdNamingTheListener());
        assertRefused(r, 400, "the remote JSON-LD context <" + listener.url() + "/context.jsonld> is not fetched");
    }

    @Test
    void aJsonLdLiveLoadWithARemoteContextIsRefused() throws Exception {
        HttpResponse<String> r = asWriter("POST", CtkgServer.LOAD_PATH + "?graph=urn:test:g&name=a.jsonld", "application/ld+json", jsonLdNamingTheListener());
        assertRefused(r, 400, "the remote JSON-LD context <" + listener.url() + "/context.jsonld> is not fetched");
        assertTrue(r.body().contains("\"exitCode\":2") || r.body().contains("\"exit\":2"), r.body());
    }

    @Test
    void ctkgsOwnContextResolvesLocally() throws Exception {
        String doc = "{\"@context\": \"https://w3id.org/ctkg/context.jsonld\", \"@id\": \"urn:test:a\", \"label\": \"A\"}";
        HttpResponse<String> r = asWriter("PUT", "/ctkg/data?graph=urn:test:g", "application/ld+json", doc);
        assertEquals(201, r.statusCode(), r.body());
        assertEquals(List.of("urn:test:a"), SparqlHttp.select(server.sparqlUrl(),
                "SELECT ?s { GRAPH <urn:test:g> { ?s <http://www.w3.org/2000/01/rdf-schema#label> \"A\" } }").stream().map(row -> row.get(0)).toList());
    }

    @Test
    void anAllowedServiceAnswersWithinTheRowCap() throws Exception {
        server.stop();
        server = CtkgServer.create().port(0).dataset(data).maxRows(7).allowService(listener.url() + "/sparql").build().start();
        List<List<String>> rows = SparqlHttp.select(server.sparqlUrl(), probe());
        assertEquals(List.of(List.of(RecordingListener.ANSWER, "-", "-")), rows);
        List<String> requests = listener.requests();
        assertEquals(1, requests.size(), requests.toString());
        assertTrue(URLDecoder.decode(requests.get(0), StandardCharsets.UTF_8).contains("LIMIT   7"), requests.get(0));
        assertEquals(quadsBefore, quads());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/sparql2", "/other", ":1/sparql"})
    void anEndpointOutsideTheAllowedPrefixIsRefused(String path) throws Exception {
        server.stop();
        server = CtkgServer.create().port(0).dataset(data).allowService(listener.url() + "/sparql").build().start();
        HttpResponse<String> r = queryByPost("SELECT * { SERVICE <" + listener.url() + path + "> { ?s ?p ?o } }");
        assertRefused(r, 400, "is not allowed on this server: it is not under any endpoint the operator allowed");
    }

    @Test
    void aVariableEndpointBoundOutsideTheAllowedPrefixIsRefusedWhenBound() throws Exception {
        server.stop();
        server = CtkgServer.create().port(0).dataset(data).allowService(listener.url() + "/sparql").build().start();
        HttpResponse<String> r = queryByPost("SELECT * { VALUES ?x { <" + listener.url() + "/other> } SERVICE ?x { ?s ?p ?o } }");
        assertRefused(r, 400, "SERVICE <" + listener.url() + "/other> is not allowed on this server");
    }

    @Test
    void anAllowedServiceMustBeAPlainHttpUrl() {
        for (String bad : new String[] {"file:///etc/", "http://user:pw@host/sparql", "127.0.0.1:8080", "gopher://host/"})
            assertThrows(IllegalArgumentException.class, () -> CtkgServer.create().allowService(bad), bad);
    }

    @Test
    void anEndpointWithUserInformationIsRefusedEvenUnderAnAllowedPrefix() throws Exception {
        server.stop();
        server = CtkgServer.create().port(0).dataset(data).allowService("http://127.0.0.1").build().start();
        String port = listener.url().substring(listener.url().lastIndexOf(':'));
        HttpResponse<String> r = queryByPost("SELECT * { SERVICE <http://127.0.0.1@127.0.0.1" + port + "/sparql> { ?s ?p ?o } }");
        assertRefused(r, 400, "is not allowed on this server");
    }
}
