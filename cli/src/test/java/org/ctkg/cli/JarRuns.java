package org.ctkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;


/** What the tests that run ctkg in a process of its own share: the jar, a small store, a big file. */
final class JarRuns {
    private JarRuns() {}

    private static final String SERVING = "ctkg serving on ";

    /**
     * JVM options for the jar's processes in tests: each lives seconds, so C1 only and the serial
     * collector make it cheap to start and light on the other core (C2 would spend more CPU
     * compiling than it saves). What ctkg does does not depend on them.
     */
    static final List<String> SHORT_LIVED = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    /** The command line that runs {@code ctkg ARGS} from the jar, as a short-lived process. */
    static List<String> ctkg(String... args) {
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(SHORT_LIVED);
        command.addAll(List.of("-jar", jar().toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** A {@code ctkg serve} process and the base URL it said it serves at. */
    record Served(Process process, String base) {}

    /**
     * Starts {@code ctkg serve --port 0 --localhost ARGS} with its standard error in {@code err},
     * and returns once it says where it serves; the caller stops the process.
     */
    static Served serve(Path err, String... args) throws IOException {
        List<String> command = ctkg("serve", "--port", "0", "--localhost");
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(err.toFile()).start();
        String line = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine();
        if (line == null || !line.startsWith(SERVING))
            process.destroyForcibly();
        assertTrue(line != null && line.startsWith(SERVING), "ctkg serve did not start: " + line + "\n" + Files.readString(err));
        return new Served(process, line.substring(SERVING.length()).split("\\s+")[0]);
    }

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
