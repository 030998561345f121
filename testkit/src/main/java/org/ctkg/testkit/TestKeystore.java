package org.ctkg.testkit;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A key and self-signed certificate for {@code localhost}, made by the JDK's {@code keytool} for the
 * HTTPS tests, and an HTTP client that trusts that certificate and no other.
 */
public record TestKeystore(Path file, String password) {
    /** A new PKCS12 keystore in the directory, with a fresh password. */
    public static TestKeystore create(Path dir) throws IOException, InterruptedException {
        Path file = dir.resolve("ctkg-test.p12");
        String password = "test-" + UUID.randomUUID();
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "ctkg", "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", file.toString(), "-storepass", password, "-keypass", password).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0)
            throw new IllegalStateException("keytool failed: " + out);
        return new TestKeystore(file, password);
    }

    /** Writes this keystore's certificate in PEM (as {@code keytool -exportcert -rfc} does) to {@code file}; returns it. */
    public Path certificatePem(Path file) throws IOException, GeneralSecurityException {
        byte[] der = KeyStore.getInstance(this.file.toFile(), password.toCharArray()).getCertificate("ctkg").getEncoded();
        Files.writeString(file, "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n", StandardCharsets.US_ASCII);
        return file;
    }

    /** An HTTP client that trusts this keystore's certificate only. */
    public HttpClient client() throws IOException, GeneralSecurityException {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(KeyStore.getInstance(file.toFile(), password.toCharArray()));
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(tls).build();
    }
}
