package org.ctkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.ctkg.loader.CaseRecordGenerator;

/** What the tests that run ctkg in a process of its own share: the jar, a small store, a big file. */
final class JarRuns {
    private JarRuns() {}

    /** The runnable jar the build made. */
    static Path jar() {
        return Path.of(System.getProperty("ctkg.jar", "target/ctkg.jar")).toAbsolutePath();
    }

    /** A store under {@code tmp} made by {@code ctkg load} of one shelter. */
    static Path seededStore(Path tmp) throws IOException {
        Path store = tmp.resolve("store");
        Path shelters = tmp.resolve("shelters.ttl");
        Files.writeString(shelters, "<https://w3id.org/ctkg/id/organization/s> a <https://w3id.org/ctkg/ontology#Organization> ;"
                + " <http://www.w3.org/2000/01/rdf-schema#label> \"A shelter\"@en .\n");
        CommandLineTest.Run load = CommandLineTest.ctkg("load", "--quiet", "--loc", store.toString(), shelters.toString());
        assertEquals(0, load.code(), load.err());
        return store;
    }

    /** A file of generated case records, {@code tmp/cases.nt}: a job big enough to be caught in the middle. */
    static Path caseRecords(Path tmp, long seed, long triples) throws IOException {
        Path cases = tmp.resolve("cases.nt");
        try (OutputStream out = Files.newOutputStream(cases)) {
            new CaseRecordGenerator(seed).write(out, triples);
        }
        return cases;
    }
}
