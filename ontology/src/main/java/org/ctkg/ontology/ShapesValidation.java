package org.ctkg.ontology;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.compose.Union;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;

/**
 * Validates data against ctkg's shapes. The data is validated together with the ontology, so that
 * {@code sh:class} constraints see the class hierarchy (a {@code ctkg:Country} is a
 * {@code ctkg:Place}) without materialising inference into the data.
 * <pre>
 *   ValidationReport report = ShapesValidation.standard().validate(dataGraph);
 *   if (!report.conforms()) ShLib.printReport(report);
 * </pre>
 */
public final class ShapesValidation {
    private final Shapes shapes;
    private final Graph ontology;

    private ShapesValidation(Shapes shapes, Graph ontology) {
        this.shapes = shapes;
        this.ontology = ontology;
    }

    /** Validation against ctkg's own shapes and ontology. */
    public static ShapesValidation standard() {
        return new ShapesValidation(CtkgFiles.shapes(), CtkgFiles.ontology());
    }

    /** Validation against other shapes (for example a user's {@code --shapes FILE}), with ctkg's ontology. */
    public static ShapesValidation with(Shapes shapes) {
        return new ShapesValidation(shapes, CtkgFiles.ontology());
    }

    /** The shapes this validation uses. */
    public Shapes shapes() {
        return shapes;
    }

    /** Validates the data graph (read-only; the data is not changed). */
    public ValidationReport validate(Graph data) {
        return ShaclValidator.get().validate(shapes, new Union(data, ontology));
    }
}
