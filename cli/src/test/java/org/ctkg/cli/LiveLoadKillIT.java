package org.ctkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ctkg.server.CtkgServer;
import org.ctkg.testkit.CaseRecordFiles;
import org.ctkg.testkit.SparqlHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server killed with {@code kill -9} in the middle of a live load job restarts on its store with
 * exactly the state before the job: TDB2 never made the job's transaction durable.
 */
class LiveLoadKillIT {
    private static final Pattern SERVING = Pattern.compile("ctkg serving on (http://\\S+)");
    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("writer:pw".getBytes(StandardCharsets.UTF_8));
    private static final String COUNT = "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }";
    @TempDir
    Path tmp;

    private static Process serve(Path store) {
        ProcessBuilder pb = new ProcessBuilder(JarRuns.ctkg("serve", "--port", "0", "--localhost", "--loc", store.toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("CTKG_WRITER_PASSWORD", "pw");
        try {
            return pb.start();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String baseOf(Process p) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            Matcher m = SERVING.matcher(line);
            if (m.find())
                return m.group(1);
        }
        return null;
    }

    private static String status(String base) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + CtkgServer.LOAD_PATH)).header("Authorization", AUTH).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void killedMidJobTheServerRestartsWithThePreviousState() throws Exception {
        Path store = JarRuns.seededStore(tmp);
        Path cases = CaseRecordFiles.write(tmp, 3, 1_000_000);

        Process server = serve(store);
        String before;
        try {
            String base = baseOf(server);
            assertNotNull(base, "the server did not start");
            before = SparqlHttp.select(base + "/ctkg/sparql", COUNT).toString();
            HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(URI.create(base + CtkgServer.LOAD_PATH + "?name=cases.nt&graph=urn:test:cases"))
                    .header("Content-Type", "application/n-triples").header("Authorization", AUTH)
                    .POST(HttpRequest.BodyPublishers.ofFile(cases)).build(), HttpResponse.BodyHandlers.ofString());
            long deadline = System.currentTimeMillis() + 60_000;
            while (!status(base).contains("\"phase\":\"loading\"") && System.currentTimeMillis() < deadline)
                Thread.sleep(20);
            assertTrue(status(base).contains("\"phase\":\"loading\""), "the job never reached its write transaction");
            Thread.sleep(1500);   // well inside the write transaction of a million triples
            assertTrue(status(base).contains("\"running\":true"), "the job ended before the kill: make it bigger");
        } finally {
            server.destroyForcibly();   // SIGKILL: no shutdown hook, no commit, no abort
            server.waitFor(30, TimeUnit.SECONDS);
        }

        Process again = serve(store);
        try {
            String base = baseOf(again);
            assertNotNull(base, "the server did not restart on the store");
            assertEquals(before, SparqlHttp.select(base + "/ctkg/sparql", COUNT).toString(), "exactly the state before the job");
            List<List<String>> leftover = SparqlHttp.select(base + "/ctkg/sparql", "SELECT (COUNT(*) AS ?n) { GRAPH <urn:test:cases> { ?s ?p ?o } }");
            assertEquals("0", leftover.get(0).get(0), "none of the killed job");
        } finally {
            again.destroy();
            again.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
