package org.ctkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Running out of space during a load, simulated without root with a file-size limit on the loading
 * process ({@code ulimit -f}): the store cannot grow past it, as on a full disk. The job ends with a
 * clear message and exit 1, and the store is as it was ({@code ctkg stats} agrees).
 */
class FileLimitIT {
    @TempDir
    Path tmp;

    @Test
    void aLoadThatRunsOutOfSpaceFailsCleanlyAndLeavesTheStoreAsItWas() throws Exception {
        Path jar = JarRuns.jar();
        Path store = JarRuns.seededStore(tmp);
        CommandLineTest.Run before = CommandLineTest.ctkg("stats", "--loc", store.toString());
        Path cases = JarRuns.caseRecords(tmp, 9, 1_000_000);
        Path err = tmp.resolve("err.txt");
        // 40 MB per file: the store's index files (8 MB segments) cannot grow enough for a million triples.
        Process load = new ProcessBuilder("bash", "-c", "ulimit -f 40000; exec java -jar \"$0\" load --quiet --loc \"$1\" \"$2\"",
                jar.toString(), store.toString(), cases.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
        assertTrue(load.waitFor(120, TimeUnit.SECONDS));
        String message = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(1, load.exitValue(), message);
        assertTrue(message.contains("cannot write to the store (is the disk full, or a file-size limit reached?)"), message);
        assertTrue(message.contains("nothing was written; the store is as it was."), message);
        assertEquals(before.out(), CommandLineTest.ctkg("stats", "--loc", store.toString()).out(), "ctkg stats after the failed load");
    }
}
