package org.ctkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;


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
}
