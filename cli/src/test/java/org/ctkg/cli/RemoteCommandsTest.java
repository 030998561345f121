package org.ctkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.ctkg.loader.Stores;
import org.ctkg.server.CtkgServer;
import org.ctkg.testkit.Shelters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands that work on a running server ({@code --server URL}): load, export and stats through HTTP. */
class RemoteCommandsTest {
    @TempDir
    Path tmp;
    private CtkgServer server;

    @BeforeEach
    void start() {
        server = CtkgServer.create().port(0).dataset(Stores.curatedScratch()).writer("alice", "s3cret").build().start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void aGraphWhoseIriHasACommaIsOneValueInRemoteStats() {
        Node graph = NodeFactory.createURI("https://example.org/graph/a,b");
        DatasetGraph dsg = Stores.curatedScratch();
        Txn.executeWrite(dsg, () -> dsg.add(graph, NodeFactory.createURI("https://example.org/s"),
                NodeFactory.createURI("https://example.org/p"), NodeFactory.createLiteralString("one, two")));
        CtkgServer commas = CtkgServer.create().port(0).dataset(dsg).build().start();
        try {
            CommandLineTest.Run stats = CommandLineTest.ctkg("stats", "--server", commas.baseUrl());
            assertEquals(0, stats.code(), stats.err());
            assertTrue(stats.out().contains("\n   https://example.org/graph/a,b  1  public\n"), stats.out());
        } finally {
            commas.stop();
        }
    }

    @Test
    void aCaCertThatIsNotACertificateOrForPlainHttpIsAUsageError() throws Exception {
        Path notPem = tmp.resolve("not.pem");
        Files.writeString(notPem, "not a certificate\n");
        CommandLineTest.Run plain = CommandLineTest.ctkg("stats", "--server", server.baseUrl(), "--ca-cert", notPem.toString());
        assertEquals(2, plain.code(), plain.err());
        assertTrue(plain.err().contains("--ca-cert is the certificate of an HTTPS server: give an https:// --server URL"), plain.err());
        CommandLineTest.Run garbage = CommandLineTest.ctkg("stats", "--server", "https://localhost:1", "--ca-cert", notPem.toString());
        assertEquals(2, garbage.code(), garbage.err());
        assertTrue(garbage.err().contains(notPem + " holds no certificate"), garbage.err());
        Path missing = tmp.resolve("missing.pem");
        CommandLineTest.Run none = CommandLineTest.ctkg("stats", "--server", "https://localhost:1", "--ca-cert", missing.toString());
        assertEquals(2, none.code(), none.err());
        assertTrue(none.err().contains("cannot read the certificate file " + missing), none.err());
    }

    /** The lines of the "graphs:" listing in the output of {@code ctkg stats}. */
    private static long graphLines(CommandLineTest.Run stats) {
        String graphs = stats.out().substring(stats.out().indexOf("graphs:\n"), stats.out().indexOf("classes:\n"));
        return graphs.lines().filter(l -> l.startsWith("   ")).count();
    }

    @Test
    void aWritersCredentialsGoWithEachQueryAndAreForgottenAfterTheCommand() throws Exception {
        Path password = tmp.resolve("password");
        Files.writeString(password, "s3cret\n");
        CtkgServer capped = CtkgServer.create().port(0).dataset(Stores.curatedScratch()).maxRows(1).writer("alice", "s3cret").build().start();
        try {
            String url = capped.baseUrl();
            CommandLineTest.Run anonymous = CommandLineTest.ctkg("stats", "--server", url);
            assertEquals(0, anonymous.code(), anonymous.err());
            assertEquals(1, graphLines(anonymous), "an anonymous query gets one row: " + anonymous.out());
            CommandLineTest.Run writer = CommandLineTest.ctkg("stats", "--server", url, "--user", "alice", "--password-file", password.toString());
            assertEquals(0, writer.code(), writer.err());
            assertTrue(graphLines(writer) > 1, "a writer's queries are not capped: " + writer.out());
            assertEquals(1, graphLines(CommandLineTest.ctkg("stats", "--server", url)), "the credentials were kept after the command");
        } finally {
            capped.stop();
        }
    }

    @Test
    void theCommandLineLoadsExportsAndCountsThroughAServer() throws Exception {
        Path password = tmp.resolve("password");
        Files.writeString(password, "s3cret\n");
        Path table = tmp.resolve("tip_tiers_orig.csv");
        Files.writeString(table, "\"countryname\",\"iso\",\"year\",\"ccode\",\"tier\"\n\"Mexico\",\"MEX\",2000,70,NA\n\"Mexico\",\"MEX\",2004,70,\"Watchlist    \"\n");
        String url = server.baseUrl();
        CommandLineTest.Run load = CommandLineTest.ctkg("load", "--server", url, "--user", "alice", "--password-file", password.toString(),
                "--graph", "https://w3id.org/ctkg/graph/us-tip-tiers", "--replace",
                "--mapping", Path.of("..", "mappings", "us-tip-tiers.rml.ttl").toString(), table.toString());
        assertEquals(0, load.code(), load.err());
        assertTrue(load.out().startsWith("ctkg load: committed job="), load.out());
        assertTrue(load.err().contains("ctkg load: note: tip_tiers_orig.csv: 2 rows read, 1 mapped, 1 left out (lines 2)"), load.err());

        Path exported = tmp.resolve("tiers.nt");
        CommandLineTest.Run export = CommandLineTest.ctkg("export", "--server", url, "--graph", "https://w3id.org/ctkg/graph/us-tip-tiers",
                "--format", "nt", "--out", exported.toString());
        assertEquals(0, export.code(), export.err());
        List<String> lines = Files.readAllLines(exported).stream().filter(l -> l.contains("tip-placement/")).toList();
        assertTrue(lines.stream().anyMatch(l -> l.contains("tip-placement/mex-2004> <https://w3id.org/ctkg/ontology#tier> <https://w3id.org/ctkg/id/tip-tier/tier-2-watch-list>")), lines.toString());
        assertEquals(0, lines.stream().filter(l -> l.contains("mex-2000")).count(), "replaced by the job: only its placement");

        CommandLineTest.Run stats = CommandLineTest.ctkg("stats", "--server", url);
        assertEquals(0, stats.code(), stats.err());
        assertTrue(stats.out().contains("https://w3id.org/ctkg/graph/us-tip-tiers"), stats.out());
        assertTrue(stats.out().contains("committed"), "the live load among the last loads: " + stats.out());

        CommandLineTest.Run refused = CommandLineTest.ctkg("load", "--server", url, "--user", "alice", "--password-file", tmp.resolve("password").toString(),
                "--graph", "urn:x", tmp.resolve("nowhere.ttl").toString());
        assertEquals(2, refused.code());
        Files.writeString(password, "wrong\n");
        Path ok = tmp.resolve("ok.ttl");
        Files.writeString(ok, Shelters.turtle("x", "X"));
        CommandLineTest.Run wrong = CommandLineTest.ctkg("load", "--server", url, "--user", "alice", "--password-file", password.toString(), ok.toString());
        assertEquals(2, wrong.code());
        assertTrue(wrong.err().contains("refused the credentials"), wrong.err());
    }
}
