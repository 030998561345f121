package org.ctkg.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.compose.Union;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.ctkg.loader.LoadException;
import org.ctkg.loader.Store;
import org.ctkg.loader.Stores;
import org.ctkg.loader.report.Reports;
import org.ctkg.loader.source.RdfFile;
import org.ctkg.ontology.ShapesValidation;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ctkg validate}: the checks of a load, without writing anything. */
@CommandLine.Command(name = "validate",
        customSynopsis = "ctkg validate [--loc DIR] [--shapes FILE] [--format text|ttl] [--syntax LANG] [FILE...]",
        description = {"check RDF files (or a store) against the shapes, without writing",
                "",
                "Parses the files as a load would and checks the resources they describe against ctkg's shapes",
                "(or --shapes FILE), resolving references in the store at DIR, or in the curated graph without --loc.",
                "Without files, checks the whole store (or the curated graph). Writes nothing."},
        footer = {"", "Exit codes: 0 conforms; 3 violations; 2 bad input; 1 internal error."})
final class ValidateCommand extends Command {
    /** How the report is written. */
    enum ReportFormat { text, ttl }

    @Option(names = "--loc", paramLabel = "DIR", description = "resolve references in this store (default: the curated graph)")
    Path loc;

    @Option(names = "--shapes", paramLabel = "FILE", description = "validate against these SHACL shapes instead of ctkg's")
    Path shapes;

    @Option(names = "--format", paramLabel = "text|ttl", defaultValue = "text",
            description = "the report as text lines (default) or as a SHACL report in Turtle")
    ReportFormat format;

    @Option(names = "--syntax", paramLabel = "LANG",
            description = "the RDF syntax (turtle, ntriples, nquads, trig, rdfxml, jsonld), default from the file name")
    String syntax;

    @Parameters(paramLabel = "FILE", description = "the files to check (default: the whole store or curated graph)")
    List<Path> files = List.of();

    ValidateCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    public Integer call() {
        ShapesValidation validation = shapes != null ? ShapesFiles.read(shapes) : ShapesValidation.standard();
        ValidationReport report;
        if (loc != null) {
            try (Store store = Store.openExisting(loc)) {
                DatasetGraph dsg = store.dataset();
                report = Txn.calculateRead(dsg, () -> validate(validation, dsg.getUnionGraph()));
            }
        } else {
            DatasetGraph defaults = DatasetGraphFactory.createTxnMem();
            Stores.streamDefaultContent(StreamRDFLib.dataset(defaults));
            report = validate(validation, defaults.getUnionGraph());
        }
        if (format == ReportFormat.ttl)
            Reports.printTurtle(report, out);
        else
            Reports.printText(report, out);
        String what = !files.isEmpty() ? files.stream().map(Path::toString).collect(Collectors.joining(", "))
                : loc != null ? loc.toString() : "the curated graph";
        err.println("ctkg validate: " + what + (report.conforms() ? ": conforms" : ": " + report.getEntries().size() + " violation(s)"));
        return report.conforms() ? 0 : LoadException.Kind.INVALID.exitCode;
    }

    /** The files' resources, or the whole context without files, checked with references resolved in the context. */
    private ValidationReport validate(ShapesValidation validation, Graph context) {
        if (files.isEmpty())
            return validation.validate(context);
        DatasetGraph parsed = DatasetGraphFactory.createGeneral();
        Set<Node> subjects = new HashSet<>();
        for (Path file : files) {
            RdfFile source = RdfFile.of(file, syntax);
            StreamRDF into = StreamRDFLib.dataset(parsed);
            source.send(new StreamRDFBase() {
                @Override
                public void triple(Triple t) {
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
        return validation.validateNodes(new Union(parsed.getUnionGraph(), context), subjects.iterator());
    }
}
