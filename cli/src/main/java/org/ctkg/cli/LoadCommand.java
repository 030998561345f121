package org.ctkg.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.NodeFactory;
import org.ctkg.loader.JobSettings;
import org.ctkg.loader.LoadException;
import org.ctkg.loader.LoadJob;
import org.ctkg.loader.LoadMonitor;
import org.ctkg.loader.LoadReport;
import org.ctkg.loader.Store;
import org.ctkg.loader.cube.CaseCounts;
import org.ctkg.loader.report.Reports;
import org.ctkg.loader.report.Summaries;
import org.ctkg.loader.source.RdfFile;
import org.ctkg.loader.source.RmlMapping;
import org.ctkg.replication.Replication;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ctkg load}: a data-integration job from RDF files into a TDB2 store. */
@CommandLine.Command(name = "load",
        customSynopsis = {
                "ctkg load --loc DIR [--graph IRI] [--replace] [--syntax LANG] [--infer] [--lenient] [--shapes FILE]",
                "                 [--no-validate] [--quiet] FILE...",
                "       ctkg load --loc DIR --mapping MAPPING.rml.ttl [options] SOURCE...",
                "       ctkg load --server URL [--user NAME] [--password-file FILE] [options] FILE...   (into a running server)"},
        description = {
                "load RDF files into a TDB2 store: validated, all-or-nothing, with provenance",
                "",
                "Loads RDF (Turtle, N-Triples, N-Quads, TriG, RDF/XML, JSON-LD; .gz too) into the TDB2 store at DIR",
                "all-or-nothing: parse as a stream, validate against the shapes, record provenance, commit once.",
                "A large input (32 MB or more, and a new store or as large as the store's files) is written into a",
                "copy of the store, its indexes built on several threads, and the copy replaces the store by one rename;",
                "smaller jobs run in one transaction. Any failure leaves the store exactly as it was. A new store is",
                "seeded with the ontology and curated graph. A writer's or a replica's store (DIR.position beside it)",
                "is refused, since an offline load is not published to the replicas: load through the running writer.",
                "",
                "With --server URL the job is sent to a running ctkg server (its writers only) instead of opening a",
                "store: the same job, checks and exit codes; queries keep answering while it runs; one job at a time",
                "(a second is refused while one runs). The files stream up as a zip."},
        footer = {"", "Exit codes: 0 loaded; 2 bad input (syntax, IRI, literal, empty or unreadable file); 3 SHACL violations;",
                "1 internal error."})
final class LoadCommand extends Command {
    @Option(names = "--loc", paramLabel = "DIR", description = "the store's directory (created if missing)")
    Path loc;

    @Option(names = "--mapping", paramLabel = "FILE", description = "map tables (CSV, TSV) and JSON to RDF with this RML mapping "
            + "(run by CARML); each SOURCE is matched by file name to an rml:source of the mapping; tables are checked first "
            + "(UTF-8, one line-ending style, every row as wide as the header); rows the mapping leaves out are counted and reported")
    Path mapping;

    @Mixin
    JobOptions job;

    @Option(names = "--shapes", paramLabel = "FILE", description = "validate against these SHACL shapes instead of ctkg's")
    Path shapes;

    @Option(names = "--min-cell", paramLabel = "K", description = "with --access restricted: the threshold of the published case counts "
            + "the job recomputes (a count under K is suppressed; default " + CaseCounts.DEFAULT_MIN_CELL + ", at least 2); "
            + "a server's live loads use its own (ctkg serve --min-cell)")
    Integer minCell;

    @Option(names = "--quiet", description = "no progress; only the one-line summary")
    boolean quiet;

    @Mixin
    ServerOptions server;

    @Parameters(paramLabel = "FILE", description = "the RDF files to load, or the mapping's sources")
    List<Path> files = List.of();

    LoadCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    boolean writesStore() {
        return true;
    }

    @Override
    public Integer call() {
        if (files.isEmpty())
            throw usage("give at least one FILE to load");
        if (server.given()) {
            if (loc != null || shapes != null)
                throw usage("--server loads into that server's store with its shapes: leave out --loc and --shapes");
            if (minCell != null)
                throw usage("--server: the server's threshold applies (ctkg serve --min-cell): leave out --min-cell");
            try (RemoteServer remote = server.open()) {
                return remote.load(job.settings(), mapping, files, out, err);
            }
        }
        if (loc == null)
            throw usage(ServerOptions.STORE_OR_SERVER);
        JobSettings settings = job.settings();
        if (minCell != null && minCell < 2)
            throw usage("--min-cell must be at least 2 (a cell with fewer records is suppressed), got " + minCell);
        refuseReplicated(loc);
        try (Store store = Store.open(loc)) {
            LoadJob.Builder load = settings.applyTo(LoadJob.create(store))
                    .monitor(quiet || System.console() == null ? LoadMonitor.SILENT : new ProgressLine(err));
            if (minCell != null)
                load.minCell(minCell);
            if (shapes != null)
                load.shapes(ShapesFiles.read(shapes), NodeFactory.createURI(shapes.toAbsolutePath().toUri().toString()));
            if (mapping != null)
                load.source(RmlMapping.of(mapping, files));
            else
                for (Path file : files)
                    load.source(RdfFile.of(file, settings.syntax()));
            LoadReport report = load.build().run();
            for (String note : report.notes())
                err.println("ctkg load: note: " + note);
            out.println(Summaries.load(report));
            if (report.violations() > 0)
                Reports.printText(report.validation(), err);
            return 0;
        }
    }

    /**
     * A writer's or a replica's store (its place in the Kafka log beside it) is refused before it
     * is opened: an offline job writes the store directly (a large one its indexes), publishing
     * nothing, so the replicas would never get the job, or a replica would hold what its writer lacks.
     */
    private static void refuseReplicated(Path loc) {
        Path position = Replication.positionFileOf(loc);
        if (Files.exists(position))
            throw new LoadException(LoadException.Kind.BAD_INPUT, loc + " is a replicated store (" + position
                    + " beside it is its place in a Kafka log, kept by a writer or a replica): an offline load is not published,"
                    + " so replicas would never see it; load through the running writer instead"
                    + " (ctkg load --server URL --user NAME --password-file FILE ... FILE...), a live load that is published like any write");
    }
}
