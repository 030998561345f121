package org.ctkg.loader;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.shacl.ValidationReport;

/**
 * What a committed load job did: its provenance IRI, its inputs, and per graph the triples
 * added and removed; the SHACL report (conforming, or the violations a lenient load accepted),
 * null when the job was run without validation; and notes for the user, such as the rows of a
 * table that a mapping left out on purpose.
 */
public record LoadReport(Node job, Instant started, Instant ended, List<Source.InputRecord> inputs,
                         Map<Node, GraphChange> changes, long triplesRead, ValidationReport validation, List<String> notes) {

    /** What the job did to one named graph. */
    public record GraphChange(long added, long removed) {}

    /** Triples added over all graphs. */
    public long added() {
        return changes.values().stream().mapToLong(GraphChange::added).sum();
    }

    /** Triples removed over all graphs. */
    public long removed() {
        return changes.values().stream().mapToLong(GraphChange::removed).sum();
    }

    /** SHACL violations accepted by a lenient load; 0 when conforming or not validated. */
    public long violations() {
        return validation == null ? 0 : validation.getEntries().size();
    }

    /** Whether the loaded data was checked against the shapes. */
    public boolean validated() {
        return validation != null;
    }

    /** Seconds from start to end. */
    public double seconds() {
        return (ended.toEpochMilli() - started.toEpochMilli()) / 1000.0;
    }
}
