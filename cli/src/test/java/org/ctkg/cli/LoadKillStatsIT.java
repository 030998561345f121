package org.ctkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.ctkg.testkit.CaseRecordFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the {@code ctkg load} command (the runnable jar, in a process of its own) in
 * the middle of a job: afterwards {@code ctkg stats} reports exactly what it reported before.
 */
class LoadKillStatsIT {
    @TempDir
    Path tmp;

    @Test
    void statsAfterAKilledLoadAreStatsBeforeIt() throws Exception {
        Path store = JarRuns.seededStore(tmp);
        CommandLineTest.Run before = CommandLineTest.ctkg("stats", "--loc", store.toString());
        assertEquals(0, before.code(), before.err());

        Path cases = CaseRecordFiles.write(tmp, 5, 1_000_000);
        Process load = new ProcessBuilder(JarRuns.ctkg("load", "--quiet", "--loc", store.toString(), cases.toString()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long written = bytesOfData(store);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (bytesOfData(store) == written) {   // until the job writes into the store
            assertTrue(!load.waitFor(50, TimeUnit.MILLISECONDS), "the load ended before it wrote: make it bigger");
            assertTrue(System.nanoTime() < deadline, "the load wrote nothing into the store in 2 minutes");
        }
        assertTrue(load.isAlive(), "the load ended before the kill: make it bigger");
        load.destroyForcibly();   // SIGKILL
        assertTrue(load.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, load.exitValue(), "killed by SIGKILL");

        CommandLineTest.Run after = CommandLineTest.ctkg("stats", "--loc", store.toString());
        assertEquals(0, after.code(), after.err());
        assertEquals(before.out(), after.out(), "ctkg stats after the kill");
    }

    /** The bytes of the store's node and index files, in every generation: they grow once a job writes. */
    private static long bytesOfData(Path store) throws IOException {
        try (Stream<Path> files = Files.walk(store)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".dat")).mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
