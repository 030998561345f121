package org.ctkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.ParseResult;

/** The configuration file of {@code ctkg serve}: its settings are read, the command line wins, unknown names are refused. */
class ServeConfigTest {
    @TempDir
    Path tmp;

    /** {@code ctkg serve} with these arguments, parsed but not run. */
    private static ServeCommand parsed(String... args) {
        PrintStream nowhere = new PrintStream(PrintStream.nullOutputStream());
        String[] line = new String[args.length + 1];
        line[0] = "serve";
        System.arraycopy(args, 0, line, 1, args.length);
        ParseResult result = Ctkg.commandLine(nowhere, nowhere).parseArgs(line);
        return (ServeCommand) result.subcommand().commandSpec().userObject();
    }

    @Test
    void unknownConfigurationSettingsAreRefusedNamingTheKnownOnes() throws Exception {
        Path config = tmp.resolve("ctkg.properties");
        Files.writeString(config, "prot = 8080\n");
        CommandLineTest.Run run = CommandLineTest.ctkg("serve", "--config", config.toString());
        assertEquals(2, run.code());
        assertEquals("ctkg serve: " + config + ": unknown setting 'prot' (known: allow-service, base, cache-size, https, https-password-file, idle-timeout, kafka-timeout, loc, localhost, max-concurrent-queries, max-query-bytes, max-queue-wait, max-read-wait, max-requests-per-second, max-rows, max-running-queries, max-upload-bytes, min-cell, passwd, port, publish-to, query-budget, reader-log, reader-log-days, readers, releases, replica-of, timeout, topic, trusted-proxy)\n"
                     + "Try 'ctkg serve --help'.\n", run.err());
    }

    @Test
    void aSettingOfTheWrongTypeIsAUsageError() throws Exception {
        Path config = tmp.resolve("ctkg.properties");
        Files.writeString(config, "port = eighty\n");
        CommandLineTest.Run run = CommandLineTest.ctkg("serve", "--config", config.toString());
        assertEquals(2, run.code());
        assertTrue(run.err().startsWith("ctkg serve: ") && run.err().contains("'eighty'"), run.err());
    }

    @Test
    void aNegativeCacheSizeIsAUsageError() {
        CommandLineTest.Run run = CommandLineTest.ctkg("serve", "--port", "0", "--cache-size", "-1");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("--cache-size must be 0 (none) or a number of MiB"), run.err());
    }

    @Test
    void configurationFileSettingsAreReadAndTheCommandLineWins() throws Exception {
        Path config = tmp.resolve("ctkg.properties");
        Files.writeString(config, "port = 3031\nmax-rows = 7\nlocalhost = true\nbase = https://example.org/\n"
                + "query-budget = 20\nmax-concurrent-queries = 2\nmax-running-queries = 3\nmax-queue-wait = 5\n"
                + "max-requests-per-second = 7\nidle-timeout = 9\ntrusted-proxy = 127.0.0.1, ::1\nreleases = /srv/ctkg/releases\ncache-size = 0\n");
        ServeCommand serve = parsed("--config", config.toString(), "--port", "4040");
        assertEquals(4040, serve.port, "the command line wins");
        assertEquals(7, serve.maxRows);
        assertTrue(serve.localhost);
        assertEquals("https://example.org/", serve.base);
        assertEquals(20, serve.queryBudget);
        assertEquals(2, serve.maxConcurrentQueries);
        assertEquals(3, serve.maxRunningQueries);
        assertEquals(5, serve.maxQueueWait);
        assertEquals(7, serve.maxRequestsPerSecond);
        assertEquals(9, serve.idleTimeout);
        assertEquals(java.util.List.of("127.0.0.1", "::1"), serve.trustedProxy);
        assertEquals(Path.of("/srv/ctkg/releases"), serve.releases);
        assertEquals(0, serve.cacheSize, "the answer cache off");
        assertEquals(30, serve.timeout, "not in the file: the option's default");
    }

    @Test
    void withoutAFileTheOptionsHaveTheirDefaults() {
        ServeCommand serve = parsed();
        assertEquals(3030, serve.port);
        assertEquals(100_000, serve.maxRows);
        assertEquals(1 << 20, serve.maxQueryBytes);
        assertEquals(60, serve.queryBudget);
        assertEquals(4, serve.maxConcurrentQueries);
        assertEquals(null, serve.maxRunningQueries, "none given: the server's default, per core");
        assertEquals(10, serve.maxQueueWait);
        assertEquals(50, serve.maxRequestsPerSecond);
        assertEquals(30, serve.idleTimeout);
        assertTrue(serve.trustedProxy.isEmpty());
        assertFalse(serve.localhost);
        assertEquals(null, serve.releases, "no releases unless given");
        assertEquals(64, serve.cacheSize, "the answer cache's MiB");
    }
}
