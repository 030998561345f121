package org.ctkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.ctkg.testkit.CaseRecordFiles;
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
        Path store = JarRuns.seededStore(tmp);
        CommandLineTest.Run before = CommandLineTest.ctkg("stats", "--loc", store.toString());
        // 12 MB per file: the store's files (8 MB segments) cannot take a second segment.
        loadFailsForWantOfSpace(store);
        assertEquals(before.out(), CommandLineTest.ctkg("stats", "--loc", store.toString()).out(), "ctkg stats after the failed load");
    }

    @Test
    void aNewGenerationThatRunsOutOfSpaceFailsCleanlyAndLeavesNoStore() throws Exception {
        // A new store and a large file: the job builds a new generation, whose index threads hit the limit.
        Path store = tmp.resolve("new-store");
        loadFailsForWantOfSpace(store);
        assertFalse(Files.exists(store), "the store the job would have created is not left behind");
    }

    /** Loads 300k case-record triples into the store under a 12 MB file-size limit: the job must fail cleanly. */
    private void loadFailsForWantOfSpace(Path store) throws Exception {
        Path cases = CaseRecordFiles.write(tmp, 9, 300_000);
        Path err = tmp.resolve("err.txt");
        Process load = new ProcessBuilder("bash", "-c", "ulimit -f 12000; exec java " + String.join(" ", JarRuns.SHORT_LIVED) + " -jar \"$0\" load --quiet --loc \"$1\" \"$2\"",
                JarRuns.jar().toString(), store.toString(), cases.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
        assertTrue(load.waitFor(120, TimeUnit.SECONDS));
        String message = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(1, load.exitValue(), message);
        assertTrue(message.contains("cannot write to the store (is the disk full, or a file-size limit reached?)"), message);
        assertTrue(message.contains("nothing was written; the store is as it was."), message);
        assertFalse(message.contains("\tat "), "no stack trace: " + message);
    }
}
