package org.ctkg.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.ctkg.loader.AccessLevels;
import org.ctkg.loader.Store;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ctkg stats}: what a store holds: graphs and their sizes, classes, the last loads. */
@CommandLine.Command(name = "stats",
        customSynopsis = "ctkg stats --loc DIR | --server URL",
        description = {"show a store's graphs, triple counts, classes and last loads",
                "",
                "Lists the store's named graphs with their triple counts and access levels (public or restricted), the 25 largest classes,",
                "and the last 10 loads. Against a server it lists what the caller may see: the public graphs, or a reader's too."})
final class StatsCommand extends Command {
    /** Each graph with its size and access level (restricted when ctkg's record of levels says so). */
    private static final String GRAPHS = "SELECT ?g ?triples (IF(EXISTS { GRAPH <" + AccessLevels.GRAPH.getURI() + "> { ?g <"
            + DCTerms.accessRights.getURI() + "> <" + AccessLevels.RESTRICTED.getURI() + "> } }, \"restricted\", \"public\") AS ?access) "
            + "{ { SELECT ?g (COUNT(*) AS ?triples) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g } } ORDER BY DESC(?triples) ?g";
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

    @Option(names = "--loc", paramLabel = "DIR", description = "the store")
    Path loc;

    @Mixin
    ServerOptions server;

    StatsCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    public Integer call() {
        if (server.given()) {
            RemoteServer remote = server.open();
            try (remote) {
                out.println("server: " + remote.base());
                list(remote::query);
                return 0;
            } catch (QueryExceptionHTTP | HttpException e) {
                err.println("ctkg stats: cannot ask " + remote.base() + ": " + RemoteServer.describe(e));
                return 1;
            }
        }
        if (loc == null)
            throw usage(ServerOptions.STORE_OR_SERVER);
        try (Store store = Store.openExisting(loc)) {
            DatasetGraph dsg = store.dataset();
            Txn.executeRead(dsg, () -> {
                out.println("store: " + store.location());
                list(query -> QueryExec.dataset(dsg).query(query).build());
            });
            return 0;
        }
    }

    /** The three listings, each query run by {@code exec}. */
    private void list(Function<String, QueryExec> exec) {
        out.println("graphs:");
        table(exec.apply(GRAPHS));
        out.println("classes:");
        table(exec.apply(CLASSES));
        out.println("last loads:");
        table(exec.apply(LOADS));
    }

    /** The rows, one a line, values apart by two spaces; an unbound value as '-'. */
    private void table(QueryExec exec) {
        try (exec) {
            RowSet rows = exec.select();
            if (!rows.hasNext())
                out.println("  (none)");
            rows.forEachRemaining(row -> out.println("   " + rows.getResultVars().stream()
                    .map(v -> text(row.get(v))).collect(Collectors.joining("  "))));
        }
    }

    private static String text(Node n) {
        return n == null ? "-" : n.isLiteral() ? n.getLiteralLexicalForm() : n.isURI() ? n.getURI() : n.toString();
    }
}
