package org.ctkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.ctkg.testkit.RecordingListener;
import org.ctkg.testkit.SparqlHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18's probe against the runnable jar: {@code SERVICE <listener>} sent to a default
 * {@code ctkg serve} gets a 400 with the reason and the listener records nothing; with
 * {@code --allow-service} (or {@code allow-service} in {@code --config}) naming the listener, the
 * same query answers with the listener's row.
 */
class ServeOutboundJarIT {
    @TempDir
    Path tmp;

    /** Starts {@code ctkg serve --port 0 --localhost} with these arguments, runs the query, stops the server. */
    private HttpResponse<byte[]> probe(String query, String... serveArgs) throws Exception {
        JarRuns.Served served = JarRuns.serve(tmp.resolve("serve.err"), serveArgs);
        try {
            return SparqlHttp.post(served.base() + "/ctkg/sparql", query, "application/sparql-results+json");
        } finally {
            served.process().destroy();
            served.process().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String query(RecordingListener listener) {
        return "SELECT * { SERVICE <" + listener.url() + "/sparql> { ?s ?p ?o } }";
    }

    @Test
    void theProbeIsRefusedByDefault() throws Exception {
        try (RecordingListener listener = new RecordingListener()) {
            HttpResponse<byte[]> r = probe(query(listener));
            String body = new String(r.body(), StandardCharsets.UTF_8);
            assertEquals(400, r.statusCode(), body);
            assertTrue(body.contains("federated queries (SERVICE) are not allowed on this server"), body);
            assertFalse(body.contains("Exception") || body.contains("org.apache."), body);
            assertEquals(List.of(), listener.requests());
        }
    }

    @Test
    void theProbeAnswersWhenTheListenerIsAllowed() throws Exception {
        try (RecordingListener listener = new RecordingListener()) {
            HttpResponse<byte[]> r = probe(query(listener), "--allow-service", "http://192.0.2.1/sparql", "--allow-service", listener.url() + "/sparql");
            assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
            assertTrue(new String(r.body(), StandardCharsets.UTF_8).contains(RecordingListener.ANSWER));
            assertEquals(1, listener.requests().size(), listener.requests().toString());
        }
    }

    @Test
    void theProbeAnswersWhenTheConfigurationAllowsTheListener() throws Exception {
        try (RecordingListener listener = new RecordingListener()) {
            Path config = Files.writeString(tmp.resolve("ctkg.properties"), "allow-service = http://192.0.2.1/sparql, " + listener.url() + "/\n");
            HttpResponse<byte[]> r = probe(query(listener), "--config", config.toString());
            assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
            assertEquals(1, listener.requests().size(), listener.requests().toString());
        }
    }
}
