package org.ctkg.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.ctkg.loader.LoadException;
import org.ctkg.loader.Store;

/** {@code ctkg stats}: what a store holds: graphs and their sizes, classes, the last loads. */
final class StatsCommand implements Command {
    private static final String GRAPHS = "SELECT ?g (COUNT(*) AS ?triples) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY DESC(?triples) ?g";
    private static final String CLASSES = "SELECT ?class (COUNT(DISTINCT ?s) AS ?instances) { ?s a ?class } GROUP BY ?class ORDER BY DESC(?instances) ?class LIMIT 25";
    private static final String LOADS = """
            PREFIX prov: <http://www.w3.org/ns/prov#>
            PREFIX ctkg: <https://w3id.org/ctkg/ontology#>
            SELECT ?job ?end ?outcome (SUM(?a) AS ?added) (SUM(?r) AS ?removed) {
              GRAPH <https://w3id.org/ctkg/graph/provenance> {
                ?job a ctkg:LoadJob ; prov:endedAtTime ?end ; ctkg:outcome ?outcome .
                OPTIONAL { ?job ctkg:changedGraph [ ctkg:triplesAdded ?a ; ctkg:triplesRemoved ?r ] }
              }
            } GROUP BY ?job ?end ?outcome ORDER BY DESC(?end) LIMIT 10
            """;

    @Override
    public String summary() {
        return "show a store's graphs, triple counts, classes and last loads";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        Options o = Options.parse(args, Set.of("loc", "server", "user", "password-file"), Set.of("help"));
        if (o.has("help")) {
            out.println("Usage: ctkg stats --loc DIR | --server URL");
            out.println();
            out.println("Lists the store's named graphs with their triple counts, the 25 largest classes, and the last 10 loads.");
            return 0;
        }
        if (o.has("server"))
            return remote(RemoteServer.of(o), out, err);
        if (!o.has("loc"))
            throw new UsageException("--loc DIR (a store) or --server URL (a running server) is required");
        try (Store store = Store.openExisting(Path.of(o.get("loc", null)))) {
            DatasetGraph dsg = store.dataset();
            Txn.executeRead(dsg, () -> {
                out.println("store: " + store.location());
                out.println("graphs:");
                table(dsg, GRAPHS, out, "g", "triples");
                out.println("classes:");
                table(dsg, CLASSES, out, "class", "instances");
                out.println("last loads:");
                table(dsg, LOADS, out, "job", "end", "outcome", "added", "removed");
            });
            return 0;
        } catch (LoadException e) {
            err.println("ctkg stats: " + e.getMessage());
            return e.kind().exitCode;
        }
    }

    /** The same listing, asked of a running server through SPARQL. */
    private static int remote(RemoteServer server, PrintStream out, PrintStream err) {
        try {
            out.println("server: " + server.base());
            out.println("graphs:");
            remoteTable(server.select(GRAPHS), out);
            out.println("classes:");
            remoteTable(server.select(CLASSES), out);
            out.println("last loads:");
            remoteTable(server.select(LOADS), out);
            return 0;
        } catch (java.io.IOException e) {
            err.println("ctkg stats: cannot ask " + server.base() + ": " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static void remoteTable(java.util.List<String> csvRows, PrintStream out) {
        if (csvRows.isEmpty())
            out.println("  (none)");
        for (String row : csvRows)
            out.println("   " + java.util.Arrays.stream(row.split(",", -1)).map(v -> v.isEmpty() ? "-" : v)
                    .collect(java.util.stream.Collectors.joining("  ")));
    }

    private static void table(DatasetGraph dsg, String query, PrintStream out, String... vars) {
        try (QueryExecution qe = QueryExecution.create(query, org.apache.jena.query.DatasetFactory.wrap(dsg))) {
            ResultSet rs = qe.execSelect();
            if (!rs.hasNext())
                out.println("  (none)");
            while (rs.hasNext()) {
                QuerySolution row = rs.next();
                StringBuilder sb = new StringBuilder(" ");
                for (String v : vars) {
                    var n = row.get(v);
                    sb.append("  ").append(n == null ? "-" : n.isLiteral() ? n.asLiteral().getLexicalForm() : n.toString());
                }
                out.println(sb);
            }
        }
    }
}
