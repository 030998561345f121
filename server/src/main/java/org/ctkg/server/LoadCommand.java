package org.ctkg.server;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIs;
import org.ctkg.loader.LoadException;
import org.ctkg.loader.LoadJob;
import org.ctkg.loader.LoadReport;
import org.ctkg.loader.RdfFile;
import org.ctkg.loader.RmlMapping;
import org.ctkg.loader.Store;

/** {@code ctkg load}: a data-integration job from RDF files into a TDB2 store. */
final class LoadCommand implements Command {
    @Override
    public String summary() {
        return "load RDF files into a TDB2 store: validated, all-or-nothing, with provenance";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        Options o = Options.parse(args, Set.of("loc", "graph", "syntax", "shapes", "mapping"),
                                  Set.of("help", "replace", "infer", "lenient", "quiet", "no-validate"));
        if (o.has("help")) {
            out.println("Usage: ctkg load --loc DIR [--graph IRI] [--replace] [--syntax LANG] [--infer] [--lenient] [--shapes FILE] [--no-validate] [--quiet] FILE...");
            out.println("       ctkg load --loc DIR --mapping MAPPING.rml.ttl [options] SOURCE...");
            out.println();
            out.println("Loads RDF (Turtle, N-Triples, N-Quads, TriG, RDF/XML, JSON-LD; .gz too) into the TDB2 store at DIR");
            out.println("in one transaction: parse as a stream, validate against the shapes, record provenance, commit once.");
            out.println("Any failure leaves the store exactly as it was. A new store is seeded with the ontology and curated graph.");
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
            out.println();
            out.println("Exit codes: 0 loaded; 2 bad input (syntax, IRI, literal, empty or unreadable file); 3 SHACL violations; 1 internal error.");
            return 0;
        }
        if (!o.has("loc"))
            throw new UsageException("--loc DIR is required");
        if (o.positional().isEmpty())
            throw new UsageException("give at least one FILE to load");
        Path loc = Path.of(o.get("loc", null));
        boolean quiet = o.has("quiet");
        try {
            LoadJob.Builder job;
            try (Store store = Store.open(loc)) {
                job = LoadJob.create(store)
                        .replace(o.has("replace"))
                        .infer(o.has("infer"))
                        .lenient(o.has("lenient"))
                        .validate(!o.has("no-validate"))
                        .monitor(quiet || System.console() == null ? org.ctkg.loader.LoadMonitor.SILENT : new ProgressLine(err));
                if (o.has("graph"))
                    job.graph(NodeFactory.createURI(checkedIri(o.get("graph", null))));
                if (o.has("shapes"))
                    job.shapes(ShapesFiles.read(Path.of(o.get("shapes", null))),
                               NodeFactory.createURI(Path.of(o.get("shapes", null)).toAbsolutePath().toUri().toString()));
                if (o.has("mapping"))
                    job.source(RmlMapping.of(Path.of(o.get("mapping", null)), o.positional().stream().map(Path::of).toList()));
                else
                    for (String file : o.positional())
                        job.source(RdfFile.of(Path.of(file), o.get("syntax", null)));
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

    private static String checkedIri(String iri) {
        if (!IRIs.check(iri) || !IRIs.absoluteResolver().resolve(iri).isAbsolute())
            throw new UsageException("--graph needs an absolute IRI, got '" + iri + "'");
        return iri;
    }
}
