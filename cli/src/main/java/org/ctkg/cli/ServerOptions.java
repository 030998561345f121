package org.ctkg.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.net.ssl.SSLContext;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options of a command that can work on a running server instead of a store: {@code --server URL},
 * the certificate of an HTTPS server that the JDK's authorities do not vouch for, and a writer's credentials.
 */
final class ServerOptions {
    /** The complaint of a command given neither a store nor a server. */
    static final String STORE_OR_SERVER = "--loc DIR (a store) or --server URL (a running server) is required";

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--server", paramLabel = "URL",
            description = "work on the running ctkg server at URL (e.g. http://localhost:3030) instead of a store")
    String url;

    @Option(names = "--user", paramLabel = "NAME",
            description = "the writer's name (default $CTKG_WRITER_USER, or '" + WriterCredentials.DEFAULT_USER + "')")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "the writer's password is the first line of FILE (default $CTKG_WRITER_PASSWORD), never the command line")
    Path passwordFile;

    @Option(names = "--ca-cert", paramLabel = "FILE", description = "trust the HTTPS --server only with a certificate in this PEM "
            + "file, or signed by one (a self-signed server's own, as keytool -exportcert -rfc writes it); "
            + "by default the JDK's certificate authorities")
    Path caCert;

    /** Whether {@code --server} was given. */
    boolean given() {
        return url != null;
    }

    /** The server, with the credentials given or in the environment; close it to forget them. */
    RemoteServer open() {
        URI base;
        try {
            base = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
            if (base.getScheme() == null || !(base.getScheme().equals("http") || base.getScheme().equals("https")))
                throw new IllegalArgumentException();
        } catch (IllegalArgumentException e) {
            throw usage("--server needs an http(s) URL such as http://localhost:3030, got '" + url + "'");
        }
        SSLContext tls = null;
        if (caCert != null) {
            if (!base.getScheme().equals("https"))
                throw usage("--ca-cert is the certificate of an HTTPS server: give an https:// --server URL, got '" + url + "'");
            try {
                tls = TrustedCertificates.tls(caCert);
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage());
            }
        }
        WriterCredentials env = WriterCredentials.fromEnvironment();
        String password = env.password();
        if (passwordFile != null) {
            try {
                password = Files.readAllLines(passwordFile, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
            } catch (IOException e) {
                throw usage("cannot read the password file: " + e.getMessage());
            }
        }
        return RemoteServer.connect(base, new WriterCredentials(user != null ? user : env.user(), password), tls);
    }

    private ParameterException usage(String message) {
        return new ParameterException(command.commandLine(), message);
    }
}
