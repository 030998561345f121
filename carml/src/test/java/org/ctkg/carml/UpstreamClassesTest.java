package org.ctkg.carml;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The class files of CARML's that ctkg's patched copies replace are the ones the patch was made
 * from, byte for byte: a new CARML that changes any of them fails the build here, naming the
 * entry, so that the patch is diffed again against it instead of silently dropping its changes.
 */
class UpstreamClassesTest {
    static final String RECORD = "org/ctkg/carml/upstream-classes.sha256";
    static final Pattern REPLACED =
            Pattern.compile("io/carml/engine/rdf/(RdfTermGeneratorFactory|RdfPredicateObjectMapper|RdfTriplesMapper)(\\$.*)?\\.class");

    /** carml-engine's jar: where a class that only it has comes from. */
    static Path carmlEngineJar() {
        Path jar = UpstreamCarml.location(io.carml.engine.RmlMapper.class);
        assertTrue(jar.getFileName().toString().startsWith("carml-engine-"), "not carml-engine's jar: " + jar);
        return jar;
    }

    @Test
    void theReplacedClassesAreTheRecordedOnes() throws IOException {
        Map<String, String> recorded = recorded();
        Map<String, String> found = hashes(carmlEngineJar());
        List<String> differences = new ArrayList<>();
        for (String entry : new TreeSet<>(recorded.keySet()))
            if (!found.containsKey(entry))
                differences.add(entry + ": recorded, but no longer in the jar");
            else if (!found.get(entry).equals(recorded.get(entry)))
                differences.add(entry + ": changed upstream (SHA-256 " + found.get(entry) + ", recorded " + recorded.get(entry) + ")");
        for (String entry : found.keySet())
            if (!recorded.containsKey(entry))
                differences.add(entry + ": new in the jar (SHA-256 " + found.get(entry) + "), not recorded");
        assertTrue(differences.isEmpty(), "CARML's classes that the patch replaces are not the ones it was made from ("
                + carmlEngineJar().getFileName() + "): re-diff the patch, then update " + RECORD + "\n  "
                + String.join("\n  ", differences));
        for (String replaced : List.of("RdfTermGeneratorFactory", "RdfPredicateObjectMapper", "RdfTriplesMapper"))
            assertTrue(recorded.containsKey("io/carml/engine/rdf/" + replaced + ".class"), replaced + " is not recorded");
    }

    private static Map<String, String> recorded() throws IOException {
        Map<String, String> recorded = new TreeMap<>();
        try (InputStream in = UpstreamClassesTest.class.getClassLoader().getResourceAsStream(RECORD)) {
            assertTrue(in != null, RECORD + " is not on the test class path");
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#"))
                    continue;
                String[] parts = line.strip().split("\\s+", 2);
                recorded.put(parts[1], parts[0]);
            }
        }
        return recorded;
    }

    private static Map<String, String> hashes(Path jar) throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : file.stream().filter(e -> REPLACED.matcher(e.getName()).matches()).toList()) {
                try (InputStream in = file.getInputStream(entry)) {
                    hashes.put(entry.getName(), HexFormat.of().formatHex(sha256().digest(in.readAllBytes())));
                }
            }
        }
        return hashes;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
