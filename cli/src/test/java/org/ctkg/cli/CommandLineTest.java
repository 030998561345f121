package org.ctkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.ctkg.loader.Store;
import org.ctkg.server.CtkgServer;
import org.ctkg.testkit.SparqlHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line as a user runs it: a whole job, exit codes, help, and the store served afterwards. */
public class CommandLineTest {
    @TempDir
    Path tmp;

    /** A finished command: exit code, standard output and standard error. */
    record Run(int code, String out, String err) {}

    static Run ctkg(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Ctkg.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path write(String name, String content) throws Exception {
        Path p = tmp.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static final String GOOD = """
            @prefix ctkg: <https://w3id.org/ctkg/ontology#> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            <https://w3id.org/ctkg/id/organization/shelter> a ctkg:Organization ; rdfs:label "A shelter"@en ;
                ctkg:operatesIn <https://w3id.org/ctkg/id/country/mex> .
            """;

    @Test
    void aWholeJobLoadValidateServeExport() throws Exception {
        Path file = write("shelters.ttl", GOOD);
        Path loc = tmp.resolve("store");
        assertEquals(0, ctkg("validate", file.toString()).code());
        Run load = ctkg("load", "--quiet", "--loc", loc.toString(), file.toString());
        assertEquals(0, load.code(), load.err());
        assertTrue(load.out().startsWith("ctkg load: committed job=https://w3id.org/ctkg/id/load/"), load.out());
        assertTrue(load.out().contains("added=3"), load.out());

        Run stats = ctkg("stats", "--loc", loc.toString());
        assertEquals(0, stats.code());
        assertTrue(stats.out().contains("https://w3id.org/ctkg/graph/shelters  3"), stats.out());
        assertTrue(stats.out().contains("committed"), stats.out());

        try (Store store = Store.openExisting(loc)) {
            CtkgServer server = CtkgServer.create().port(0).dataset(store.dataset()).build().start();
            try {
                List<List<String>> rows = SparqlHttp.select(server.sparqlUrl(),
                        "SELECT ?label { <https://w3id.org/ctkg/id/organization/shelter> <http://www.w3.org/2000/01/rdf-schema#label> ?label }");
                assertEquals(List.of(List.of("A shelter")), rows);
            } finally {
                server.stop();
            }
        }

        Path exported = tmp.resolve("out.nt");
        Run export = ctkg("export", "--loc", loc.toString(), "--graph", "https://w3id.org/ctkg/graph/shelters", "--format", "nt", "--out", exported.toString());
        assertEquals(0, export.code(), export.err());
        assertEquals(3, Files.readAllLines(exported).stream().filter(l -> !l.isBlank()).count());

        Path all = tmp.resolve("all.nq");
        assertEquals(0, ctkg("export", "--loc", loc.toString(), "--out", all.toString()).code());
        Run reload = ctkg("load", "--quiet", "--loc", tmp.resolve("copy").toString(), all.toString());
        assertEquals(0, reload.code(), reload.err());
        assertTrue(Files.readString(all).contains("<https://w3id.org/ctkg/graph/provenance>"), "export includes provenance");
    }

    @Test
    void exitCodesSayWhatWentWrong() throws Exception {
        Path loc = tmp.resolve("store");
        assertEquals(0, ctkg("load", "--quiet", "--loc", loc.toString(), write("ok.ttl", GOOD).toString()).code());
        String before = ctkg("export", "--loc", loc.toString()).out();

        Run syntax = ctkg("load", "--loc", loc.toString(), write("broken.ttl", "<https://x.org/a> <https://x.org/b> .").toString());
        assertEquals(2, syntax.code());
        assertTrue(syntax.err().contains("broken.ttl:1:"), syntax.err());

        Run invalid = ctkg("load", "--loc", loc.toString(), write("nameless.ttl",
                "<https://w3id.org/ctkg/id/organization/x> a <https://w3id.org/ctkg/ontology#Organization> .").toString());
        assertEquals(3, invalid.code());
        assertTrue(invalid.err().contains("<https://w3id.org/ctkg/id/organization/x> <http://www.w3.org/2000/01/rdf-schema#label>"), invalid.err());
        assertTrue(invalid.err().endsWith("ctkg load: nothing was written; the store is as it was.\n"), invalid.err());
        assertEquals(3, ctkg("validate", tmp.resolve("nameless.ttl").toString()).code());

        assertEquals(before, ctkg("export", "--loc", loc.toString()).out(), "failed jobs changed the store");
        assertEquals(2, ctkg("load", "--loc", loc.toString()).code(), "no file");
        assertEquals(2, ctkg("load", "--bogus", "x").code(), "unknown option");
        assertEquals(2, ctkg("nonsense").code(), "unknown command");
        assertEquals(2, ctkg("stats", "--loc", tmp.resolve("nowhere").toString()).code(), "no store");
    }

    @Test
    void anOfflineLoadIntoAReplicatedStoreIsRefusedAndTheStoreIsUnchanged() throws Exception {
        Path loc = tmp.resolve("store");
        assertEquals(0, ctkg("load", "--quiet", "--loc", loc.toString(), write("ok.ttl", GOOD).toString()).code());
        String before = ctkg("export", "--loc", loc.toString()).out();
        // What a writer or a replica keeps beside its store (ctkg serve --publish-to / --replica-of).
        Path position = Files.writeString(tmp.resolve("store.position"), "topic=ctkg\nnext=3\n");

        Path more = write("more.ttl", GOOD.replace("shelter", "refuge"));
        Run refused = ctkg("load", "--quiet", "--loc", loc.toString(), more.toString());
        assertEquals(2, refused.code(), refused.err());
        assertTrue(refused.err().contains(position.toString()), "names the file: " + refused.err());
        assertTrue(refused.err().contains("an offline load is not published"), "says why: " + refused.err());
        assertTrue(refused.err().contains("load through the running writer instead (ctkg load --server URL"), "says what to do: " + refused.err());
        assertTrue(refused.err().endsWith("ctkg load: nothing was written; the store is as it was.\n"), refused.err());
        assertEquals("", refused.out());
        assertEquals(before, ctkg("export", "--loc", loc.toString()).out(), "the refused load changed the store");
        assertEquals("topic=ctkg\nnext=3\n", Files.readString(position), "the place in the log is untouched");

        Path fresh = tmp.resolve("fresh");
        Files.writeString(tmp.resolve("fresh.position"), "topic=ctkg\nnext=0\n");
        assertEquals(2, ctkg("load", "--quiet", "--loc", fresh.toString(), more.toString()).code(), "a replica's store not made yet");
        assertFalse(Files.exists(fresh), "no store was made");

        Files.delete(position);
        assertEquals(0, ctkg("load", "--quiet", "--loc", loc.toString(), more.toString()).code(), "a store out of replication loads again");
    }

    @Test
    void aMappingJobLoadsATableReportsItsLeftOutRowsAndRefusesABadOne() throws Exception {
        Path loc = tmp.resolve("store");
        Path mapping = Path.of("..", "mappings", "us-tip-tiers.rml.ttl");
        Path table = write("tip_tiers_orig.csv", """
                "countryname","iso","year","ccode","tier"
                "Mexico","MEX",2000,70,NA
                "Mexico","MEX",2004,70,"Watchlist    "
                """);
        Run load = ctkg("load", "--quiet", "--loc", loc.toString(), "--graph", "https://w3id.org/ctkg/graph/us-tip-tiers", "--replace",
                        "--mapping", mapping.toString(), table.toString());
        assertEquals(0, load.code(), load.err());
        assertTrue(load.err().contains("ctkg load: note: tip_tiers_orig.csv: 2 rows read, 1 mapped, 1 left out (lines 2)"), load.err());
        assertTrue(load.out().contains("files=2"), "the mapping and the table: " + load.out());
        String before = ctkg("export", "--loc", loc.toString()).out();
        assertTrue(before.contains("<https://w3id.org/ctkg/id/tip-placement/mex-2004> <https://w3id.org/ctkg/ontology#tier> <https://w3id.org/ctkg/id/tip-tier/tier-2-watch-list>"));

        Path broken = write("bad/tip_tiers_orig.csv".replace("bad/", ""), "\"countryname\",\"iso\",\"year\",\"ccode\",\"tier\"\n\"Mexico\",\"MEX\",2005,70,\"Tier 9\"\n");
        Run bad = ctkg("load", "--loc", loc.toString(), "--graph", "https://w3id.org/ctkg/graph/us-tip-tiers", "--replace",
                       "--mapping", mapping.toString(), broken.toString());
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains("tip_tiers_orig.csv:2: column tier: 'Tier 9' is not a TIP tier"), bad.err());
        assertTrue(bad.err().contains("nothing was written; the store is as it was"), bad.err());
        assertEquals(before, ctkg("export", "--loc", loc.toString()).out(), "the failed mapping job changed the store");
    }

    @Test
    void validateWritesATurtleReport() throws Exception {
        Path bad = write("nameless.ttl", "<https://w3id.org/ctkg/id/organization/x> a <https://w3id.org/ctkg/ontology#Organization> .");
        Run run = ctkg("validate", "--format", "ttl", bad.toString());
        assertEquals(3, run.code());
        assertTrue(run.out().contains("sh:ValidationReport") && run.out().contains("sh:conforms") , run.out());
    }

    @Test
    void aFailedJobIsReportedOnceWithTheStoreAssuranceOnlyWhereAStoreIsWritten() throws Exception {
        Path nowhere = tmp.resolve("nowhere");
        String noStore = nowhere + ": no ctkg store here (create one with ctkg load --loc " + nowhere + " FILE)";
        Run stats = ctkg("stats", "--loc", nowhere.toString());
        assertEquals(new Run(2, "", "ctkg stats: " + noStore + "\n"), stats);
        Run export = ctkg("export", "--loc", nowhere.toString());
        assertEquals(new Run(2, "", "ctkg export: " + noStore + "\n"), export);

        Path loc = tmp.resolve("store");
        assertEquals(0, ctkg("load", "--quiet", "--loc", loc.toString(), write("ok.ttl", GOOD).toString()).code());
        Run noGraph = ctkg("export", "--loc", loc.toString(), "--graph", "https://example.org/none");
        assertEquals(new Run(2, "", "ctkg export: no graph <https://example.org/none> in the store\n"), noGraph);
        Run empty = ctkg("load", "--loc", loc.toString(), write("empty.ttl", "").toString());
        assertEquals(2, empty.code(), empty.err());
        assertTrue(empty.err().startsWith("ctkg load: ") && empty.err().contains("empty.ttl"), empty.err());
        assertTrue(empty.err().endsWith("\nctkg load: nothing was written; the store is as it was.\n"), empty.err());
        Run map = ctkg("map", "--mapping", nowhere.resolve("m.rml.ttl").toString(), "x.csv");
        assertEquals(new Run(2, "", "ctkg map: " + nowhere.resolve("m.rml.ttl") + ": no such file\n"), map);
    }

    @Test
    void aBadCommandLineNamesTheCommandAndPointsToItsHelp() {
        assertEquals(new Run(2, "", "ctkg load: Unknown option: '--bogus'\nTry 'ctkg load --help'.\n"), ctkg("load", "--bogus", "x"));
        assertEquals(new Run(2, "", "ctkg load: give at least one FILE to load\nTry 'ctkg load --help'.\n"), ctkg("load", "--loc", "x"));
        Run port = ctkg("serve", "--port", "eighty");
        assertEquals(2, port.code());
        assertTrue(port.err().startsWith("ctkg serve: Invalid value for option '--port': 'eighty'"), port.err());
        assertTrue(port.err().endsWith("\nTry 'ctkg serve --help'.\n"), port.err());
        assertEquals(new Run(2, "", "ctkg serve: port must be 0..65535, got 70000\nTry 'ctkg serve --help'.\n"), ctkg("serve", "--port", "70000"));
        assertEquals(new Run(2, "", "ctkg serve: --query-budget must be 0 (none) or a number of seconds per minute, got -1\nTry 'ctkg serve --help'.\n"),
                ctkg("serve", "--query-budget", "-1"));
        assertEquals(new Run(2, "", "ctkg serve: the bound on concurrent queries must be 0 (none) or positive, got -2\nTry 'ctkg serve --help'.\n"),
                ctkg("serve", "--max-concurrent-queries", "-2"));
        assertEquals(new Run(2, "", "ctkg serve: the bounds on running queries, their wait and the request rate are 0 (none) or positive\n"
                + "Try 'ctkg serve --help'.\n"), ctkg("serve", "--max-running-queries", "-1"));
        assertEquals(new Run(2, "", "ctkg serve: --idle-timeout must be a positive number of seconds, got 0\nTry 'ctkg serve --help'.\n"),
                ctkg("serve", "--idle-timeout", "0"));
        assertEquals(new Run(2, "", "ctkg serve: a trusted proxy is an IP address or a CIDR range (such as 127.0.0.1, ::1 or 10.0.0.0/8), "
                + "got 'proxy.example.org'\nTry 'ctkg serve --help'.\n"), ctkg("serve", "--trusted-proxy", "proxy.example.org"));
        Path noReleases = tmp.resolve("no-releases");
        assertEquals(new Run(2, "", "ctkg serve: the releases directory " + noReleases + " is not a directory (ctkg release --out DIR makes it)\n"
                + "Try 'ctkg serve --help'.\n"), ctkg("serve", "--releases", noReleases.toString()));
        Run format = ctkg("export", "--loc", "x", "--format", "xml");
        assertEquals(2, format.code());
        assertTrue(format.err().contains("[nq, trig, ttl, nt, jsonld]") && format.err().contains("'xml'"), format.err());
        Run triples = ctkg("generate", "--triples", "many", "--out", tmp.resolve("g.nt").toString());
        assertEquals(2, triples.code(), "not an internal error: " + triples.err());
    }

    @Test
    void replicationOptionsThatCannotWorkAreUsageErrorsBeforeAnythingStarts() throws IOException {
        Path passwd = Files.writeString(tmp.resolve("passwd"), "alice: s3cret\n");
        String help = "\nTry 'ctkg serve --help'.\n";
        assertEquals(new Run(2, "", "ctkg serve: --publish-to needs --loc DIR: a store of its own that outlives the server" + help),
                ctkg("serve", "--publish-to", "127.0.0.1:9092"));
        assertEquals(new Run(2, "", "ctkg serve: --publish-to and --replica-of exclude each other: a server either writes or follows a writer" + help),
                ctkg("serve", "--loc", "x", "--publish-to", "127.0.0.1:9092", "--replica-of", "127.0.0.1:9092"));
        assertEquals(new Run(2, "", "ctkg serve: a replica takes no writes (only the writer's log changes it): drop --passwd and "
                + "CTKG_WRITER_PASSWORD, or serve without --replica-of" + help),
                ctkg("serve", "--loc", "x", "--passwd", passwd.toString(), "--replica-of", "127.0.0.1:9092"));
        Run topic = ctkg("serve", "--loc", "x", "--replica-of", "127.0.0.1:9092", "--topic", "no spaces");
        assertEquals(2, topic.code(), topic.err());
        assertTrue(topic.err().contains("'no spaces' is not a Kafka topic name"), topic.err());
    }

    @Test
    void aServerWhoseKafkaCannotBeReachedExitsWithinItsBoundSayingWhy() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();   // closed again: nothing listens there
        }
        Path store = tmp.resolve("unreachable");
        assertEquals(0, ctkg("load", "--quiet", "--loc", store.toString(), write("kept.ttl", GOOD).toString()).code());
        String before = ctkg("export", "--loc", store.toString()).out();
        for (String role : new String[] {"--replica-of", "--publish-to"}) {
            // 25 s: seven times what the 2 s bound takes here, and under the 30 s default a server ignoring the option would wait.
            Run run = assertTimeoutPreemptively(java.time.Duration.ofSeconds(25),
                    () -> ctkg("serve", "--loc", store.toString(), "--port", "0", role, "127.0.0.1:" + port, "--kafka-timeout", "2"));
            assertEquals(1, run.code(), run.err());
            assertTrue(run.err().contains("127.0.0.1:" + port) && run.err().contains("Kafka"), role + ": " + run.err());
            assertEquals(before, ctkg("export", "--loc", store.toString()).out(), role + ": the store is as it was");
        }
        Run zero = ctkg("serve", "--loc", "x", "--replica-of", "127.0.0.1:9092", "--kafka-timeout", "0");
        assertEquals(new Run(2, "", "ctkg serve: --kafka-timeout must be a positive number of seconds, got 0\nTry 'ctkg serve --help'.\n"), zero);
    }

    @Test
    void kafkaWithoutTheBrokersClassPathSaysWhereToRunIt() {
        Run run = ctkg("kafka", "--dir", tmp.resolve("kafka").toString());
        assertEquals(1, run.code(), run.err());
        assertTrue(run.err().startsWith("ctkg kafka: no Kafka broker to start: its class path is not in ctkg's jar; run ./ctkg kafka"), run.err());
    }

    @Test
    void withoutACommandTheListOfCommandsIsAnErrorAndWithHelpItIsNot() {
        List<String> commands = List.of("completion", "export", "generate", "help", "kafka", "load", "map", "release", "serve", "snapshot", "stats", "validate");
        Run none = ctkg();
        assertEquals(2, none.code());
        assertEquals("", none.out());
        assertTrue(none.err().startsWith("Usage: ctkg COMMAND [OPTIONS]"), none.err());
        Run unknown = ctkg("nonsense");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().startsWith("ctkg: unknown command 'nonsense'\nUsage: ctkg COMMAND"), unknown.err());
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"-h"}, new String[] {"help"})) {
            Run help = ctkg(args);
            assertEquals(0, help.code(), help.err());
            for (String command : commands)
                assertTrue(help.out().contains("\n  " + command + " "), command + " in\n" + help.out());
        }
        assertTrue(ctkg("help", "stats").out().startsWith("Usage: ctkg stats"));
    }

    @Test
    void versionIsTheBuildsVersion() {
        String version = System.getProperty("ctkg.version");
        assertTrue(version != null && !version.isBlank(), "the build passes its version as ctkg.version");
        assertEquals(new Run(0, "ctkg " + version + "\n", ""), ctkg("--version"));
    }

    @Test
    void serveHelpListsEveryOptionWithItsDefault() {
        String help = ctkg("serve", "--help").out();
        for (String option : List.of("--config=FILE", "--loc=DIR", "--port=N", "--timeout=SECONDS", "--max-rows=N", "--max-query-bytes=N",
                                     "--base=IRI", "--localhost", "--passwd=FILE", "--query-budget=SECONDS", "--max-concurrent-queries=N",
                                     "--trusted-proxy=ADDR", "--max-running-queries=N", "--max-queue-wait=SECONDS",
                                     "--max-requests-per-second=N", "--idle-timeout=SECONDS"))
            assertTrue(Pattern.compile("  " + Pattern.quote(option) + "[ \\[\n]").matcher(help).find(), option + " in\n" + help);
        for (String dflt : List.of("default 3030", "default 30,", "default 100000", "default 1048576", "default https://w3id.org/ctkg/", "default 60:",
                                    "default 4;", "default 8 per core;", "default 10)", "default 50;", "default 30)"))
            assertTrue(help.contains(dflt), dflt + " in\n" + help);
    }

    @ParameterizedTest
    @ValueSource(strings = {"serve", "load", "validate", "export", "stats", "generate", "map", "release", "completion"})
    void everyCommandHasHelp(String command) {
        Run run = ctkg(command, "--help");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().startsWith("Usage: ctkg " + command), run.out());
    }
}
