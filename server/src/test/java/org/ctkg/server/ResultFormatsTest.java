package org.ctkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every standard result format by Accept, parsed back; CORS for browser applications on other origins. */
class ResultFormatsTest extends CuratedServerTest {
    private static final String SELECT = "SELECT ?c WHERE { <https://w3id.org/ctkg/id/instrument/palermo-protocol> <https://w3id.org/ctkg/ontology#supplements> ?c }";
    private static final String CONSTRUCT = "CONSTRUCT { ?p <https://w3id.org/ctkg/ontology#supplements> ?c } WHERE { ?p <https://w3id.org/ctkg/ontology#supplements> ?c }";

    private static HttpResponse<byte[]> get(String query, String accept) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.sparqlUrl() + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8))).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @ParameterizedTest(name = "SELECT as {0}")
    @CsvSource({
        "application/sparql-results+json, application/sparql-results+json",
        "application/sparql-results+xml,  application/sparql-results+xml",
        "text/csv,                        text/csv",
        "text/tab-separated-values,       text/tab-separated-values",
    })
    void selectResults(String accept, String expectedType) throws Exception {
        HttpResponse<byte[]> r = get(SELECT, accept);
        assertEquals(200, r.statusCode());
        assertEquals(expectedType, r.headers().firstValue("Content-Type").orElse("").split(";")[0].trim());
        ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(r.body()), RDFLanguages.contentTypeToLang(expectedType));
        String value = rs.next().get("c").toString();
        assertTrue(value.contains("https://w3id.org/ctkg/id/instrument/untoc"), value);
    }

    @ParameterizedTest(name = "ASK as {0}")
    @CsvSource({"application/sparql-results+json", "application/sparql-results+xml"})
    void askResults(String accept) throws Exception {
        HttpResponse<byte[]> r = get("ASK { ?s ?p ?o }", accept);
        assertEquals(200, r.statusCode());
        assertTrue(ResultSetMgr.readBoolean(new ByteArrayInputStream(r.body()), RDFLanguages.contentTypeToLang(accept)));
    }

    @ParameterizedTest(name = "CONSTRUCT as {0}")
    @CsvSource({"text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml", "application/trig", "application/n-quads"})
    void constructResults(String accept) throws Exception {
        HttpResponse<byte[]> r = get(CONSTRUCT, accept);
        assertEquals(200, r.statusCode());
        String type = r.headers().firstValue("Content-Type").orElse("").split(";")[0].trim();
        assertEquals(accept, type);
        Lang lang = RDFLanguages.contentTypeToLang(type);
        DatasetGraph parsed = DatasetGraphFactory.createTxnMem();
        RDFParser.source(new ByteArrayInputStream(r.body())).lang(lang).parse(parsed);
        assertEquals(3, RDFLanguages.isQuads(lang) ? parsed.stream().count() : parsed.getDefaultGraph().size(), accept);
    }

    @Test
    void corsLetsOtherOriginsQuery() throws Exception {
        HttpResponse<byte[]> preflight = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.sparqlUrl()))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://analyst.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertTrue(preflight.statusCode() == 200 || preflight.statusCode() == 204, "preflight " + preflight.statusCode());
        String allowed = preflight.headers().firstValue("Access-Control-Allow-Origin").orElse("");
        assertTrue(allowed.equals("*") || allowed.equals("https://analyst.example"), "Access-Control-Allow-Origin: " + allowed);
        HttpResponse<byte[]> query = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.sparqlUrl() + "?query=" + URLEncoder.encode("ASK {}", StandardCharsets.UTF_8)))
                .header("Origin", "https://analyst.example").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, query.statusCode());
        assertTrue(query.headers().firstValue("Access-Control-Allow-Origin").isPresent(), "the answer carries CORS headers");
    }
}
