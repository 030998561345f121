package org.ctkg.server.access;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;

/** A client of the server as one caller: anonymous, or with HTTP Basic credentials. */
record Client(String base, String authorization) {
    static Client anonymous(String base) {
        return new Client(base, null);
    }

    static Client as(String base, String user, String password) {
        return new Client(base, "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    HttpResponse<String> get(String path, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).header("Accept", accept).GET();
        return send(b);
    }

    HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        return send(b);
    }

    HttpResponse<String> put(String path, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofString(body));
        return send(b);
    }

    HttpResponse<String> delete(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120)).DELETE());
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        if (authorization != null)
            b.header("Authorization", authorization);
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The body of a 200 answer; fails on any other. */
    String ok(String path, String accept) throws Exception {
        HttpResponse<String> r = get(path, accept);
        if (r.statusCode() != 200)
            throw new AssertionError("GET " + path + ": HTTP " + r.statusCode() + ": " + r.body());
        return r.body();
    }

    /** A SELECT's results, by a POSTed form. */
    ResultSet select(String query) throws Exception {
        HttpResponse<String> r = query(query, "application/sparql-results+json");
        if (r.statusCode() != 200)
            throw new AssertionError("HTTP " + r.statusCode() + ": " + r.body());
        return ResultSetFactory.copyResults(ResultSetMgr.read(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)), ResultSetLang.RS_JSON));
    }

    /** The single integer a {@code SELECT (COUNT(…) AS ?n)} answers. */
    long count(String query) throws Exception {
        return select(query).next().getLiteral("n").getLong();
    }

    HttpResponse<String> query(String query, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/ctkg/sparql")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)));
        return send(b);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
