package org.ctkg.loader;

import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.core.DatasetGraph;
import org.ctkg.ontology.ShapesValidation;

/**
 * A job's check of what it wrote against the shapes: only the subjects it wrote are focus nodes,
 * checked on the job's thread inside its transaction, or on several threads over a built
 * generation. Violations fail the job unless it is lenient. A job run without validation checks
 * nothing, reports no SHACL report and names no shapes in its provenance.
 */
final class ShapesCheck {
    private final boolean validate;
    private final ShapesValidation validation;
    private final Node shapesIri;
    private final boolean lenient;
    private final LoadMonitor monitor;

    ShapesCheck(boolean validate, ShapesValidation validation, Node shapesIri, boolean lenient, LoadMonitor monitor) {
        this.validate = validate;
        this.validation = validation;
        this.shapesIri = shapesIri;
        this.lenient = lenient;
        this.monitor = monitor;
    }

    /** Whether the job validates, so its subjects are worth remembering. */
    boolean wanted() {
        return validate;
    }

    /** Checks the subjects over the dataset's union graph, inside the job's transaction; null when not validating. */
    ValidationReport inTransaction(DatasetGraph dsg, Set<Node> subjects) {
        if (!validate)
            return null;
        monitor.validating(subjects.size());
        return validation.validateNodes(dsg.getUnionGraph(), subjects.iterator());
    }

    /** Checks the subjects over a built generation on several threads; null when not validating. */
    ValidationReport inGeneration(DatasetGraph built, Set<Node> subjects, int threads) {
        if (!validate)
            return null;
        monitor.validating(subjects.size());
        return validation.validateNodesInParallel(built, List.copyOf(subjects), threads);
    }

    /** @throws LoadException INVALID when the report has violations and the job is not lenient */
    void failOnViolations(ValidationReport report) {
        if (report != null && !report.conforms() && !lenient)
            throw new LoadException(LoadException.Kind.INVALID,
                    report.getEntries().size() + " SHACL violation(s) in the loaded data", report, null);
    }

    /** The shapes to name in the job's provenance: null when it did not validate. */
    Node shapesForProvenance() {
        return validate ? shapesIri : null;
    }
}
