package org.ctkg.loader;

import java.util.HashSet;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;

/**
 * Routes what a source sends into the graphs the job writes: a triple to the job's graph or to
 * the source's own, a quad to its graph unless the job names one (and to the source's own from
 * the default graph). Tells {@link GraphChanges} of each graph's first quad, counts what it
 * writes for progress, and remembers the subjects for validation.
 */
final class GraphRouter extends StreamRDFBase {
    private static final int PROGRESS_EVERY = 20_000;

    private final Destination destination;
    private final GraphChanges changes;
    private final Node targetGraph;
    private final boolean keepSubjects;
    private final LoadMonitor monitor;
    private final Set<Node> subjects = new HashSet<>();
    private Source source;
    private long count;

    GraphRouter(JobPlan plan, Destination destination, GraphChanges changes) {
        this.destination = destination;
        this.changes = changes;
        this.targetGraph = plan.targetGraph();
        this.keepSubjects = plan.shapes().wanted();
        this.monitor = plan.monitor();
    }

    /** What follows comes from this source. */
    void from(Source source) {
        this.source = source;
    }

    @Override
    public void triple(Triple triple) {
        write(targetGraph != null ? targetGraph : source.defaultGraph(), triple.getSubject(), triple.getPredicate(), triple.getObject());
    }

    @Override
    public void quad(Quad quad) {
        Node g = targetGraph != null ? targetGraph
                : (quad.isDefaultGraph() ? source.defaultGraph() : quad.getGraph());
        write(g, quad.getSubject(), quad.getPredicate(), quad.getObject());
    }

    private void write(Node g, Node s, Node p, Node o) {
        if (!changes.touched(g))
            changes.firstWrite(g, destination.sizeBefore(g));
        try {
            destination.add(g, s, p, o);
        } catch (RuntimeException e) {
            throw JobFailures.cannotWrite(e);
        }
        if (keepSubjects)
            subjects.add(s);
        if (++count % PROGRESS_EVERY == 0)
            monitor.progress(count);
    }

    /** Writes anything still buffered; call before reading the store back. */
    void flush() {
        try {
            destination.flush();
        } catch (RuntimeException e) {
            throw JobFailures.cannotWrite(e);
        }
    }

    /** Triples and quads written so far. */
    long count() {
        return count;
    }

    /** The subjects written, when validating; empty otherwise. */
    Set<Node> subjects() {
        return subjects;
    }
}
