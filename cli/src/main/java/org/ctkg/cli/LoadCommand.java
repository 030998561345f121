package org.ctkg.cli;

import org.ctkg.loader.report.Reports;
import org.ctkg.loader.report.Summaries;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;

import org.apache.jena.graph.NodeFactory;
import org.ctkg.loader.JobSettings;
import org.ctkg.loader.LoadException;
import org.ctkg.loader.LoadJob;
import org.ctkg.loader.LoadReport;
import org.ctkg.loader.source.RdfFile;
import org.ctkg.loader.source.RmlMapping;
import org.ctkg.loader.Store;

/** {@code ctkg load}: a data-integration job from RDF files into a TDB2 store. */
final class LoadCommand implements Command {
    @Override
    public String summary() {
        return "load RDF files into a TDB2 store: validated, all-or-nothing, with provenance";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        Options o = Options.parse(args, Set.of("loc", "graph", "syntax", "shapes", "mapping", "server", "user", "password-file"),
                                  Set.of("help", "replace", "infer", "lenient", "quiet", "no-validate"));
        if (o.has("help")) {
            out.println("Usage: ctkg load --loc DIR [--graph IRI] [--replace] [--syntax LANG] [--infer] [--lenient] [--shapes FILE] [--no-validate] [--quiet] FILE...");
            out.println("       ctkg load --loc DIR --mapping MAPPING.rml.ttl [options] SOURCE...");
            out.println("       ctkg load --server URL [--user NAME] [--password-file FILE] [options] FILE...   (into a running server)");
            out.println();
            out.println("Loads RDF (Turtle, N-Triples, N-Quads, TriG, RDF/XML, JSON-LD; .gz too) into the TDB2 store at DIR");
            out.println("all-or-nothing: parse as a stream, validate against the shapes, record provenance, commit once.");
            out.println("A large input (32 MB or more, and a new store or as large as the store's files) is written into a");
            out.println("copy of the store, its indexes built on several threads, and the copy replaces the store by one rename;");
            out.println("smaller jobs run in one transaction. Any failure leaves the store exactly as it was. A new store is");
            out.println("seeded with the ontology and curated graph.");
            out.println("  --loc DIR       the store's directory (created if missing)");
            out.println("  --mapping FILE  map tables (CSV, TSV) and JSON to RDF with this RML mapping (run by CARML); each");
            out.println("                  SOURCE is matched by file name to an rml:source of the mapping; tables are checked");
            out.println("                  first (UTF-8, one line-ending style, every row as wide as the header); rows the");
            out.println("                  mapping leaves out are counted and reported");
            out.println("  --graph IRI     put everything into this named graph (default: triples go to a graph named");
            out.println("                  after the file, https://w3id.org/ctkg/graph/{file-name}, or after the mapping;");
            out.println("                  quads keep their graph)");
            out.println("  --replace       replace the content of each graph written to, atomically");
            out.println("  --syntax LANG   the RDF syntax (turtle, ntriples, nquads, trig, rdfxml, jsonld), default from the file name");
            out.println("  --infer         add the RDFS closure of the ontology's class and property hierarchy");
            out.println("  --lenient       commit despite SHACL violations (reported and recorded)");
            out.println("  --shapes FILE   validate against these SHACL shapes instead of ctkg's");
            out.println("  --no-validate   skip SHACL validation (trusted bulk data only; recorded as not validated)");
            out.println("  --quiet         no progress; only the one-line summary");
            out.println("  --server URL    send the job to a running ctkg server (its writers only) instead of opening a store:");
            out.println("                  the same job, checks and exit codes; queries keep answering while it runs; one job");
            out.println("                  at a time (a second is refused while one runs). The files stream up as a zip.");
            out.println("  --user NAME     the writer's name (default $CTKG_WRITER_USER, or 'writer'); the password comes from");
            out.println("                  $CTKG_WRITER_PASSWORD or the first line of --password-file FILE, never the command line");
            out.println();
            out.println("Exit codes: 0 loaded; 2 bad input (syntax, IRI, literal, empty or unreadable file); 3 SHACL violations; 1 internal error.");
            return 0;
        }
        if (o.positional().isEmpty())
            throw new UsageException("give at least one FILE to load");
        if (o.has("server")) {
            if (o.has("loc") || o.has("shapes"))
                throw new UsageException("--server loads into that server's store with its shapes: leave out --loc and --shapes");
            Path mapping = o.has("mapping") ? Path.of(o.get("mapping", null)) : null;
            return RemoteServer.of(o).load(settings(o), mapping, o.positional().stream().map(Path::of).toList(), out, err);
        }
        if (!o.has("loc"))
            throw new UsageException("--loc DIR (a store) or --server URL (a running server) is required");
        Path loc = Path.of(o.get("loc", null));
        boolean quiet = o.has("quiet");
        try {
            LoadJob.Builder job;
            JobSettings settings = settings(o);
            try (Store store = Store.open(loc)) {
                job = settings.applyTo(LoadJob.create(store))
                        .monitor(quiet || System.console() == null ? org.ctkg.loader.LoadMonitor.SILENT : new ProgressLine(err));
                if (o.has("shapes"))
                    job.shapes(ShapesFiles.read(Path.of(o.get("shapes", null))),
                               NodeFactory.createURI(Path.of(o.get("shapes", null)).toAbsolutePath().toUri().toString()));
                if (o.has("mapping"))
                    job.source(RmlMapping.of(Path.of(o.get("mapping", null)), o.positional().stream().map(Path::of).toList()));
                else
                    for (String file : o.positional())
                        job.source(RdfFile.of(Path.of(file), settings.syntax()));
                LoadReport report = job.build().run();
                for (String note : report.notes())
                    err.println("ctkg load: note: " + note);
                out.println(Summaries.load(report));
                if (report.violations() > 0)
                    Reports.printText(report.validation(), err);
                return 0;
            }
        } catch (LoadException e) {
            err.println("ctkg load: " + e.getMessage());
            if (e.report() != null)
                Reports.printText(e.report(), err);
            err.println("ctkg load: nothing was written; the store is as it was.");
            return e.kind().exitCode;
        }
    }

    /** The job's settings from the command line's options. */
    private static JobSettings settings(Options o) {
        try {
            return new JobSettings(o.get("graph", null), o.has("replace"), o.has("infer"), o.has("lenient"),
                    !o.has("no-validate"), o.get("syntax", null));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
