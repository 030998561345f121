package org.ctkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ctkg.testkit.RawHttp;
import org.ctkg.testkit.SparqlHttp;
import org.junit.jupiter.api.Test;

/**
 * End to end: the runnable jar, started as {@code ctkg serve} in its own process, answers a SPARQL
 * SELECT over HTTP within seconds, logs the request in the NCSA format, and holds each client
 * (here behind a trusted proxy) to its bound on concurrent queries, and offers the releases
 * directory it is given (here one without a release yet).
 */
class ServeJarIT {
    private static final Pattern SERVING = Pattern.compile("ctkg serving on (http://\\S+)");

    @Test
    void servedJarAnswersSelect() throws Exception {
        Path jar = Path.of(System.getProperty("ctkg.jar", "target/ctkg.jar"));
        assertTrue(Files.exists(jar), "no jar at " + jar);
        Path log = Files.createTempFile("ctkg-serve", ".log");
        Path releases = Files.createTempDirectory("ctkg-releases");
        Process process = new ProcessBuilder(JarRuns.ctkg("serve", "--port", "0", "--localhost",
                "--max-concurrent-queries", "1", "--trusted-proxy", "127.0.0.1", "--releases", releases.toString()))
                .redirectError(log.toFile())
                .start();
        try {
            String base = null;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while (base == null && (line = out.readLine()) != null) {
                    Matcher m = SERVING.matcher(line);
                    if (m.find())
                        base = m.group(1);
                }
                assertNotNull(base, "the server did not say where it serves");
                List<List<String>> rows = SparqlHttp.select(base + "/ctkg/sparql",
                        "PREFIX ctkg: <https://w3id.org/ctkg/ontology#> SELECT ?c WHERE { <https://w3id.org/ctkg/id/instrument/palermo-protocol> ctkg:supplements ?c }");
                assertEquals(List.of(List.of("https://w3id.org/ctkg/id/instrument/untoc")), rows);
            }
            int port = URI.create(base).getPort();
            RawHttp.Response downloads = RawHttp.get("127.0.0.1", port, "/downloads.html");
            assertTrue(downloads.status() == 200 && downloads.raw().contains("No release has been cut yet"), downloads.raw());
            try (RawHttp held = RawHttp.heldQuery("127.0.0.1", port, "X-Forwarded-For: 203.0.113.7")) {
                RawHttp.Response second = RawHttp.get("127.0.0.1", port, RawHttp.queryPath("ASK {}"), "X-Forwarded-For: 203.0.113.7");
                assertEquals(429, second.status(), second.raw());
                assertEquals("1", second.header("Retry-After"));
                assertEquals(200, RawHttp.get("127.0.0.1", port, RawHttp.queryPath("ASK {}"), "X-Forwarded-For: 203.0.113.8").status(),
                        "another client behind the proxy");
            }
            // The access log: one line per request in the NCSA (extended) format.
            Pattern ncsa = Pattern.compile("^\\S+ - - \\[[^\\]]+\\] \"POST /ctkg/sparql HTTP/1\\.1\" 200 \\d+ \"[^\"]*\" \"[^\"]*\"$", Pattern.MULTILINE);
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!ncsa.matcher(Files.readString(log)).find() && System.nanoTime() < deadline)
                Thread.sleep(50);
            assertTrue(ncsa.matcher(Files.readString(log)).find(), "no access-log line for the query in:\n" + Files.readString(log));
        } finally {
            process.destroy();
            process.waitFor(60, TimeUnit.SECONDS);
            Files.deleteIfExists(log);
            Files.deleteIfExists(releases);
        }
    }
}
