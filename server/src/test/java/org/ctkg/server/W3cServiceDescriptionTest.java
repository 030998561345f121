package org.ctkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.lib.ShLib;
import org.apache.jena.sparql.graph.GraphFactory;
import org.ctkg.loader.Stores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The W3C SPARQL 1.1 Service Description tests (w3c/rdf-tests sparql/sparql11/service-description):
 * returns-rdf, has-endpoint-triple, conforms-to-schema; against ctkg's query service.
 */
class W3cServiceDescriptionTest {
    private static final String SD = "http://www.w3.org/ns/sparql-service-description#";
    private static CtkgServer server;
    private static Graph description;

    @BeforeAll
    static void start() throws Exception {
        server = CtkgServer.create().port(0).dataset(Stores.curatedScratch()).build().start();
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.sparqlUrl())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        Lang lang = RDFLanguages.contentTypeToLang(r.headers().firstValue("Content-Type").orElseThrow().split(";")[0].trim());
        assertNotNull(lang, "not an RDF media type");
        description = GraphFactory.createDefaultGraph();
        RDFParser.source(new ByteArrayInputStream(r.body())).lang(lang).parse(description);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void returnsRdf() {
        assertTrue(description.size() > 10, "a GET without a query returns an RDF description");
    }

    @Test
    void hasEndpointTriple() {
        Node endpoint = NodeFactory.createURI(server.sparqlUrl());
        assertTrue(description.contains(Node.ANY, NodeFactory.createURI(SD + "endpoint"), endpoint),
                   "sd:endpoint matching the URL that was dereferenced");
    }

    @Test
    void conformsToSchema() {
        Graph shapesGraph = GraphFactory.createDefaultGraph();
        RDFParser.source("w3c-sd/sd-schema-shapes.ttl").parse(shapesGraph);
        ValidationReport report = ShaclValidator.get().validate(Shapes.parse(shapesGraph), description);
        if (!report.conforms())
            ShLib.printReport(report);
        assertTrue(report.conforms());
        assertTrue(description.contains(Node.ANY, NodeFactory.createURI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                                        NodeFactory.createURI(SD + "NamedGraph")), "named graphs are described");
    }
}
