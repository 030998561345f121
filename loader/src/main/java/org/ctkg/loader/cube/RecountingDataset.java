package org.ctkg.loader.cube;

import java.time.Instant;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.GraphView;
import org.apache.jena.sparql.core.Quad;
import org.ctkg.loader.Access;
import org.ctkg.loader.AccessLevels;
import org.ctkg.loader.LoadException;
import org.ctkg.loader.prov.Provenance;

/**
 * The store as writers write it quad by quad (SPARQL Update, the Graph Store Protocol): a write
 * transaction that changed a restricted graph (added to it, deleted from it, cleared or dropped
 * it) or the record of access levels recomputes the published case counts ({@link CaseCounts#refresh})
 * when it commits, in the same transaction and through this dataset's wrapped stack, so that the
 * counts commit with the records (and are published, indexed, replicated with them) or not at all.
 * Its activity is recorded in the restricted provenance graph, named by the {@link Writer} ("SPARQL
 * Update by alice"), without the request's text. A write into the cube's graph itself is refused
 * (a {@link LoadException} BAD_INPUT naming the graph, as load jobs' are, or what the writer's route
 * throws instead), before anything is written. A transaction that touched only public graphs costs
 * a set of graph names and one lookup per name at commit.
 * <pre>
 *   DatasetGraph served = new RecountingDataset(store, CaseCounts.DEFAULT_MIN_CELL, () -> () -> "SPARQL Update by " + user);
 * </pre>
 * Serve it only where writers write: a replica applying a writer's log must not recount (the log
 * carries the writer's cube).
 */
public final class RecountingDataset extends DatasetGraphWrapper {
    private final int minCell;
    private final Supplier<Writer> writer;
    /** The writing thread's transaction: the graphs it changed so far, and whether it is recounting. */
    private final ThreadLocal<Pending> pending = new ThreadLocal<>();

    /** Who is writing, as the write's provenance and its refusals need to know. */
    @FunctionalInterface
    public interface Writer {
        /** What the write is and who makes it, as its activity's label says: "SPARQL Update by alice"; never the request's text. */
        String activity();

        /** What a refusal of a write into the cube's graph is thrown as; default, the refusal itself. */
        default RuntimeException refused(LoadException refusal) {
            return refusal;
        }
    }

    /** What one write transaction changed. */
    private static final class Pending {
        final Set<Node> graphs = new HashSet<>();
        /** When its first change was made. */
        final Instant began = Instant.now();
        boolean recounting;
    }

    /**
     * @param minCell the threshold of the recomputed counts ({@link CaseCounts#minCell})
     * @param writer  who is writing on the calling thread (read at a refusal and at commit)
     */
    public RecountingDataset(DatasetGraph store, int minCell, Supplier<Writer> writer) {
        super(store);
        this.minCell = CaseCounts.minCell(minCell);
        this.writer = writer;
    }

    private Pending pending() {
        Pending p = pending.get();
        if (p == null) {
            p = new Pending();
            pending.set(p);
        }
        return p;
    }

    /** Notes that the transaction changes this graph; refuses the cube's graph (but for the recount's own writes). */
    private void changes(Node g) {
        Pending p = pending();
        if (p.recounting)
            return;
        if (CaseCounts.GRAPH.equals(g))
            throw writer.get().refused(CaseCounts.refusal("a SPARQL Update or Graph Store write"));
        if (g != null && !Quad.isDefaultGraph(g))
            p.graphs.add(g);
    }

    /** Notes every named graph holding a quad that matches (a delete over any graph; the default graph is public). */
    private void changesMatching(Node s, Node p, Node o) {
        for (Iterator<Node> it = getWrapped().listGraphNodes(); it.hasNext(); ) {
            Node g = it.next();
            if (getWrapped().contains(g, s, p, o))
                changes(g);
        }
    }

    private static boolean anyGraph(Node g) {
        return g == null || Node.ANY.equals(g) || Quad.isUnionGraph(g);
    }

    @Override
    public void add(Quad quad) {
        changes(quad.getGraph());
        super.add(quad);
    }

    @Override
    public void add(Node g, Node s, Node p, Node o) {
        changes(g);
        super.add(g, s, p, o);
    }

    @Override
    public void delete(Quad quad) {
        changes(quad.getGraph());
        super.delete(quad);
    }

    @Override
    public void delete(Node g, Node s, Node p, Node o) {
        changes(g);
        super.delete(g, s, p, o);
    }

    @Override
    public void deleteAny(Node g, Node s, Node p, Node o) {
        if (anyGraph(g))
            changesMatching(s, p, o);
        else
            changes(g);
        super.deleteAny(g, s, p, o);
    }

    @Override
    public void addGraph(Node graphName, Graph graph) {
        changes(graphName);
        super.addGraph(graphName, graph);
    }

    @Override
    public void removeGraph(Node graphName) {
        changes(graphName);
        super.removeGraph(graphName);
    }

    @Override
    public void clear() {
        changesMatching(Node.ANY, Node.ANY, Node.ANY);
        super.clear();
    }

    // Graphs of this dataset write through it, so that their writes are seen (as the search index's own wrapper does).
    @Override
    public Graph getDefaultGraph() {
        return getGraph(Quad.defaultGraphIRI);
    }

    @Override
    public Graph getGraph(Node graphNode) {
        return GraphView.createNamedGraph(this, graphNode);
    }

    /** Recounts, when the transaction changed a restricted graph or the record of levels; then commits. */
    @Override
    public void commit() {
        Pending p = pending.get();
        if (p != null && isInTransaction() && transactionMode() == ReadWrite.WRITE && changesRestricted(p.graphs))
            recount(p);
        pending.remove();
        super.commit();
    }

    @Override
    public void abort() {
        pending.remove();
        super.abort();
    }

    @Override
    public void end() {
        pending.remove();
        super.end();
    }

    private boolean changesRestricted(Set<Node> graphs) {
        for (Node g : graphs) {
            if (g.equals(AccessLevels.GRAPH))
                return true;
            if (!g.equals(AccessLevels.RESTRICTED_PROVENANCE) && AccessLevels.of(getWrapped(), g) == Access.RESTRICTED)
                return true;
        }
        return false;
    }

    private void recount(Pending p) {
        p.recounting = true;
        try {
            Node write = Provenance.newActivityIri("write");
            Provenance.recordWrite(this, AccessLevels.RESTRICTED_PROVENANCE, write, writer.get().activity(), p.began, Instant.now());
            CaseCounts.refresh(this, write, minCell, this::add);
        } finally {
            p.recounting = false;
        }
    }
}
