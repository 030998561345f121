package org.ctkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ctkg.loader.tdb2.StoreFiles;
import org.ctkg.server.replication.ReplicationModule;
import org.ctkg.testkit.SparqlHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ctkg kafka}, {@code ctkg serve --publish-to} and {@code --replica-of}, each the runnable
 * jar in a process of its own (the broker in one more, started by {@code ctkg kafka}): a write on
 * the writer reaches the replica's queries and search, both end with the same quads, the replica
 * takes no writes, and stopping {@code ctkg kafka} stops its broker.
 */
class ReplicatedServeIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8));
    @TempDir
    Path tmp;
    private final List<Process> processes = new ArrayList<>();
    private Process kafka;
    private long brokerPid;

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process p : processes) {
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS))
                p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        if (kafka != null) {
            kafka.destroy(); // SIGTERM, as Ctrl-C would
            assertTrue(kafka.waitFor(60, TimeUnit.SECONDS), "ctkg kafka stops on SIGTERM");
            assertEquals(143, kafka.exitValue(), "ctkg kafka ends as a JVM does on SIGTERM, after its shutdown hook");
            assertFalse(ProcessHandle.of(brokerPid).map(ProcessHandle::isAlive).orElse(false), "the broker stopped with ctkg kafka");
        }
    }

    /** Starts {@code ctkg kafka} on a free port and returns the broker's address once it says it is up. */
    private String startKafka() throws IOException {
        ProcessBuilder pb = new ProcessBuilder(JarRuns.ctkg("kafka", "--dir", tmp.resolve("kafka").toString(), "--port", "0"))
                .redirectError(tmp.resolve("kafka.err").toFile());
        pb.environment().put(KafkaCommand.CLASSPATH_FILE, System.getProperty("ctkg.kafka.classpath"));
        kafka = pb.start();
        String line = new BufferedReader(new InputStreamReader(kafka.getInputStream(), StandardCharsets.UTF_8)).readLine();
        Matcher up = Pattern.compile("ctkg kafka: broker on (127\\.0\\.0\\.1:\\d+) .*pid (\\d+)\\)").matcher(String.valueOf(line));
        assertTrue(up.find(), "ctkg kafka did not say it is up: " + line + "\n" + Files.readString(tmp.resolve("kafka.err")));
        brokerPid = Long.parseLong(up.group(2));
        return up.group(1);
    }

    /** Starts {@code ctkg serve --port 0 --localhost ARGS} and returns its base URL once it says where it serves. */
    private String serve(String name, String... args) throws IOException {
        JarRuns.Served served = JarRuns.serve(tmp.resolve(name + ".err"), args);
        processes.add(served.process());
        return served.base();
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> update(String base, String update, String auth) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/ctkg/update")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/sparql-update").POST(HttpRequest.BodyPublishers.ofString(update));
        if (auth != null)
            b.header("Authorization", auth);
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void await(String what, BooleanSupplier state) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!state.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not within " + WAIT + ": " + what);
            Thread.sleep(100);
        }
    }

    /** What the call answers, or {@code otherwise} when it cannot reach the server (yet): for states awaited with a deadline. */
    private static <T> T reached(Callable<T> call, T otherwise) {
        try {
            return call.call();
        } catch (IOException e) {
            return otherwise;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return otherwise;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean answers(String base, String query) {
        return reached(() -> !SparqlHttp.select(base + "/ctkg/sparql", query).isEmpty(), false);
    }

    private static int readyStatus(String base) {
        return reached(() -> get(base + "/$/ready").statusCode(), -1);
    }

    @Test
    void aWriteOnTheWriterReachesTheReplicasQueriesAndSearchAndTheReplicaTakesNoWrites() throws Exception {
        String bootstrap = startKafka();
        Path writerStore = JarRuns.seededStore(tmp);
        Path replicaStore = tmp.resolve("replica-store");
        StoreFiles.copyClosedStore(writerStore, replicaStore); // the replica starts where the writer's log starts
        Path passwd = Files.writeString(tmp.resolve("passwd"), "alice: s3cret\n");

        String writer = serve("writer", "--loc", writerStore.toString(), "--passwd", passwd.toString(), "--publish-to", bootstrap,
                "--topic", "serve-it");
        String replica = serve("replica", "--loc", replicaStore.toString(), "--replica-of", bootstrap, "--topic", "serve-it");
        await("the replica is ready", () -> readyStatus(replica) == 200);
        assertEquals(200, readyStatus(writer), "a writer is always ready");

        HttpResponse<String> written = update(writer, "INSERT DATA { GRAPH <urn:test:replicated> { <https://w3id.org/ctkg/id/organization/r> "
                + "a <https://w3id.org/ctkg/ontology#Organization> ; <http://www.w3.org/2000/01/rdf-schema#label> \"Refuge Étoile\"@fr } }", AUTH);
        assertEquals(2, written.statusCode() / 100, written.statusCode() + " " + written.body());
        String ask = "SELECT ?l { GRAPH <urn:test:replicated> { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l } }";
        assertTrue(answers(writer, ask), "the writer has its own write");
        // Read-your-writes: the writer's answer names the log position of the write; a read on the
        // replica naming it is answered once the replica has applied the write, at the first ask.
        String position = written.headers().firstValue(ReplicationModule.POSITION_HEADER).orElse(null);
        assertTrue(position != null && Long.parseLong(position) > 0, "the writer's answer carries the write's log position: " + written.headers().map());
        HttpResponse<String> own = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(replica + "/ctkg/sparql?query="
                + URLEncoder.encode(ask, StandardCharsets.UTF_8))).header(ReplicationModule.MIN_POSITION_HEADER, position)
                .header("Accept", "application/sparql-results+json").timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, own.statusCode(), own.body());
        assertTrue(own.body().contains("Refuge \u00C9toile") || own.body().contains("Refuge Étoile"), "the replica answers with the write: " + own.body());
        assertTrue(get(replica + "/$/metrics").body().lines().anyMatch(l -> l.startsWith("ctkg_log_position{") && l.contains("role=\"replica\"")
                && Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)) >= Long.parseLong(position)), "the replica's metrics show its position");
        await("the replica's queries see the write", () -> answers(replica, ask));
        await("the replica's search finds it", () -> reached(() -> get(replica + "/search?q=Refuge").body().contains("Refuge Étoile"), false));
        await("the replica is ready again", () -> readyStatus(replica) == 200);
        assertEquals(SparqlHttp.quads(writer + "/ctkg/data"), SparqlHttp.quads(replica + "/ctkg/data"), "the replica holds exactly the writer's quads");

        // The replica takes no writes, with or without credentials, and nothing changes.
        List<String> before = SparqlHttp.quads(replica + "/ctkg/data");
        for (String auth : new String[] {null, AUTH}) {
            HttpResponse<String> refused = update(replica, "INSERT DATA { <urn:x:s> <urn:x:p> <urn:x:o> }", auth);
            assertTrue(refused.statusCode() >= 400 && refused.statusCode() < 500, refused.statusCode() + " " + refused.body());
        }
        assertEquals(before, SparqlHttp.quads(replica + "/ctkg/data"));
        assertFalse(answers(writer, "SELECT ?o { <urn:x:s> <urn:x:p> ?o }"), "nothing the replica refused reached the writer");
    }
}
