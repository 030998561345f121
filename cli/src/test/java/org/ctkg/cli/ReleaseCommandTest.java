package org.ctkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ctkg release} as a user runs it: its exit codes, and nothing left behind when it fails. */
class ReleaseCommandTest {
    @TempDir
    Path tmp;

    private static List<String> entries(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void releasesAStoreThenRefusesToOverwriteItOrToDiffAgainstANonRelease() throws Exception {
        Path file = tmp.resolve("shelters.ttl");
        Files.writeString(file, """
                @prefix ctkg: <https://w3id.org/ctkg/ontology#> .
                @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                <https://w3id.org/ctkg/id/organization/shelter> a ctkg:Organization ; rdfs:label "A shelter"@en .
                """, StandardCharsets.UTF_8);
        Path loc = tmp.resolve("store"), out = tmp.resolve("releases");
        assertEquals(0, CommandLineTest.ctkg("load", "--quiet", "--loc", loc.toString(), file.toString()).code());

        CommandLineTest.Run first = CommandLineTest.ctkg("release", "--loc", loc.toString(), "--version", "1.0", "--out", out.toString(),
                "--base-url", "https://data.example.org/ctkg");
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().startsWith("ctkg release: written dir=" + out.resolve("1.0") + " version=1.0 "), first.out());
        assertTrue(Files.readString(out.resolve("1.0/catalog.ttl")).contains("<https://data.example.org/ctkg/1.0/ctkg-1.0.nq.gz>"));

        CommandLineTest.Run again = CommandLineTest.ctkg("release", "--loc", loc.toString(), "--version", "1.0", "--out", out.toString());
        assertEquals(2, again.code(), again.err());
        assertTrue(again.err().contains("already exists"), again.err());

        CommandLineTest.Run notRelease = CommandLineTest.ctkg("release", "--loc", loc.toString(), "--version", "2.0", "--out", out.toString(),
                "--previous", tmp.toString());
        assertEquals(2, notRelease.code(), notRelease.err());
        assertTrue(notRelease.err().contains("not a ctkg release"), notRelease.err());

        CommandLineTest.Run badVersion = CommandLineTest.ctkg("release", "--loc", loc.toString(), "--version", "../up", "--out", out.toString());
        assertEquals(2, badVersion.code(), badVersion.err());
        assertEquals(List.of("1.0"), entries(out), "the failed runs left nothing behind");

        CommandLineTest.Run second = CommandLineTest.ctkg("release", "--loc", loc.toString(), "--version", "2.0", "--out", out.toString(),
                "--previous", out.resolve("1.0").toString());
        assertEquals(0, second.code(), second.err());
        assertTrue(Files.exists(out.resolve("2.0/changes.rdfp")) && Files.exists(out.resolve("2.0/CHANGES.md")));
    }

    @Test
    void aReleaseThatCannotBeWrittenIsAnInternalErrorAndLeavesNothing() throws Exception {
        Path out = tmp.resolve("releases");
        Files.writeString(out, "a file where the releases directory should be");
        CommandLineTest.Run run = CommandLineTest.ctkg("release", "--version", "1", "--out", out.toString());
        assertEquals(1, run.code(), run.err());
        assertTrue(run.err().startsWith("ctkg release: cannot write the release in " + out), run.err());
        assertFalse(Files.isDirectory(out));
        assertEquals(List.of("releases"), entries(tmp));
    }

    @Test
    void withoutRequiredOptionsItIsBadInput() {
        CommandLineTest.Run run = CommandLineTest.ctkg("release", "--out", tmp.toString());
        assertEquals(2, run.code());
        assertTrue(run.err().contains("--version"), run.err());
    }
}
