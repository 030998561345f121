package org.ctkg.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * kill -9 of a loading process, at several moments of the job: the store reopens with exactly
 * its previous content every time.
 */
class KillTest {
    private static final int PEOPLE = 120_000; // 3 triples each
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
    }

    @ParameterizedTest(name = "killed at: {0}")
    @ValueSource(strings = {"progress 50000", "progress 200000", "validating"})
    void killedLoadLeavesTheStoreAsItWas(String moment, @TempDir Path tmp) throws Exception {
        Path loc = tmp.resolve("store");
        try (Store store = Store.open(loc)) {
            LoadJob.create(store).source(RdfFile.of(LoadJobTest.good("organisations.ttl"), null)).build().run();
        }
        List<String> before = StoreSnapshot.of(loc);

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LoadInChildProcess.class.getName(), loc.toString(), data.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        boolean reached = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.equals(moment)) {
                    reached = true;
                    assertTrue(child.isAlive());
                    child.destroyForcibly(); // SIGKILL: no shutdown hooks, no abort
                    break;
                }
                if (line.equals("committed"))
                    break;
            }
        }
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertTrue(reached, "the child never reached '" + moment + "'");
        assertEquals(137, child.exitValue(), "killed by SIGKILL");
        assertEquals(before, StoreSnapshot.of(loc), "the store after kill -9 differs from before the job");
    }
}
