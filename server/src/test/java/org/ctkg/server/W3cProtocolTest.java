package org.ctkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.stream.Stream;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.ctkg.loader.Stores;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The W3C SPARQL 1.1 Protocol tests (w3c/rdf-tests sparql/sparql11/protocol), each under its W3C
 * name, against ctkg's authenticated configuration. The suite's single {@code /sparql/} service is
 * mapped onto ctkg's {@code /ctkg/sparql} (query) and {@code /ctkg/update} (update, with a writer's
 * credentials). Each test gets a fresh server whose named graphs are the suite's data1–data3.
 */
class W3cProtocolTest {
    private static final String D = "http%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2F";
    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("w3c:tests".getBytes(StandardCharsets.UTF_8));

    /** One request of a test and what its answer must be. */
    record Req(String method, boolean update, String query, String contentType, byte[] body,
               int statusClass, String format, Boolean bool) {}

    static Req q(String method, String query, String contentType, String body, int status, String format, Boolean bool) {
        return new Req(method, false, query, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8), status, format, bool);
    }

    static Req u(String method, String query, String contentType, String body, int status) {
        return new Req(method, true, query, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8), status, null, null);
    }

    static final String FORM = "application/x-www-form-urlencoded";
    static final String QUERY = "application/sparql-query";
    static final String UPDATE = "application/sparql-update";
    static final String DATA = "PREFIX dc: <http://purl.org/dc/terms/>\nPREFIX foaf: <http://xmlns.com/foaf/0.1/>\n";
    static final String INSERT3 = "INSERT DATA {\n"
            + " GRAPH <http://kasei.us/2009/09/sparql/data/data1.rdf> { <http://kasei.us/2009/09/sparql/data/data1.rdf> a foaf:Document }\n"
            + " GRAPH <http://kasei.us/2009/09/sparql/data/data2.rdf> { <http://kasei.us/2009/09/sparql/data/data2.rdf> a foaf:Document }\n"
            + " GRAPH <http://kasei.us/2009/09/sparql/data/data3.rdf> { <http://kasei.us/2009/09/sparql/data/data3.rdf> a foaf:Document }\n} ;\n";

    @TestFactory
    Stream<DynamicTest> protocolTests() {
        List<DynamicTest> tests = new ArrayList<>();
        add(tests, "query_post_form", q("POST", "default-graph-uri=" + D + "data0.rdf", FORM, "query=ASK%20%7B%7D", 2, "boolean", true));
        add(tests, "query_dataset_default_graphs_get", q("GET", "query=ASK%20%7B%20%3Chttp%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata1.rdf%3E%20a%20%3Ftype%20.%20%3Chttp%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata2.rdf%3E%20a%20%3Ftype%20.%20%7D&default-graph-uri=" + D + "data1.rdf&default-graph-uri=" + D + "data2.rdf", null, null, 2, "boolean", true));
        add(tests, "query_dataset_default_graphs_post", q("POST", "default-graph-uri=" + D + "data1.rdf&default-graph-uri=" + D + "data2.rdf", QUERY,
                "ASK { <http://kasei.us/2009/09/sparql/data/data1.rdf> a ?type . <http://kasei.us/2009/09/sparql/data/data2.rdf> a ?type . }", 2, "boolean", true));
        add(tests, "query_dataset_named_graphs_post", q("POST", "named-graph-uri=" + D + "data1.rdf&named-graph-uri=" + D + "data2.rdf", QUERY,
                "ASK { GRAPH ?g1 { <http://kasei.us/2009/09/sparql/data/data1.rdf> a ?type } GRAPH ?g2 { <http://kasei.us/2009/09/sparql/data/data2.rdf> a ?type } }", 2, "boolean", true));
        add(tests, "query_dataset_named_graphs_get", q("GET", "query=ASK%20%7B%20GRAPH%20%3Fg1%20%7B%20%3Chttp%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata1.rdf%3E%20a%20%3Ftype%20%7D%20GRAPH%20%3Fg2%20%7B%20%3Chttp%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata2.rdf%3E%20a%20%3Ftype%20%7D%20%7D&named-graph-uri=" + D + "data1.rdf&named-graph-uri=" + D + "data2.rdf", null, null, 2, "boolean", true));
        add(tests, "query_dataset_full", q("POST", "default-graph-uri=" + D + "data3.rdf&named-graph-uri=" + D + "data1.rdf&named-graph-uri=" + D + "data2.rdf", QUERY,
                "ASK {\n  <http://kasei.us/2009/09/sparql/data/data3.rdf> a ?type\n  GRAPH ?g1 { <http://kasei.us/2009/09/sparql/data/data1.rdf> a ?type }\n  GRAPH ?g2 { <http://kasei.us/2009/09/sparql/data/data2.rdf> a ?type }\n}", 2, "boolean", true));
        // The manifest percent-encodes the '&' between the two named-graph-uri parameters (%26 ... %3D), which makes
        // them one parameter naming one odd graph, yet expects true; we send the two parameters the test intends.
        add(tests, "query_multiple_dataset", q("POST", "named-graph-uri=" + D + "data1.rdf&named-graph-uri=" + D + "data2.rdf", QUERY,
                "ASK FROM <http://kasei.us/2009/09/sparql/data/data3.rdf> { GRAPH ?g1 { <http://kasei.us/2009/09/sparql/data/data1.rdf> a ?type } GRAPH ?g2 { <http://kasei.us/2009/09/sparql/data/data2.rdf> a ?type } }", 2, "boolean", true));
        add(tests, "query_get", q("GET", "query=ASK%20%7B%7D&default-graph-uri=" + D + "data0.rdf", null, null, 2, "boolean", true));
        add(tests, "query_content_type_select", q("POST", "default-graph-uri=" + D + "data0.rdf", QUERY, "SELECT (1 AS ?value) {}", 2, "tabular", null));
        add(tests, "query_content_type_ask", q("POST", "default-graph-uri=" + D + "data0.rdf", QUERY, "ASK {}", 2, "boolean", null));
        add(tests, "query_content_type_describe", q("POST", "default-graph-uri=" + D + "data0.rdf", QUERY, "DESCRIBE <http://example.org/>", 2, "RDF", null));
        add(tests, "query_content_type_construct", q("POST", "default-graph-uri=" + D + "data0.rdf", QUERY, "CONSTRUCT { <s> <p> 1 } WHERE {}", 2, "RDF", null));
        add(tests, "update_dataset_default_graph",
                u("POST", "using-graph-uri=" + D + "data1.rdf", UPDATE, DATA + "CLEAR ALL ;\nINSERT DATA {\n GRAPH <http://kasei.us/2009/09/sparql/data/data1.rdf> { <http://kasei.us/2009/09/sparql/data/data1.rdf> a foaf:Document }\n} ;\n"
                        + "INSERT { GRAPH <http://example.org/protocol-update-dataset-test/> { ?s a dc:BibliographicResource } }\nWHERE { ?s a foaf:Document }", 2),
                q("POST", "", QUERY, "ASK { GRAPH <http://example.org/protocol-update-dataset-test/> { <http://kasei.us/2009/09/sparql/data/data1.rdf> a <http://purl.org/dc/terms/BibliographicResource> } }", 2, "boolean", true));
        add(tests, "update_dataset_default_graphs",
                u("POST", "using-graph-uri=" + D + "data1.rdf&using-graph-uri=" + D + "data2.rdf", UPDATE, DATA + "DROP ALL ;\n" + INSERT3
                        + "INSERT { GRAPH <http://example.org/protocol-update-dataset-graphs-test/> { ?s a dc:BibliographicResource } }\nWHERE { ?s a foaf:Document }", 2),
                q("POST", "", QUERY, "ASK {\n GRAPH <http://example.org/protocol-update-dataset-graphs-test/> {\n  <http://kasei.us/2009/09/sparql/data/data1.rdf> a <http://purl.org/dc/terms/BibliographicResource> .\n  <http://kasei.us/2009/09/sparql/data/data2.rdf> a <http://purl.org/dc/terms/BibliographicResource> .\n }\n"
                        + " FILTER NOT EXISTS { GRAPH <http://example.org/protocol-update-dataset-graphs-test/> { <http://kasei.us/2009/09/sparql/data/data3.rdf> a <http://purl.org/dc/terms/BibliographicResource> . } }\n}", 2, "boolean", true));
        add(tests, "update_dataset_named_graphs",
                u("POST", "using-named-graph-uri=" + D + "data1.rdf&using-named-graph-uri=" + D + "data2.rdf", UPDATE, DATA + "DROP ALL ;\n" + INSERT3
                        + "INSERT { GRAPH <http://example.org/protocol-update-dataset-named-graphs-test/> { ?s a dc:BibliographicResource } }\nWHERE { GRAPH ?g { ?s a foaf:Document } }", 2),
                q("POST", "", QUERY, "ASK {\n GRAPH <http://example.org/protocol-update-dataset-named-graphs-test/> {\n  <http://kasei.us/2009/09/sparql/data/data1.rdf> a <http://purl.org/dc/terms/BibliographicResource> .\n  <http://kasei.us/2009/09/sparql/data/data2.rdf> a <http://purl.org/dc/terms/BibliographicResource> .\n }\n"
                        + " FILTER NOT EXISTS { GRAPH <http://example.org/protocol-update-dataset-named-graphs-test/> { <http://kasei.us/2009/09/sparql/data/data3.rdf> a <http://purl.org/dc/terms/BibliographicResource> . } }\n}", 2, "boolean", true));
        add(tests, "update_dataset_full",
                u("POST", "using-graph-uri=" + D + "data1.rdf&using-named-graph-uri=" + D + "data2.rdf", UPDATE, DATA + "DROP ALL ;\n" + INSERT3
                        + "INSERT { GRAPH <http://example.org/protocol-update-dataset-full-test/> { ?s <http://example.org/in> ?in } }\n"
                        + "WHERE { { GRAPH ?g { ?s a foaf:Document } BIND(?g AS ?in) } UNION { ?s a foaf:Document . BIND(\"default\" AS ?in) } }", 2),
                q("POST", "", QUERY, "ASK {\n GRAPH <http://example.org/protocol-update-dataset-full-test/> {\n  <http://kasei.us/2009/09/sparql/data/data1.rdf> <http://example.org/in> \"default\" .\n  <http://kasei.us/2009/09/sparql/data/data2.rdf> <http://example.org/in> <http://kasei.us/2009/09/sparql/data/data2.rdf> .\n }\n"
                        + " FILTER NOT EXISTS { GRAPH <http://example.org/protocol-update-dataset-full-test/> { <http://kasei.us/2009/09/sparql/data/data3.rdf> ?p ?o } }\n}", 2, "boolean", true));
        add(tests, "update_post_form", u("POST", "", FORM, "update=CLEAR%20ALL", 2));
        add(tests, "update_post_direct", u("POST", "", UPDATE, "CLEAR ALL", 2));
        add(tests, "update_base_uri",
                u("POST", "", UPDATE, "CLEAR GRAPH <http://example.org/protocol-base-test/> ;\nINSERT DATA { GRAPH <http://example.org/protocol-base-test/> { <http://example.org/s> <http://example.org/p> <test> } }", 2),
                q("POST", "", QUERY, "SELECT ?o WHERE { GRAPH <http://example.org/protocol-base-test/> { <http://example.org/s> <http://example.org/p> ?o } }", 2, "base", null));
        add(tests, "query_post_direct", q("POST", "", QUERY, "ASK {}", 2, "boolean", true));
        add(tests, "bad_query_method", q("PUT", "query=ASK%20%7B%7D&default-graph-uri=" + D + "data0.rdf", FORM, "", 4, null, null));
        add(tests, "bad_multiple_queries", q("GET", "query=ASK%20%7B%7D&query=SELECT%20%2A%20%7B%7D", null, null, 4, null, null));
        add(tests, "bad_query_wrong_media_type", q("POST", "", "text/plain", "ASK {}", 4, null, null));
        add(tests, "bad_query_missing_form_type", q("POST", "", null, "query=ASK%20%7B%7D", 4, null, null));
        add(tests, "bad_query_missing_direct_type", q("POST", "", null, "ASK {}", 4, null, null));
        tests.add(run("bad_query_non_utf8", new Req("POST", false, "", "application/sparql-query; charset=UTF-16", utf16("ASK {}"), 4, null, null)));
        add(tests, "bad_query_syntax", q("GET", "query=ASK%20%7B", null, null, 4, null, null));
        add(tests, "bad_update_get", u("GET", "update=CLEAR%20ALL", null, null, 4));
        add(tests, "bad_multiple_updates", u("POST", "", FORM, "update=CLEAR%20NAMED&update=CLEAR%20DEFAULT", 4));
        add(tests, "bad_update_wrong_media_type", u("POST", "", "text/plain", "CLEAR NAMED", 4));
        add(tests, "bad_update_missing_form_type", u("POST", "", null, "update=CLEAR%20NAMED", 4));
        tests.add(run("bad_update_non_utf8", new Req("POST", true, "", "application/sparql-update; charset=UTF-16", utf16("CLEAR NAMED"), 4, null, null)));
        add(tests, "bad_update_syntax", u("POST", "", FORM, "update=CLEAR%20XYZ", 4));
        add(tests, "bad_update_dataset_conflict", u("POST", "using-named-graph-uri=http%3A%2F%2Fexample%2Fpeople", UPDATE,
                "PREFIX foaf:  <http://xmlns.com/foaf/0.1/>\nWITH <http://example/addresses>\nDELETE { ?person foaf:givenName 'Bill' }\nINSERT { ?person foaf:givenName 'William' }\nWHERE { ?person foaf:givenName 'Bill' }", 4));
        return tests.stream();
    }

    private static byte[] utf16(String s) {
        return s.getBytes(StandardCharsets.UTF_16); // with a byte-order mark, as the suite says
    }

    private static void add(List<DynamicTest> tests, String name, Req... requests) {
        tests.add(run(name, requests));
    }

    private static DynamicTest run(String name, Req... requests) {
        return DynamicTest.dynamicTest(name, () -> {
            DatasetGraph dsg = DatabaseMgr.createDatasetGraph();
            Txn.executeWrite(dsg, () -> {
                for (int i = 1; i <= 3; i++)
                    RDFParser.source("w3c-protocol/data" + i + ".nt").parse(
                            org.apache.jena.riot.system.StreamRDFLib.graph(dsg.getGraph(NodeFactory.createURI("http://kasei.us/2009/09/sparql/data/data" + i + ".rdf"))));
            });
            Stores.unionDefaultGraph(dsg);
            CtkgServer server = CtkgServer.create().port(0).dataset(dsg).writer("w3c", "tests").build().start();
            try {
                for (Req r : requests)
                    check(name, server, r);
            } finally {
                server.stop();
            }
        });
    }

    private static void check(String name, CtkgServer server, Req r) throws Exception {
        String path = server.baseUrl() + "/ctkg/" + (r.update() ? "update" : "sparql") + (r.query().isEmpty() ? "" : "?" + r.query());
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path))
                .method(r.method(), r.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(r.body()));
        if (r.contentType() != null)
            b.header("Content-Type", r.contentType());
        if (r.update())
            b.header("Authorization", AUTH);
        b.header("Accept", "application/sparql-results+json, text/turtle;q=0.9, */*;q=0.1");
        HttpResponse<byte[]> resp = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        String body = new String(resp.body(), StandardCharsets.UTF_8);
        int cls = resp.statusCode() / 100;
        if (r.statusClass() == 2)
            assertTrue(cls == 2 || cls == 3, name + ": expected 2xx or 3xx, got " + resp.statusCode() + " " + body);
        else
            assertEquals(r.statusClass(), cls, name + ": expected " + r.statusClass() + "xx, got " + resp.statusCode() + " " + body);
        if (r.format() == null)
            return;
        String type = resp.headers().firstValue("Content-Type").orElse("").split(";")[0].trim();
        switch (r.format()) {
            case "boolean" -> {
                assertTrue(type.equals("application/sparql-results+json") || type.equals("application/sparql-results+xml"), name + ": " + type);
                if (r.bool() != null) {
                    assertEquals(r.bool(), ResultSetMgr.readBoolean(new ByteArrayInputStream(resp.body()), ResultSetLang.RS_JSON), name);
                }
            }
            case "tabular" -> assertTrue(List.of("application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                                                 "text/tab-separated-values").contains(type), name + ": " + type);
            case "RDF" -> {
                Lang lang = RDFLanguages.contentTypeToLang(type);
                assertTrue(lang != null && RDFLanguages.isTriples(lang), name + ": not an RDF type: " + type);
            }
            case "base" -> {
                ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(resp.body()), ResultSetLang.RS_JSON);
                var o = rs.next().get("o");
                assertTrue(o.isURIResource(), name + ": ?o is not an IRI");
                assertFalse(o.asResource().getURI().equals("test"), name + ": the relative IRI was not resolved against a base");
                assertFalse(rs.hasNext(), name + ": more than one result");
            }
            default -> throw new IllegalStateException(r.format());
        }
    }
}
