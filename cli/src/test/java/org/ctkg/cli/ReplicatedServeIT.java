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
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;

import org.ctkg.loader.tdb2.StoreFiles;
import org.ctkg.server.replication.ReplicationModule;
import org.ctkg.testkit.SparqlHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ctkg kafka}, {@code ctkg serve --publish-to} and {@code --replica-of}, each the runnable
 * jar in a process of its own (the broker in one more, started by {@code ctkg kafka}): a writer and
 * two replicas through loads, updates, a replace and a failed job end with the same quads, the
 * replicas take no writes, and stopping {@code ctkg kafka} stops its broker.
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

    /** The log position a server's metrics show for its role ({@code writer} or {@code replica}), or -1 when it cannot be read. */
    private static long logPosition(String base) {
        return reached(() -> get(base + "/$/metrics").body().lines().filter(l -> l.startsWith("ctkg_log_position{"))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(-1L), -1L);
    }

    /** An order-independent hash of a server's whole export: SHA-256 of its sorted N-Quads lines. */
    private static String exportHash(String base) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (String quad : SparqlHttp.quads(base + "/ctkg/data"))
            sha.update((quad + "\n").getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The void:triples figures of a server's VoID description, sorted, read once it has applied the log to {@code position}. */
    private static List<Long> voidTriples(String base, long position) throws Exception {
        HttpResponse<String> described = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/ctkg/void"))
                .header(ReplicationModule.MIN_POSITION_HEADER, Long.toString(position)).header("Accept", "text/turtle")
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, described.statusCode(), described.body());
        Model model = ModelFactory.createDefaultModel();
        RDFParser.fromString(described.body(), Lang.TURTLE).parse(model);
        return model.listObjectsOfProperty(model.createProperty("http://rdfs.org/ns/void#triples")).toList().stream()
                .map(n -> n.asLiteral().getLong()).sorted().toList();
    }

    private static CommandLineTest.Run remoteLoad(String writer, Path password, String... args) {
        List<String> command = new ArrayList<>(List.of("load", "--quiet", "--server", writer, "--user", "alice", "--password-file", password.toString()));
        command.addAll(List.of(args));
        return CommandLineTest.ctkg(command.toArray(String[]::new));
    }

    /**
     * A writer and two replicas through what a data-integration job does: a write read back at once
     * (read-your-writes), a 200k-triple live load, an update, a replace and a failing validated job.
     * Both replicas end with exactly the writer's quads, their search and VoID follow the applied
     * jobs, the failed job is seen nowhere, and replicas take no writes.
     */
    @Test
    void twoReplicasFollowTheWriterThroughLoadsUpdatesReplacesAndAFailedJobAndTakeNoWrites() throws Exception {
        String bootstrap = startKafka();
        Path writerStore = JarRuns.seededStore(tmp);
        List<String> replicas = new ArrayList<>();
        Path passwd = Files.writeString(tmp.resolve("passwd"), "alice: s3cret\n");
        Path password = Files.writeString(tmp.resolve("password"), "s3cret\n");
        for (int i = 1; i <= 2; i++) {
            Path replicaStore = tmp.resolve("replica-store-" + i);
            StoreFiles.copyClosedStore(writerStore, replicaStore); // each replica starts where the writer's log starts
            replicas.add(serve("replica-" + i, "--loc", replicaStore.toString(), "--replica-of", bootstrap, "--topic", "serve-it"));
        }
        String writer = serve("writer", "--loc", writerStore.toString(), "--passwd", passwd.toString(), "--publish-to", bootstrap,
                "--topic", "serve-it");
        String replica = replicas.get(0);
        for (String r : replicas)
            await("the replica " + r + " is ready", () -> readyStatus(r) == 200);
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
        await("the replica's search finds it", () -> reached(() -> get(replica + "/search?q=Refuge").body().contains("Refuge Étoile"), false));

        // A 200k-triple live load (several Kafka transactions' worth of chunks), an update, a replace.
        Path cases = tmp.resolve("cases.nt");
        CommandLineTest.Run generated = CommandLineTest.ctkg("generate", "--triples", "200000", "--seed", "16", "--out", cases.toString());
        assertEquals(0, generated.code(), generated.err());
        String casesGraph = "https://w3id.org/ctkg/graph/replicated-cases";
        CommandLineTest.Run big = remoteLoad(writer, password, "--no-validate", "--graph", casesGraph, cases.toString());
        assertEquals(0, big.code(), big.out() + big.err());
        long afterBig = logPosition(writer);
        for (String r : replicas) { // VoID on a replica follows the applied job: read at the writer's position, its counts are the writer's
            await("the replica " + r + " applied the 200k-triple job", () -> logPosition(r) >= afterBig); // a read waits 10 s at most
            assertEquals(voidTriples(writer, 0), voidTriples(r, afterBig), "the VoID counts of " + r + " after the 200k-triple job");
        }
        assertTrue(voidTriples(writer, 0).stream().anyMatch(n -> n >= 200_000), "the writer's VoID counts the job");

        HttpResponse<String> updated = update(writer, "DELETE { GRAPH <urn:test:replicated> { ?s ?p ?o } } "
                + "INSERT { GRAPH <urn:test:replicated> { ?s <http://www.w3.org/2000/01/rdf-schema#comment> \"updated\" } } "
                + "WHERE { GRAPH <urn:test:replicated> { ?s ?p ?o } }", AUTH);
        assertEquals(2, updated.statusCode() / 100, updated.statusCode() + " " + updated.body());
        Path replacement = Files.writeString(tmp.resolve("replacement.ttl"), "<https://w3id.org/ctkg/id/organization/kept> "
                + "a <https://w3id.org/ctkg/ontology#Organization> ; <http://www.w3.org/2000/01/rdf-schema#label> \"Kept\"@en .\n");
        CommandLineTest.Run replaced = remoteLoad(writer, password, "--replace", "--graph", casesGraph, replacement.toString());
        assertEquals(0, replaced.code(), replaced.out() + replaced.err());

        // A validated job that fails: nothing of it is written, published or seen anywhere.
        Path failing = Files.writeString(tmp.resolve("failing.ttl"), "<https://w3id.org/ctkg/id/organization/fine> "
                + "a <https://w3id.org/ctkg/ontology#Organization> ; <http://www.w3.org/2000/01/rdf-schema#label> \"Fine\"@en .\n"
                + "<https://w3id.org/ctkg/id/organization/nameless> a <https://w3id.org/ctkg/ontology#Organization> .\n");
        CommandLineTest.Run failed = remoteLoad(writer, password, "--graph", casesGraph, failing.toString());
        assertEquals(3, failed.code(), failed.out() + failed.err());

        // A last write marks the end of the log: once the replicas have it, they have everything before it.
        HttpResponse<String> last = update(writer, "INSERT DATA { GRAPH <urn:test:replicated> { <urn:test:last> <urn:test:p> 1 } }", AUTH);
        assertEquals(2, last.statusCode() / 100, last.statusCode() + " " + last.body());
        long end = Long.parseLong(last.headers().firstValue(ReplicationModule.POSITION_HEADER).orElseThrow());
        String writerHash = exportHash(writer);
        for (String r : replicas) {
            await("the replica " + r + " applied the log to its end", () -> logPosition(r) >= end);
            assertEquals(writerHash, exportHash(r), "the replica " + r + " holds exactly the writer's quads");
            assertEquals(voidTriples(writer, 0), voidTriples(r, end), "the VoID counts of " + r);
            assertTrue(voidTriples(r, end).stream().allMatch(n -> n < 200_000), "the VoID counts of " + r + " follow the replace");
            assertFalse(answers(r, "SELECT ?p { <https://w3id.org/ctkg/id/organization/fine> ?p ?o }"), "the failed job is invisible on " + r);
            assertFalse(answers(r, "SELECT ?o { GRAPH <" + casesGraph + "> { ?s a <https://w3id.org/ctkg/ontology#CaseRecord> } }"),
                    "the replace took the case records away on " + r);
            assertTrue(answers(r, "SELECT ?s { GRAPH <" + casesGraph + "> { ?s <http://www.w3.org/2000/01/rdf-schema#label> \"Kept\"@en } }"),
                    "the replacement is on " + r);
            assertTrue(answers(r, "SELECT ?o { GRAPH <urn:test:replicated> { ?s <http://www.w3.org/2000/01/rdf-schema#comment> ?o } }"),
                    "the update is on " + r);
            await("the search of " + r + " follows the update", () -> reached(() -> !get(r + "/search?q=Refuge").body().contains("Refuge Étoile"), false));
        }
        assertFalse(answers(writer, "SELECT ?p { <https://w3id.org/ctkg/id/organization/fine> ?p ?o }"), "the failed job is invisible on the writer");

        // The replicas take no writes, with or without credentials, and nothing changes.
        for (String r : replicas)
            for (String auth : new String[] {null, AUTH}) {
                HttpResponse<String> refused = update(r, "INSERT DATA { <urn:x:s> <urn:x:p> <urn:x:o> }", auth);
                assertTrue(refused.statusCode() >= 400 && refused.statusCode() < 500, refused.statusCode() + " " + refused.body());
            }
        for (String r : replicas)
            assertEquals(writerHash, exportHash(r), "a refused write changed " + r);
        assertFalse(answers(writer, "SELECT ?o { <urn:x:s> <urn:x:p> ?o }"), "nothing the replicas refused reached the writer");
        assertEquals(end, logPosition(writer), "the replicas published nothing");
    }
}
