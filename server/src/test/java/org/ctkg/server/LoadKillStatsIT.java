package org.ctkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.ctkg.loader.CaseRecordGenerator;
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
        Path jar = Path.of(System.getProperty("ctkg.jar", "target/ctkg.jar")).toAbsolutePath();
        Path store = tmp.resolve("store");
        Path shelters = tmp.resolve("shelters.ttl");
        Files.writeString(shelters, "<https://w3id.org/ctkg/id/organization/s> a <https://w3id.org/ctkg/ontology#Organization> ;"
                + " <http://www.w3.org/2000/01/rdf-schema#label> \"A shelter\"@en .\n");
        assertEquals(0, CommandLineTest.ctkg("load", "--quiet", "--loc", store.toString(), shelters.toString()).code());
        CommandLineTest.Run before = CommandLineTest.ctkg("stats", "--loc", store.toString());
        assertEquals(0, before.code(), before.err());

        Path cases = tmp.resolve("cases.nt");
        try (OutputStream out = Files.newOutputStream(cases)) {
            new CaseRecordGenerator(5).write(out, 1_000_000);
        }
        Process load = new ProcessBuilder("java", "-jar", jar.toString(), "load", "--quiet", "--loc", store.toString(), cases.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(!load.waitFor(4, TimeUnit.SECONDS), "the load ended before the kill: make it bigger");
        load.destroyForcibly();   // SIGKILL
        assertTrue(load.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, load.exitValue(), "killed by SIGKILL");

        CommandLineTest.Run after = CommandLineTest.ctkg("stats", "--loc", store.toString());
        assertEquals(0, after.code(), after.err());
        assertEquals(before.out(), after.out(), "ctkg stats after the kill");
    }
}
