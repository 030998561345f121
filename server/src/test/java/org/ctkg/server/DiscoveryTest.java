package org.ctkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.ctkg.loader.tdb2.StoreInternals;
import org.ctkg.server.http.DatasetDescription;
import org.ctkg.server.search.SearchIndex;
import org.ctkg.testkit.SparqlHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Service Description at the query services and the VoID description agree with the data. */
class DiscoveryTest extends CuratedServerTest {
    /** A new client per request: a pooled connection that the server closed after an error answer would fail the next request. */
    private static HttpClient http() {
        return HttpClient.newHttpClient();
    }
    private static final String SD = DatasetDescription.SD;
    private static final String VOID = DatasetDescription.VOID;

    private static Model get(String path, String accept) throws Exception {
        HttpResponse<byte[]> r = http().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), path);
        Lang lang = RDFLanguages.contentTypeToLang(r.headers().firstValue("Content-Type").orElseThrow().split(";")[0]);
        Model m = ModelFactory.createDefaultModel();
        RDFDataMgr.read(m, new ByteArrayInputStream(r.body()), lang);
        return m;
    }

    @ParameterizedTest
    @ValueSource(strings = {"/ctkg/sparql", "/ctkg/query", "/ctkg"})
    void queryServicesDescribeThemselves(String path) throws Exception {
        Model m = get(path, "text/turtle");
        List<Resource> services = m.listSubjectsWithProperty(RDF.type, m.createResource(SD + "Service")).toList();
        assertEquals(1, services.size());
        Resource service = services.get(0);
        assertEquals(server.sparqlUrl(), service.getPropertyResourceValue(m.createProperty(SD + "endpoint")).getURI());
        assertTrue(service.hasProperty(m.createProperty(SD + "supportedLanguage"), m.createResource(SD + "SPARQL11Query")));
        assertTrue(service.hasProperty(m.createProperty(SD + "resultFormat"), m.createResource("http://www.w3.org/ns/formats/SPARQL_Results_JSON")));
        assertTrue(service.hasProperty(m.createProperty(SD + "feature"), m.createResource(SD + "UnionDefaultGraph")));
    }

    @Test
    void theStateOfAServedTdb2StoreIsKnownSoDescriptionsAreCountedOncePerState() {
        var tdb = org.apache.jena.tdb2.DatabaseMgr.createDatasetGraph();
        var served = new SearchIndex(tdb).dataset();
        long before = StoreInternals.writesBegun(served);
        assertTrue(before >= 0, "known through the search wrapper: " + before);
        org.apache.jena.system.Txn.executeRead(served, () -> served.find().hasNext());
        assertEquals(before, StoreInternals.writesBegun(served), "a read does not change it");
        var n = org.apache.jena.graph.NodeFactory.createURI("urn:test:n");
        org.apache.jena.system.Txn.executeWrite(served, () -> served.add(n, n, n, n));
        assertTrue(StoreInternals.writesBegun(served) > before, "a write does");
    }

    @Test
    void voidCountsWhatTheEndpointServes() throws Exception {
        Model m = get("/ctkg/void", "application/ld+json");
        Resource dataset = m.createResource(DatasetDescription.DATASET.getURI());
        long triples = dataset.getProperty(m.createProperty(VOID + "triples")).getLong();
        long counted = Long.parseLong(SparqlHttp.select(server.sparqlUrl(), "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }").get(0).get(0));
        assertEquals(counted, triples);
        assertTrue(dataset.hasProperty(DCTerms.license));
        assertEquals(server.sparqlUrl(), dataset.getPropertyResourceValue(m.createProperty(VOID + "sparqlEndpoint")).getURI());
        assertTrue(dataset.hasProperty(m.createProperty(VOID + "exampleResource"), m.createResource("https://w3id.org/ctkg/id/instrument/palermo-protocol")));
        long recommendations = m.listSubjectsWithProperty(m.createProperty(VOID + "class"), m.createResource("https://w3id.org/ctkg/ontology#Recommendation"))
                .next().getProperty(m.createProperty(VOID + "entities")).getLong();
        assertEquals(7, recommendations);
        assertTrue(m.listObjectsOfProperty(dataset, m.createProperty(VOID + "subset")).toList().size() >= 20, "named graphs as subsets");
    }

    @Test
    void wellKnownVoidAnswersToo() throws Exception {
        Model m = get("/.well-known/void", "application/n-triples");
        assertTrue(m.contains(m.createResource(DatasetDescription.DATASET.getURI()), RDF.type, m.createResource(VOID + "Dataset")));
    }
}
