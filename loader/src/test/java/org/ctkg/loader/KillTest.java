package org.ctkg.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.ctkg.loader.source.RdfFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * kill -9 of a loading process at moments of the job from its start to its commit, writing in one
 * transaction and writing a new store generation: the store reopens with exactly its previous
 * content every time, or (killed while committing, once the commit is durable) exactly the content
 * the job commits; never a mix.
 */
@Execution(ExecutionMode.CONCURRENT) // each case waits on a child process of its own: two at a time
class KillTest {
    private static final int PEOPLE = 16_000; // 3 triples each: progress is reported at 20 000 and 40 000
    @TempDir
    static Path shared;
    private static Path data;

    @BeforeAll
    static void generate() throws Exception {
        data = shared.resolve("people-bulk.nt");
        try (BufferedWriter w = Files.newBufferedWriter(data, StandardCharsets.UTF_8)) {
            for (int i = 0; i < PEOPLE; i++) {
                String s = "<https://w3id.org/ctkg/id/person/bulk-" + i + ">";
                w.write(s + " <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/ctkg/ontology#Person> .\n");
                w.write(s + " <http://www.w3.org/2000/01/rdf-schema#label> \"Person " + i + "\" .\n");
                w.write(s + " <https://schema.org/name> \"Person " + i + "\" .\n");
            }
        }
        beforeAndAfter();
    }

    /** The data (provenance aside) of a store after the job committed, computed once in process. */
    private static List<String> after;

    private static void beforeAndAfter() throws IOException {
        Path loc = TemplateStores.copy("organisations.ttl", shared.resolve("reference"));
        try (Store store = Store.open(loc)) {
            LoadJob.create(store).source(RdfFile.of(data, null)).build().run();
        }
        // The job's own provenance (its IRI and times) differs from run to run: compare the data.
        after = withoutProvenance(StoreSnapshot.of(loc));
    }

    private static List<String> withoutProvenance(List<String> quads) {
        return quads.stream().filter(q -> !q.endsWith("<https://w3id.org/ctkg/graph/provenance> .")).toList();
    }

    @ParameterizedTest(name = "writing {0}, killed at: {1}")
    @CsvSource({"transaction, reading", "transaction, progress 20000", "transaction, progress 40000",
                "transaction, written", "transaction, validating", "transaction, committing",
                "generation, reading", "generation, progress 20000", "generation, progress 40000",
                "generation, written", "generation, validating", "generation, committing"})
    void killedLoadLeavesTheStoreAsItWasOrAsTheJobLeftIt(String mode, String moment, @TempDir Path tmp) throws Exception {
        Path loc = TemplateStores.copy("organisations.ttl", tmp.resolve("store"));
        List<String> before = TemplateStores.snapshot("organisations.ttl");

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", // a short-lived child: cheap to start, light on the other cores
                "-cp", System.getProperty("java.class.path"), LoadInChildProcess.class.getName(), loc.toString(), data.toString(), mode)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        boolean reached = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.equals(moment)) {
                    reached = true;
                    assertTrue(child.isAlive() || moment.equals("committing"), "the child ended before the kill");
                    child.destroyForcibly(); // SIGKILL: no shutdown hooks, no abort
                    break;
                }
                if (line.equals("committed"))
                    break;
            }
        }
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertTrue(reached, "the child never reached '" + moment + "'");
        if (!moment.equals("committing"))
            assertEquals(137, child.exitValue(), "killed by SIGKILL");
        List<String> now = StoreSnapshot.of(loc);
        try (var files = Files.list(loc)) {
            assertEquals(1, files.filter(p -> p.getFileName().toString().startsWith("Data-")).count(),
                    "one generation once the store is open again: an unfinished one is removed");
        }
        if (now.equals(before))
            return;  // exactly as before the job, its provenance included
        assertEquals("committing", moment, "the store after kill -9 differs from before the job");
        assertEquals(after, withoutProvenance(now), "killed while committing: the store is neither as before nor as after the job");
        assertTrue(now.containsAll(before), "killed after its commit: everything from before is still there");
    }
}
