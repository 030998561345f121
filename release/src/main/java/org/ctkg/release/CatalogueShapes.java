package org.ctkg.release;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * The catalogue's shapes ({@code ctkg/release/catalogue-shapes.ttl}: DCAT 3's properties, DCAT-AP
 * 3.0's mandatory ones as violations and its recommended ones as warnings, ctkg's own promises for
 * released files) and the check of a catalogue against them.
 */
public final class CatalogueShapes {
    /** The shapes file on the class path. */
    public static final String RESOURCE = "ctkg/release/catalogue-shapes.ttl";
    private static final Shapes SHAPES = Shapes.parse(load());

    private CatalogueShapes() {}

    /** Validates a catalogue. */
    public static ValidationReport validate(Graph catalogue) {
        return ShaclValidator.get().validate(SHAPES, catalogue);
    }

    /** The entries of a report with this severity, one line each: focus node, path, message. */
    public static List<String> lines(ValidationReport report, Severity severity) {
        return report.getEntries().stream().filter(e -> e.severity().level().equals(severity.level()))
                .map(CatalogueShapes::line).sorted().toList();
    }

    private static String line(ReportEntry e) {
        return NodeFmtLib.strNT(e.focusNode()) + " " + (e.resultPath() == null ? "" : e.resultPath() + " ") + e.message();
    }

    private static Graph load() {
        Graph g = GraphFactory.createDefaultGraph();
        try (InputStream in = CatalogueShapes.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null)
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            RDFParser.source(in).lang(Lang.TURTLE).parse(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return g;
    }
}
