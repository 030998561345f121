package org.ctkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.ctkg.testkit.TestKeystore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ctkg serve --https KEYSTORE} from the runnable jar serves HTTPS to a client that trusts the
 * certificate; writers configured without {@code --https} get a warning on standard error.
 */
class ServeHttpsJarIT {
    @TempDir
    Path tmp;

    /** What a started {@code ctkg serve} printed: its first line of standard output, and its standard error once stopped. */
    private record Started(String serving, String err) {}

    /** Starts {@code ctkg serve --port 0} with these arguments and environment, runs the check on its first line, stops it. */
    private Started serve(Map<String, String> environment, ServingCheck check, String... args) throws Exception {
        List<String> command = JarRuns.ctkg("serve", "--port", "0");
        command.addAll(List.of(args));
        Path err = tmp.resolve("serve.err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(err.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertTrue(line != null && line.startsWith("ctkg serving on "), "the server did not start: " + line + "\n" + Files.readString(err));
            check.run(line.substring("ctkg serving on ".length()).split("\\s+")[0]);
            return new Started(line, Files.readString(err));
        } finally {
            process.destroy();
            process.waitFor(60, TimeUnit.SECONDS);
        }
    }

    private interface ServingCheck {
        void run(String base) throws Exception;
    }

    @Test
    void withAKeystoreTheJarServesHttpsAndWritersGetNoWarning() throws Exception {
        TestKeystore keystore = TestKeystore.create(tmp);
        Path password = tmp.resolve("keystore-password");
        Files.writeString(password, keystore.password() + "\n");
        Started started = serve(Map.of("CTKG_WRITER_PASSWORD", "choose-one"), base -> {
            assertTrue(base.startsWith("https://localhost:"), base);
            String ask = "ASK { <https://w3id.org/ctkg/id/instrument/palermo-protocol> ?p ?o }";
            HttpResponse<String> r = keystore.client().send(HttpRequest.newBuilder(URI.create(base + "/ctkg/sparql?query="
                    + URLEncoder.encode(ask, StandardCharsets.UTF_8))).header("Accept", "application/sparql-results+json").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.body().replace(" ", "").contains("\"boolean\":true"), r.body());
        }, "--localhost", "--https", keystore.file().toString(), "--https-password-file", password.toString());
        assertTrue(started.serving().endsWith("; writes need credentials"), started.serving());
        assertFalse(started.err().contains("warning"), started.err());
    }

    /**
     * The client commands ({@code stats}, {@code export}, {@code load} with {@code --server}) against
     * the jar's {@code serve --https} with a self-signed certificate: trusted with {@code --ca-cert}
     * naming it; refused, with what to do, without it or with another certificate.
     */
    @Test
    void theClientCommandsTrustASelfSignedServerWithItsCertificateAndNoOther() throws Exception {
        TestKeystore keystore = TestKeystore.create(tmp);
        Path password = tmp.resolve("keystore-password");
        Files.writeString(password, keystore.password() + "\n");
        Path pem = keystore.certificatePem(tmp.resolve("server.pem"));
        Path otherDir = Files.createDirectory(tmp.resolve("other"));
        Path other = TestKeystore.create(otherDir).certificatePem(otherDir.resolve("other.pem"));
        Path writerPassword = tmp.resolve("writer-password");
        Files.writeString(writerPassword, "choose-one\n");
        Path shelters = tmp.resolve("shelters.ttl");
        Files.writeString(shelters, "<https://w3id.org/ctkg/id/organization/s> <http://www.w3.org/2000/01/rdf-schema#label> \"A shelter\"@en .\n");
        serve(Map.of("CTKG_WRITER_USER", "writer", "CTKG_WRITER_PASSWORD", "choose-one"), base -> {
            CommandLineTest.Run stats = CommandLineTest.ctkg("stats", "--server", base, "--ca-cert", pem.toString());
            assertEquals(0, stats.code(), stats.err());
            assertTrue(stats.out().startsWith("server: https://localhost:") && stats.out().contains("graphs:\n   https://w3id.org/ctkg/graph/"), stats.out());
            CommandLineTest.Run load = CommandLineTest.ctkg("load", "--server", base, "--ca-cert", pem.toString(), "--user", "writer",
                    "--password-file", writerPassword.toString(), "--graph", "https://example.org/graph/shelters", shelters.toString());
            assertEquals(0, load.code(), load.err());
            Path out = tmp.resolve("out.nt");
            CommandLineTest.Run export = CommandLineTest.ctkg("export", "--server", base, "--ca-cert", pem.toString(),
                    "--graph", "https://example.org/graph/shelters", "--format", "nt", "--out", out.toString());
            assertEquals(0, export.code(), export.err());
            assertTrue(Files.readString(out).contains("\"A shelter\"@en"), Files.readString(out));
            for (String[] untrusted : List.of(new String[] {"stats", "--server", base}, new String[] {"stats", "--server", base, "--ca-cert", other.toString()})) {
                CommandLineTest.Run refused = CommandLineTest.ctkg(untrusted);
                assertEquals(1, refused.code(), refused.out() + refused.err());
                assertTrue(refused.err().contains("its HTTPS certificate is not trusted") && refused.err().contains("--ca-cert FILE"), refused.err());
            }
        }, "--localhost", "--https", keystore.file().toString(), "--https-password-file", password.toString());
    }

    @Test
    void writersWithoutHttpsGetAWarningUnlessOnLoopbackOnly() throws Exception {
        Path passwd = tmp.resolve("passwd");
        Files.writeString(passwd, "writer: choose-one\n");
        String warning = "ctkg serve: warning: writers' passwords will cross the network in clear: serve with --https KEYSTORE, "
                         + "or behind a TLS proxy with --localhost\n";
        Started open = serve(Map.of(), base -> assertTrue(base.startsWith("http://"), base), "--passwd", passwd.toString());
        assertTrue(open.err().startsWith(warning), open.err());
        Started loopback = serve(Map.of(), base -> {}, "--passwd", passwd.toString(), "--localhost");
        assertFalse(loopback.err().contains("warning"), loopback.err());
    }
}
