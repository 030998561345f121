package org.ctkg.cli;

import org.ctkg.server.CtkgServer;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.jena.sparql.core.DatasetGraph;
import java.nio.file.Path;

import org.ctkg.loader.LoadException;
import org.ctkg.loader.Store;
import org.ctkg.loader.Stores;

/** {@code ctkg serve}: the SPARQL endpoint over the curated graph. */
final class ServeCommand implements Command {
    @Override
    public String summary() {
        return "serve the knowledge graph over HTTP (SPARQL at /ctkg/sparql)";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        Options o = Options.parse(args, Set.of("port", "timeout", "loc", "passwd", "max-rows", "config", "base", "max-query-bytes", "allow-service"), Set.of("help", "localhost"));
        if (o.has("help")) {
            out.println("Usage: ctkg serve [--config FILE] [--loc DIR] [--port N] [--timeout SECONDS] [--max-rows N] [--passwd FILE] [--base IRI] [--allow-service URL]... [--localhost]");
            out.println();
            out.println("Serves the curated graph read-only, in memory, or the TDB2 store at DIR.");
            out.println("  --loc DIR          serve this store (made with ctkg load) instead of the curated graph");
            out.println("  --port N           HTTP port (default 3030)");
            out.println("  --timeout SECONDS  longest a query may run (default 30)");
            out.println("  --max-rows N       the most rows an anonymous query gets (default 100000; 0 for no cap);");
            out.println("                     a capped response carries the header X-Ctkg-Row-Cap");
            out.println("  --max-query-bytes N  the largest query request body accepted (default 1048576); larger: HTTP 413");
            out.println("  --base IRI         the public base of the IRIs this server dereferences (default " + org.ctkg.ontology.Ids.BASE + "):");
            out.println("                     {base}id/... answers at /id/..., {base}graph/... at /graph/...");
            out.println("  --allow-service URL  let queries (SERVICE) and updates (LOAD) reach endpoints under this URL prefix;");
            out.println("                     repeatable; default none: SERVICE and LOAD <url> are refused (HTTP 400)");
            out.println("  --localhost        listen on the loopback interface only (default: all interfaces)");
            out.println("  --passwd FILE      let the users of this password file ('user: password' lines) write:");
            out.println("                     SPARQL Update on /ctkg/update, Graph Store writes on /ctkg/data (HTTP Basic)");
            out.println();
            out.println("  --config FILE      read settings from a properties file: port, timeout, max-rows, max-query-bytes, loc, passwd, base, localhost,");
            out.println("                     allow-service (URLs separated by commas or spaces)");
            out.println("                     (the same names as the options; options on the command line win)");
            out.println();
            out.println("Environment: CTKG_WRITER_USER and CTKG_WRITER_PASSWORD let that one user write instead of --passwd.");
            out.println("Without either, the server is read-only: writes are refused and the data is untouched.");
            out.println("Health: /$/ping. Prometheus metrics: /$/metrics.");
            out.println();
            out.println("Services: /ctkg/sparql and /ctkg/query (SPARQL 1.1 query, with text:query full-text search),");
            out.println("/ctkg/data (Graph Store Protocol, read). Pages: / (home), /search, /id/..., /ontology, /ui/ (query UI).");
            out.println("JSON-LD context: /context.jsonld.");
            return 0;
        }
        if (!o.positional().isEmpty())
            throw new UsageException("unexpected argument '" + o.positional().get(0) + "'");
        if (o.has("config"))
            o = o.withDefaults(ServeConfig.read(Path.of(o.get("config", null))));
        int port = o.getInt("port", 3030, 0, 65535);
        int timeout = o.getInt("timeout", 30, 1, 24 * 3600);
        DatasetGraph dsg;
        try {
            dsg = o.has("loc") ? Store.openExisting(Path.of(o.get("loc", null))).dataset() : Stores.curatedInMemory();
        } catch (LoadException e) {
            err.println("ctkg serve: " + e.getMessage());
            return e.kind().exitCode;
        }
        CtkgServer.Builder builder = CtkgServer.create()
                .port(port)
                .queryTimeoutMillis(timeout * 1000L)
                .loopbackOnly(o.has("localhost"))
                .maxRows(o.getInt("max-rows", 100_000, 0, Integer.MAX_VALUE))
                .maxQueryBytes(o.getInt("max-query-bytes", 1 << 20, 1, Integer.MAX_VALUE))
                .dataset(dsg);
        String user = System.getenv("CTKG_WRITER_USER");
        try {
            allowedServices(args, o.get("allow-service", null)).forEach(builder::allowService);
            if (o.has("base"))
                builder.publicBase(o.get("base", null));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        String password = System.getenv("CTKG_WRITER_PASSWORD");
        try {
            if (o.has("passwd"))
                builder.passwordFile(Path.of(o.get("passwd", null)));
            else if (password != null)
                builder.writer(user == null ? "writer" : user, password);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        CtkgServer server = builder.build().start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "ctkg-shutdown"));
        out.println("ctkg serving on " + server.baseUrl() + "  (SPARQL: " + server.sparqlUrl() + ")"
                    + (o.has("passwd") || password != null ? "; writes need credentials" : "; read-only"));
        server.join();
        return 0;
    }

    /** Every {@code --allow-service} (the option repeats), or else the configured ones, separated by commas or spaces. */
    private static List<String> allowedServices(String[] args, String configured) {
        List<String> given = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--allow-service") && i + 1 < args.length)
                given.add(args[++i]);
            else if (args[i].startsWith("--allow-service="))
                given.add(args[i].substring("--allow-service=".length()));
        }
        if (given.isEmpty() && configured != null && !configured.isBlank())
            given.addAll(List.of(configured.trim().split("[,\\s]+")));
        return given;
    }
}
