package org.ctkg.cli;

import org.ctkg.loader.report.Reports;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.compose.Union;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.ctkg.loader.LoadException;
import org.ctkg.loader.source.RdfFile;
import org.ctkg.loader.Store;
import org.ctkg.ontology.ShapesValidation;

/** {@code ctkg validate}: the checks of a load, without writing anything. */
final class ValidateCommand implements Command {
    @Override
    public String summary() {
        return "check RDF files (or a store) against the shapes, without writing";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        Options o = Options.parse(args, Set.of("loc", "shapes", "format", "syntax"), Set.of("help"));
        if (o.has("help")) {
            out.println("Usage: ctkg validate [--loc DIR] [--shapes FILE] [--format text|ttl] [--syntax LANG] [FILE...]");
            out.println();
            out.println("Parses the files as a load would and checks the resources they describe against ctkg's shapes");
            out.println("(or --shapes FILE), resolving references in the store at DIR, or in the curated graph without --loc.");
            out.println("Without files, checks the whole store (or the curated graph). Writes nothing.");
            out.println("  --format text|ttl   the report as text lines (default) or as a SHACL report in Turtle");
            out.println();
            out.println("Exit codes: 0 conforms; 3 violations; 2 bad input; 1 internal error.");
            return 0;
        }
        String format = o.get("format", "text");
        if (!format.equals("text") && !format.equals("ttl"))
            throw new UsageException("--format must be text or ttl, got '" + format + "'");
        try {
            ShapesValidation validation = o.has("shapes") ? ShapesFiles.read(Path.of(o.get("shapes", null))) : ShapesValidation.standard();
            ValidationReport report;
            if (o.has("loc")) {
                try (Store store = Store.openExisting(Path.of(o.get("loc", null)))) {
                    DatasetGraph dsg = store.dataset();
                    report = Txn.calculateRead(dsg, () -> validate(validation, dsg.getUnionGraph(), o));
                }
            } else {
                DatasetGraph defaults = org.apache.jena.sparql.core.DatasetGraphFactory.createTxnMem();
                org.ctkg.loader.Stores.streamDefaultContent(org.apache.jena.riot.system.StreamRDFLib.dataset(defaults));
                report = validate(validation, defaults.getUnionGraph(), o);
            }
            if (format.equals("ttl"))
                Reports.printTurtle(report, out);
            else
                Reports.printText(report, out);
            String what = o.positional().isEmpty() ? (o.has("loc") ? o.get("loc", null) : "the curated graph") : String.join(", ", o.positional());
            err.println("ctkg validate: " + what + (report.conforms() ? ": conforms" : ": " + report.getEntries().size() + " violation(s)"));
            return report.conforms() ? 0 : LoadException.Kind.INVALID.exitCode;
        } catch (LoadException e) {
            err.println("ctkg validate: " + e.getMessage());
            return e.kind().exitCode;
        }
    }

    private static ValidationReport validate(ShapesValidation validation, Graph context, Options o) {
        if (o.positional().isEmpty())
            return validation.validate(context);
        DatasetGraph files = DatasetGraphFactory.createGeneral();
        Set<Node> subjects = new HashSet<>();
        for (String file : o.positional()) {
            RdfFile source = RdfFile.of(Path.of(file), o.get("syntax", null));
            var into = StreamRDFLib.dataset(files);
            source.send(new StreamRDFBase() {
                @Override
                public void triple(org.apache.jena.graph.Triple t) {
                    subjects.add(t.getSubject());
                    into.quad(Quad.create(source.defaultGraph(), t));
                }

                @Override
                public void quad(Quad q) {
                    subjects.add(q.getSubject());
                    into.quad(q.isDefaultGraph() ? Quad.create(source.defaultGraph(), q.asTriple()) : q);
                }
            });
        }
        return validation.validateNodes(new Union(files.getUnionGraph(), context), subjects.iterator());
    }
}
