package org.ctkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

import javax.net.ssl.SSLHandshakeException;

import org.ctkg.loader.Stores;
import org.ctkg.testkit.TestKeystore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server built with a keystore speaks HTTPS on its port: a client that trusts the certificate
 * queries it and a writer writes over it; a client that does not trust it, or that speaks plain
 * HTTP, gets nothing.
 */
class HttpsTest {
    @TempDir
    static Path tmp;
    private static TestKeystore keystore;
    private static CtkgServer server;

    @BeforeAll
    static void start() throws Exception {
        keystore = TestKeystore.create(tmp);
        server = CtkgServer.create().port(0).dataset(Stores.curatedScratch()).writer("writer", "secret")
                .https(keystore.file(), keystore.password()).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static HttpRequest.Builder post(String path, String form) {
        return HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
    }

    @Test
    void aClientTrustingTheCertificateQueriesOverHttps() throws Exception {
        assertTrue(server.isHttps() && server.baseUrl().startsWith("https://localhost:"), server.baseUrl());
        String ask = "ASK { <https://w3id.org/ctkg/id/instrument/palermo-protocol> ?p ?o }";
        HttpResponse<String> r = keystore.client().send(post("/ctkg/sparql", "query=" + URLEncoder.encode(ask, StandardCharsets.UTF_8))
                .header("Accept", "application/sparql-results+json").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().replace(" ", "").contains("\"boolean\":true"), r.body());
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null));
    }

    @Test
    void aWriterWritesOverHttps() throws Exception {
        String update = "INSERT DATA { GRAPH <https://example.org/tls> { <https://example.org/a> <https://example.org/p> 1 } }";
        HttpResponse<String> r = keystore.client().send(post("/ctkg/update", "update=" + URLEncoder.encode(update, StandardCharsets.UTF_8))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("writer:secret".getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateIsRefused() {
        HttpRequest ping = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/$/ping")).build();
        assertThrows(SSLHandshakeException.class, () -> HttpClient.newHttpClient().send(ping, HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void plainHttpOnThePortGetsNoAnswer() {
        HttpRequest ping = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/$/ping")).build();
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(ping, HttpResponse.BodyHandlers.ofString());
            assertTrue(r.statusCode() >= 400, "plain HTTP answered " + r.statusCode() + ": " + r.body());
        } catch (IOException | InterruptedException refused) {
            // the TLS connector closed the connection: nothing was served in clear
        }
    }

    @Test
    void aKeystoreThatCannotBeReadOrHasNoPasswordIsRefused() {
        var builder = CtkgServer.create();
        assertThrows(IllegalArgumentException.class, () -> builder.https(tmp.resolve("missing.p12"), "pw"));
        assertThrows(IllegalArgumentException.class, () -> builder.https(keystore.file(), ""));
    }
}
