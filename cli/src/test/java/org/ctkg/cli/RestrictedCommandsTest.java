package org.ctkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.ctkg.loader.Store;
import org.ctkg.server.CtkgServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --access restricted} on the command line: loads, stats, and remote stats and export for the public and for a reader. */
class RestrictedCommandsTest {
    private static final String GRAPH = "https://w3id.org/ctkg/graph/cases";
    private static final String CASES = """
            @prefix ctkg: <https://w3id.org/ctkg/ontology#> .
            <https://w3id.org/ctkg/id/case/r-one> a ctkg:CaseRecord ; ctkg:yearOfRegistration "2019"^^<http://www.w3.org/2001/XMLSchema#gYear> ;
                ctkg:formOfExploitation <https://w3id.org/ctkg/id/crime/forced-labour> .
            """;
    private static final String NOTE = "<https://w3id.org/ctkg/id/note/x> <http://www.w3.org/2000/01/rdf-schema#label> \"x\" .\n";
    @TempDir
    Path tmp;

    @Test
    void aRestrictedGraphIsRememberedShownAndSeenOnlyByItsReaders() throws Exception {
        Path loc = tmp.resolve("store");
        Path cases = Files.writeString(tmp.resolve("cases.ttl"), CASES);
        CommandLineTest.Run load = CommandLineTest.ctkg("load", "--quiet", "--loc", loc.toString(), "--access", "restricted", "--graph", GRAPH, cases.toString());
        assertEquals(0, load.code(), load.err());
        CommandLineTest.Run stats = CommandLineTest.ctkg("stats", "--loc", loc.toString());
        assertTrue(stats.out().contains("   " + GRAPH + "  3  restricted\n"), stats.out());

        Path note = Files.writeString(tmp.resolve("note.nt"), NOTE);
        CommandLineTest.Run publicLoad = CommandLineTest.ctkg("load", "--quiet", "--loc", loc.toString(), "--graph", GRAPH, note.toString());
        assertEquals(2, publicLoad.code(), "a public load into a restricted graph is bad input");
        assertTrue(publicLoad.err().contains(GRAPH + " is restricted") && publicLoad.err().contains("--change-access"), publicLoad.err());
        assertEquals(stats, CommandLineTest.ctkg("stats", "--loc", loc.toString()), "store unchanged");
        assertEquals(2, CommandLineTest.ctkg("load", "--loc", loc.toString(), "--access", "secret", note.toString()).code(), "an unknown level");

        Path readers = Files.writeString(tmp.resolve("readers"), "carol: c-pw restricted\n");
        Path password = Files.writeString(tmp.resolve("password"), "c-pw\n", StandardCharsets.UTF_8);
        try (Store store = Store.openExisting(loc)) {
            CtkgServer server = CtkgServer.create().port(0).dataset(store.dataset()).readers(readers).build().start();
            try {
                String url = server.baseUrl();
                CommandLineTest.Run remote = CommandLineTest.ctkg("stats", "--server", url);
                assertEquals(0, remote.code(), remote.err());
                assertFalse(remote.out().contains(GRAPH) || remote.out().contains("CaseRecord"), remote.out());
                CommandLineTest.Run export = CommandLineTest.ctkg("export", "--server", url, "--format", "nq");
                assertEquals(0, export.code(), export.err());
                assertFalse(export.out().contains(GRAPH) || export.out().contains("/id/case/"), "remote export, anonymous");
                CommandLineTest.Run reader = CommandLineTest.ctkg("stats", "--server", url, "--user", "carol", "--password-file", password.toString());
                assertTrue(reader.out().contains("   " + GRAPH + "  3  restricted\n"), reader.out());
                CommandLineTest.Run readerExport = CommandLineTest.ctkg("export", "--server", url, "--format", "nq",
                        "--user", "carol", "--password-file", password.toString());
                assertTrue(readerExport.out().contains("<https://w3id.org/ctkg/id/case/r-one>"), "remote export, a reader");
            } finally {
                server.stop();
            }
        }
    }

    @Test
    void thePublishedCountsThresholdIsAnOptionOfAtLeastTwo() throws Exception {
        Path loc = tmp.resolve("store");
        Path cases = Files.writeString(tmp.resolve("cases.ttl"), CASES);
        CommandLineTest.Run one = CommandLineTest.ctkg("load", "--quiet", "--loc", loc.toString(), "--access", "restricted", "--min-cell", "1", cases.toString());
        assertEquals(2, one.code());
        assertTrue(one.err().contains("--min-cell must be at least 2"), one.err());
        assertFalse(Files.exists(loc), "no store made");
        CommandLineTest.Run serve = CommandLineTest.ctkg("serve", "--port", "0", "--min-cell", "1");
        assertEquals(2, serve.code());
        assertTrue(serve.err().contains("at least 2"), serve.err());
        assertEquals(2, CommandLineTest.ctkg("load", "--server", "http://127.0.0.1:1", "--min-cell", "3", cases.toString()).code(), "a server's own threshold applies");

        CommandLineTest.Run two = CommandLineTest.ctkg("load", "--quiet", "--loc", loc.toString(), "--access", "restricted", "--graph", GRAPH, "--min-cell", "2", cases.toString());
        assertEquals(0, two.code(), two.err());
        CommandLineTest.Run export = CommandLineTest.ctkg("export", "--loc", loc.toString(), "--format", "nq");
        assertTrue(export.out().contains("<https://w3id.org/ctkg/id/case-counts/total/all> <https://w3id.org/ctkg/ontology#caseCountStatus> \"suppressed (fewer than 2)\""
                + " <https://w3id.org/ctkg/graph/case-counts>"), "one record: its total is suppressed under k = 2");
        assertTrue(CommandLineTest.ctkg("stats", "--loc", loc.toString()).out().contains("   https://w3id.org/ctkg/graph/case-counts  "), "the cube's graph");
    }
}
