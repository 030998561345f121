package org.ctkg.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The certificates a client trusts for one HTTPS server, from a PEM file ({@code --ca-cert}): a
 * self-signed server's own certificate, or the authority that signed it. The server must present
 * a chain to one of them, for its host name, as the JDK checks it; nothing else is trusted, and
 * there is no "trust all".
 */
final class TrustedCertificates {
    private TrustedCertificates() {}

    /** A TLS context that trusts the certificates in {@code pem} only. */
    static SSLContext tls(Path pem) {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(pem)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the certificate file " + pem + ": " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(pem + " holds no certificate that can be read (PEM, -----BEGIN CERTIFICATE-----): " + e.getMessage());
        }
        if (certificates.isEmpty())
            throw new IllegalArgumentException(pem + " holds no certificate (PEM, -----BEGIN CERTIFICATE-----)");
        try {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int i = 0;
            for (Certificate c : certificates)
                trusted.setCertificateEntry("trusted-" + i++, c);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, trust.getTrustManagers(), null);
            return tls;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up TLS with the certificates of " + pem, e);
        }
    }
}
