package org.ctkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import org.ctkg.loader.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Operations: a graceful stop lets requests in flight finish; the configuration file is checked. */
class OperationsTest {
    @Test
    void gracefulStopLetsARequestInFlightFinish() throws Exception {
        CtkgServer server = CtkgServer.create().port(0).dataset(Stores.curatedInMemory()).queryTimeoutMillis(60_000).build().start();
        // A few seconds of work whatever the store's size: a cross product of 3000 × 3000 values.
        String slow = "SELECT (COUNT(*) AS ?n) { { SELECT ?c { ?a ?b ?c } LIMIT 3000 } { SELECT ?f { ?d ?e ?f } LIMIT 3000 }"
                + " FILTER(STRLEN(STR(?c)) > STRLEN(STR(?f))) }";
        CompletableFuture<HttpResponse<byte[]>> inFlight = CompletableFuture.supplyAsync(() -> {
            try {
                return SparqlHttp.post(server.sparqlUrl(), slow, "application/sparql-results+json");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (server.requestsInFlight() == 0 && System.nanoTime() < deadline && !inFlight.isDone())
            Thread.sleep(5);
        assertTrue(server.requestsInFlight() > 0, "the slow query was not in flight");
        server.stop();
        HttpResponse<byte[]> r = inFlight.get();
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        assertTrue(new String(r.body(), StandardCharsets.UTF_8).contains("\"n\""));
        assertThrows(Exception.class, () -> SparqlHttp.post(server.sparqlUrl(), "ASK {}", "application/sparql-results+json"),
                     "a stopped server takes no new requests");
    }

    @Test
    void unknownConfigurationSettingsAreRefused(@TempDir Path tmp) throws Exception {
        Path config = tmp.resolve("ctkg.properties");
        Files.writeString(config, "prot = 8080\n");
        CommandLineTest.Run run = CommandLineTest.ctkg("serve", "--config", config.toString());
        assertEquals(2, run.code());
        assertTrue(run.err().contains("unknown setting 'prot'"), run.err());
    }

    @Test
    void configurationFileSettingsAreRead(@TempDir Path tmp) throws Exception {
        Path config = tmp.resolve("ctkg.properties");
        Files.writeString(config, "port = 3030\nmax-rows = 7\nlocalhost = true\n");
        var settings = ServeConfig.read(config);
        assertEquals("7", settings.get("max-rows"));
        Options o = Options.parse(new String[] {"--port", "4040"}, ServeConfig.KEYS, java.util.Set.of("localhost")).withDefaults(settings);
        assertEquals(4040, o.getInt("port", 0, 0, 65535), "the command line wins");
        assertEquals(7, o.getInt("max-rows", 0, 0, 1000));
        assertTrue(o.has("localhost"));
    }
}
