package org.ctkg.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A listener on loopback that records every request it gets, standing for a host the server must
 * not be made to reach (an internal service, a cloud metadata address). It answers each request
 * with a tiny SPARQL JSON result (one row, {@code ?s} bound to {@value #ANSWER}), or with a JSON-LD
 * context under {@code /context}, so that an allowed request gets somewhere.
 */
public final class RecordingListener implements AutoCloseable {
    /** The IRI the listener's SPARQL answer binds. */
    public static final String ANSWER = "urn:test:from-the-listener";
    private final HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    public RecordingListener() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    private void answer(HttpExchange exchange) throws IOException {
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
        exchange.getRequestBody().readAllBytes();
        boolean context = exchange.getRequestURI().getPath().startsWith("/context");
        String body = context ? "{\"@context\": {\"name\": \"http://schema.org/name\"}}"
                : "{\"head\": {\"vars\": [\"s\"]}, \"results\": {\"bindings\": [{\"s\": {\"type\": \"uri\", \"value\": \"" + ANSWER + "\"}}]}}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", context ? "application/ld+json" : "application/sparql-results+json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The base URL, such as {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The requests received so far, as {@code METHOD /path?query}. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
