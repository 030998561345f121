package org.ctkg.carml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.ctkg.carml.Engines.Outcome;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The RML conformance cases that CARML itself runs (CSV, JSON and XML sources; MIT, see
 * LICENSE-CARML.md beside them), read from {@code ../shared/data/rml-test-cases} beside the
 * repository: upstream and patched CARML must each give the case's expected graph ({@code output.nq}),
 * or each reject the mapping where the case's metadata expects {@code InvalidRulesError} or its
 * expected output is empty.
 */
class ConformanceCasesTest {
    /** The cases CARML's own run at 0.4.11 skips as known failures (the cases' README lists them). */
    static final Set<String> SKIPPED_BY_CARML = Set.of(
            "RMLTC0002c-JSON", "RMLTC0002c-XML",
            "RMLTC0007h-CSV", "RMLTC0007h-JSON", "RMLTC0007h-XML",
            "RMLTC0010a-JSON", "RMLTC0010b-JSON", "RMLTC0010c-JSON",
            "RMLTC0012d-CSV", "RMLTC0012d-JSON", "RMLTC0012d-XML",
            "RMLTC0015b-CSV", "RMLTC0015b-JSON", "RMLTC0015b-XML",
            "RMLTC0019b-CSV", "RMLTC0019b-JSON", "RMLTC0019b-XML",
            "RMLTC0020b-CSV", "RMLTC0020b-JSON", "RMLTC0020b-XML");

    static Path casesFolder() {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.isRegularFile(root.resolve("carml/pom.xml")))
            root = root.getParent();
        assertTrue(root != null, "not inside the ctkg repository: " + Path.of("").toAbsolutePath());
        Path cases = root.resolveSibling("shared").resolve("data/rml-test-cases");
        assertTrue(Files.isDirectory(cases), "the RML conformance cases are not beside the repository: " + cases);
        return cases;
    }

    /**
     * The cases whose expected result is an error, read from {@code metadata.nt} line by line (some
     * of its lines are not valid N-Triples, so it is not parsed as RDF).
     */
    static Set<String> invalidRules() throws IOException {
        Pattern result = Pattern.compile("^<http://rml\\.io/test-case/([^>]+)> <http://www\\.w3\\.org/2001/sw/DataAccess/"
                + "tests/test-manifest#result> <http://rml\\.io/ns/test-case/InvalidRulesError>");
        try (Stream<String> lines = Files.lines(casesFolder().resolve("metadata.nt"))) {
            return lines.map(result::matcher).filter(Matcher::find).map(m -> m.group(1)).collect(Collectors.toSet());
        }
    }

    static List<Path> cases() throws IOException {
        try (Stream<Path> folders = Files.list(casesFolder())) {
            return folders.filter(f -> f.getFileName().toString().startsWith("RMLTC") && Files.isDirectory(f))
                    .sorted().toList();
        }
    }

    @Test
    void everySkippedCaseExistsAndTheRestAreRun() throws IOException {
        Set<String> names = new TreeSet<>();
        cases().forEach(c -> names.add(c.getFileName().toString()));
        assertEquals(20, SKIPPED_BY_CARML.size());
        assertTrue(names.containsAll(SKIPPED_BY_CARML), "skipped cases not found: " + SKIPPED_BY_CARML);
        assertTrue(names.size() - SKIPPED_BY_CARML.size() >= 90, "too few cases to run: " + names.size());
        Set<String> invalid = new TreeSet<>(invalidRules());
        invalid.retainAll(names);
        assertTrue(invalid.size() >= 15, "too few cases expecting an error: " + invalid);
    }

    @TestFactory
    Stream<DynamicTest> upstreamAndPatchedGiveEachCasesExpectedOutput() throws IOException {
        return cases().stream()
                .filter(c -> !SKIPPED_BY_CARML.contains(c.getFileName().toString()))
                .map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> check(c)));
    }

    private static void check(Path folder) throws IOException {
        String name = folder.getFileName().toString();
        Outcome upstream = Engines.upstream(CaseRun.class, "map", folder.toString());
        Outcome patched = Engines.patched(CaseRun.class, "map", folder.toString());
        Path expected = folder.resolve("output.nq");
        if (invalidRules().contains(name) || !Files.exists(expected) || Files.size(expected) == 0) {
            assertTrue(upstream.failed(), name + ": upstream should reject the mapping, but " + upstream);
            assertEquals(upstream.error(), patched.error(), name + ": patched and upstream reject it differently");
            return;
        }
        assertFalse(upstream.failed(), name + ": upstream " + upstream);
        assertFalse(patched.failed(), name + ": patched " + patched);
        var want = Graphs.parse(Files.readString(expected));
        Graphs.assertIsomorphic(want, Graphs.parse(upstream.output()), name + ", upstream against the expected output");
        Graphs.assertIsomorphic(Graphs.parse(upstream.output()), Graphs.parse(patched.output()), name + ", patched against upstream");
    }
}
