package org.ctkg.loader;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.rdfs.RDFSFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.core.DatasetGraph;
import org.ctkg.loader.prov.Provenance;
import org.ctkg.loader.tdb2.StoreInternals;
import org.ctkg.ontology.CtkgFiles;

/**
 * A job's sources read in order into a destination (through the RDFS closure of the ontology's
 * hierarchy when the job infers), and what the report needs of them: every file they read and
 * what they had to say.
 */
final class SourceReading {
    private final JobPlan plan;
    private final GraphRouter router;
    private final GraphChanges changes;
    private final List<Source.InputRecord> inputs = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private SourceReading(JobPlan plan, GraphRouter router, GraphChanges changes) {
        this.plan = plan;
        this.router = router;
        this.changes = changes;
    }

    /** Reads every source of the job into the destination, and flushes it. */
    static SourceReading into(JobPlan plan, Destination destination, GraphChanges changes) {
        SourceReading reading = new SourceReading(plan, new GraphRouter(plan, destination, changes), changes);
        reading.read();
        return reading;
    }

    private void read() {
        StreamRDF sink = plan.infer() ? RDFSFactory.streamRDFS(router, CtkgFiles.ontology()) : router;
        for (Source source : plan.sources()) {
            plan.monitor().startSource(source.name());
            router.from(source);
            source.send(sink);
            inputs.addAll(source.records());
            notes.addAll(source.notes());
        }
        router.flush();
        plan.monitor().written(router.count());
    }

    /** The subjects written, to validate. */
    Set<Node> subjects() {
        return router.subjects();
    }

    /** Reports the job, or fails it on violations unless lenient; call inside a transaction on {@code dsg}. */
    LoadReport report(DatasetGraph dsg, ValidationReport validation, Instant started) {
        plan.shapes().failOnViolations(validation);
        Map<Node, LoadReport.GraphChange> graphChanges = changes.changes(g -> StoreInternals.quadsIn(dsg, g));
        return new LoadReport(Provenance.newJobIri(), started, Instant.now(), inputs, graphChanges, router.count(), validation, notes);
    }
}
