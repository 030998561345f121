package org.ctkg.cli;

import java.nio.file.Path;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.sparql.graph.GraphFactory;
import org.ctkg.loader.LoadException;
import org.ctkg.loader.source.JsonLdContexts;
import org.ctkg.ontology.ShapesValidation;

/** A user's own SHACL shapes file, for {@code --shapes}. */
final class ShapesFiles {
    private ShapesFiles() {}

    static ShapesValidation read(Path file) {
        try {
            Graph g = GraphFactory.createDefaultGraph();
            JsonLdContexts.applyTo(RDFParser.source(file)).parse(g);
            return ShapesValidation.with(Shapes.parse(g));
        } catch (RiotException e) {
            throw new LoadException(LoadException.Kind.BAD_INPUT, file + ": cannot read the shapes: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new LoadException(LoadException.Kind.BAD_INPUT, file + ": not usable as SHACL shapes: " + e.getMessage(), e);
        }
    }
}
