package org.ctkg.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.fuseki.FusekiException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.ctkg.loader.Store;
import org.ctkg.loader.Stores;
import org.ctkg.ontology.Ids;
import org.ctkg.server.CtkgServer;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code ctkg serve}: the SPARQL endpoint over the curated graph, or over a store. */
@CommandLine.Command(name = "serve",
        defaultValueProvider = ServeConfig.class,
        customSynopsis = {"ctkg serve [--config FILE] [--loc DIR] [--port N] [--timeout SECONDS] [--max-rows N] [--passwd FILE]",
                "                  [--base IRI] [--allow-service URL]... [--max-upload-bytes N] [--localhost]",
                "                  [--https KEYSTORE [--https-password-file FILE]]"},
        description = {"serve the knowledge graph over HTTP (SPARQL at /ctkg/sparql)",
                "",
                "Serves the curated graph read-only from a scratch store that is gone when it stops, or the TDB2 store at DIR."},
        footer = {"",
                "Environment: CTKG_WRITER_USER and CTKG_WRITER_PASSWORD let that one user write instead of --passwd.",
                "Without either, the server is read-only: writes are refused and the data is untouched.",
                "CTKG_HTTPS_PASSWORD is the --https keystore's password when no --https-password-file is given.",
                "Health: /$/ping. Prometheus metrics: /$/metrics.",
                "",
                "Services: /ctkg/sparql and /ctkg/query (SPARQL 1.1 query, with text:query full-text search),",
                "/ctkg/data (Graph Store Protocol, read). Pages: / (home), /search, /id/..., /ontology, /ui/ (query UI).",
                "JSON-LD context: /context.jsonld."})
final class ServeCommand extends Command {
    /** The longest query timeout, in seconds: a day. */
    private static final int MAX_TIMEOUT = 24 * 3600;

    @Option(names = "--config", paramLabel = "FILE", description = "read settings from a properties file, "
            + "named like the options (port = 8080, localhost = true, ...); options on the command line win; an unknown name is an error")
    Path config;

    @Option(names = "--loc", paramLabel = "DIR", description = "serve this store (made with ctkg load) instead of the curated graph")
    Path loc;

    @Option(names = "--port", paramLabel = "N", defaultValue = "3030", description = "HTTP port (default ${DEFAULT-VALUE}; 0 picks a free one)")
    int port;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "longest a query may run (default ${DEFAULT-VALUE}, at most " + MAX_TIMEOUT + ")")
    int timeout;

    @Option(names = "--max-rows", paramLabel = "N", defaultValue = "100000", description = "the most rows an anonymous query gets "
            + "(default ${DEFAULT-VALUE}; 0 for no cap); a capped response carries the header X-Ctkg-Row-Cap")
    long maxRows;

    @Option(names = "--max-query-bytes", paramLabel = "N", defaultValue = "1048576",
            description = "the largest query request body accepted (default ${DEFAULT-VALUE}); larger: HTTP 413")
    long maxQueryBytes;

    @Option(names = "--base", paramLabel = "IRI", defaultValue = Ids.BASE, description = "the public base of the IRIs this server "
            + "dereferences: {base}id/... answers at /id/..., {base}graph/... at /graph/... (default ${DEFAULT-VALUE})")
    String base;

    @Option(names = "--allow-service", paramLabel = "URL", split = "[,\\s]+", description = "let queries (SERVICE) and updates (LOAD) "
            + "reach endpoints under this URL prefix; repeatable (in --config: URLs separated by commas or spaces); by default none: "
            + "the server sends no request on a client's behalf")
    List<String> allowService = new ArrayList<>();

    @Option(names = "--max-upload-bytes", paramLabel = "N", defaultValue = "1073741824", description = "the most bytes a live load "
            + "job may send, a zip counted as what it expands to (default ${DEFAULT-VALUE}); larger: HTTP 413")
    long maxUploadBytes;

    @Option(names = "--localhost", description = "listen on the loopback interface only (default: all interfaces)")
    boolean localhost;

    @Option(names = "--passwd", paramLabel = "FILE", description = "let the users of this password file "
            + "('user: password' lines) write: SPARQL Update on /ctkg/update, Graph Store writes on /ctkg/data (HTTP Basic)")
    Path passwd;

    @Option(names = "--https", paramLabel = "KEYSTORE", description = "serve HTTPS (only) on the port, with the key and "
            + "certificate in this keystore (PKCS12 or JKS); its password from --https-password-file or CTKG_HTTPS_PASSWORD")
    Path https;

    @Option(names = "--https-password-file", paramLabel = "FILE", description = "the --https keystore's password: the first line "
            + "of this file (so that it is not on the command line, where other users of the machine could read it)")
    Path httpsPasswordFile;

    ServeCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    public Integer call() {
        if (timeout < 1 || timeout > MAX_TIMEOUT)
            throw usage("--timeout must be between 1 and " + MAX_TIMEOUT + " seconds, got " + timeout);
        WriterCredentials writer = WriterCredentials.fromEnvironment();
        CtkgServer.Builder builder = CtkgServer.create().queryTimeoutMillis(timeout * 1000L).loopbackOnly(localhost);
        try {
            builder.port(port).maxRows(maxRows).maxQueryBytes(maxQueryBytes).maxUploadBytes(maxUploadBytes).publicBase(base);
            allowService.forEach(builder::allowService);
            if (passwd != null)
                builder.passwordFile(passwd);
            else if (writer.password() != null)
                builder.writer(writer.user(), writer.password());
            if (https != null)
                builder.https(https, KeystorePassword.read(httpsPasswordFile, "CTKG_HTTPS_PASSWORD"));
            else if (httpsPasswordFile != null)
                throw usage("--https-password-file is the password of the --https keystore; give --https KEYSTORE too");
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        boolean writers = passwd != null || writer.password() != null;
        if (writers && https == null && !localhost)
            err.println("ctkg serve: warning: writers' passwords will cross the network in clear: serve with --https KEYSTORE, "
                        + "or behind a TLS proxy with --localhost");
        DatasetGraph dsg = loc != null ? Store.openExisting(loc).dataset() : Stores.curatedScratch();
        CtkgServer server;
        try {
            server = builder.dataset(dsg).build().start();
        } catch (FusekiException e) {
            if (https == null)
                throw e;
            throw usage("cannot serve HTTPS with the keystore " + https + ": " + e.getMessage());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "ctkg-shutdown"));
        out.println("ctkg serving on " + server.baseUrl() + "  (SPARQL: " + server.sparqlUrl() + ")"
                    + (writers ? "; writes need credentials" : "; read-only"));
        server.join();
        return 0;
    }
}
