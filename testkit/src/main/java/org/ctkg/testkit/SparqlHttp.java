package org.ctkg.testkit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;

/** A tiny SPARQL-protocol client over {@code java.net.http}, so tests speak real HTTP to the server. */
public final class SparqlHttp {
    /** A new client per request: a pooled connection that the server closed after an error answer would fail the next request. */
    private static HttpClient client() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    private SparqlHttp() {}

    /** POSTs a query as a form and returns the response. */
    public static HttpResponse<byte[]> post(String endpoint, String query, String accept) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .build();
        return client().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Runs a SELECT over HTTP and returns its rows, each value rendered by {@link #render}. */
    public static List<List<String>> select(String endpoint, String query) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = post(endpoint, query, "application/sparql-results+json");
        if (response.statusCode() != 200)
            throw new IllegalStateException("HTTP " + response.statusCode() + ": " + new String(response.body(), StandardCharsets.UTF_8));
        ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(response.body()), ResultSetLang.RS_JSON);
        List<String> vars = rs.getResultVars();
        List<List<String>> rows = new ArrayList<>();
        while (rs.hasNext()) {
            QuerySolution row = rs.next();
            List<String> values = new ArrayList<>();
            for (String v : vars)
                values.add(render(row.get(v)));
            rows.add(values);
        }
        return rows;
    }

    /**
     * The whole dataset as sorted N-Quads lines, read with a Graph Store Protocol GET of
     * {@code datasetUrl} (such as {@code .../ctkg/data}): to check that a request changed nothing.
     */
    public static List<String> quads(String datasetUrl) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(datasetUrl)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/n-quads").GET().build();
        HttpResponse<String> response = client().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200)
            throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
        return response.body().lines().filter(l -> !l.isBlank()).sorted().toList();
    }

    /** An IRI as itself, a literal as its lexical form, a blank node as {@code _:}, unbound as {@code -}. */
    static String render(RDFNode value) {
        if (value == null)
            return "-";
        Node n = value.asNode();
        if (n.isURI())
            return n.getURI();
        if (n.isLiteral())
            return n.getLiteralLexicalForm();
        return "_:";
    }
}
