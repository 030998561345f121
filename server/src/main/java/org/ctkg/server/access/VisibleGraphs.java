package org.ctkg.server.access;

import java.util.Iterator;
import java.util.Set;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.DatasetGraphWrapperView;
import org.apache.jena.sparql.core.GraphView;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.system.Txn;
import org.ctkg.loader.AccessLevels;
import org.ctkg.loader.tdb2.HiddenGraphs;

/**
 * The store as the current {@link Audience} may see it: the one place where restricted graphs are
 * hidden, so that every route over the served dataset (SPARQL with its union default graph,
 * {@code GRAPH ?g}, FROM and FROM NAMED, DESCRIBE; Graph Store reads; the pages, counts and
 * pictures) sees only what the caller may. Queries on TDB2 run on TDB2's own engine with a filter
 * that drops the hidden graphs' quads ({@link HiddenGraphs}); every other read (find, graphs,
 * graph names) is filtered here. Writes pass through untouched (only writers can make them).
 * The hidden graphs are the store's restricted graphs ({@link AccessLevels}) less those the
 * audience may see, read in the caller's transaction, so from the same state as the data.
 */
public class VisibleGraphs extends DatasetGraphWrapper {
    private final boolean tdb2;

    private VisibleGraphs(DatasetGraph dsg, boolean tdb2) {
        super(dsg);
        this.tdb2 = tdb2;
    }

    /**
     * The view of {@code dsg}. Over TDB2 queries are unwrapped to TDB2's engine, filtered; over
     * any other store they run over this view's filtered reads (a {@link DatasetGraphWrapperView}).
     */
    public static DatasetGraph over(DatasetGraph dsg) {
        return HiddenGraphs.isTdb2(dsg) ? new VisibleGraphs(dsg, true) : new View(dsg);
    }

    /** Over stores other than TDB2: queries must not be unwrapped past this view. */
    private static final class View extends VisibleGraphs implements DatasetGraphWrapperView {
        View(DatasetGraph dsg) {
            super(dsg, false);
        }
    }

    /** The graphs the current audience may not see, now. */
    private Set<Node> hidden() {
        DatasetGraph store = getWrapped();
        Set<Node> restricted = Txn.calculateRead(store, () -> AccessLevels.restricted(store));
        return Audience.current().hidden(restricted);
    }

    @Override
    public Context getContext() {
        Context base = super.getContext();
        if (!tdb2 || Audience.current().seesEverything())
            return base;
        // Inside the query's transaction the hidden graphs are known now, from the query's state of
        // the store: with none (a store without restricted graphs, the common case) TDB2 matches
        // without a filter, which it would otherwise call on every quad of every pattern.
        if (getWrapped().isInTransaction() && hidden().isEmpty())
            return base;
        Context cxt = base.copy();
        HiddenGraphs.hide(cxt, getWrapped(), this::hidden);
        return cxt;
    }

    @Override
    public Iterator<Quad> find() {
        return find(Node.ANY, Node.ANY, Node.ANY, Node.ANY);
    }

    @Override
    public Iterator<Quad> find(Quad quad) {
        return find(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
    }

    @Override
    public Iterator<Quad> find(Node g, Node s, Node p, Node o) {
        return visible(g, s, p, o, false);
    }

    @Override
    public Iterator<Quad> findNG(Node g, Node s, Node p, Node o) {
        return visible(g, s, p, o, true);
    }

    private Iterator<Quad> visible(Node g, Node s, Node p, Node o, boolean namedOnly) {
        Set<Node> hidden = hidden();
        if (hidden.isEmpty())
            return namedOnly ? super.findNG(g, s, p, o) : super.find(g, s, p, o);
        if (g != null && Quad.isUnionGraph(g))
            return union(hidden, s, p, o);
        if (g != null && hidden.contains(g))
            return Iter.nullIterator();
        Iterator<Quad> quads = namedOnly ? super.findNG(g, s, p, o) : super.find(g, s, p, o);
        return Iter.filter(quads, q -> !hidden.contains(q.getGraph()));
    }

    /** The union of the visible named graphs, each triple once, as TDB2 gives its union graph. */
    private Iterator<Quad> union(Set<Node> hidden, Node s, Node p, Node o) {
        Iterator<Quad> quads = Iter.filter(super.findNG(Node.ANY, s, p, o), q -> !hidden.contains(q.getGraph()));
        return Iter.distinct(Iter.map(quads, q -> Quad.create(Quad.unionGraph, q.asTriple())));
    }

    @Override
    public boolean contains(Quad quad) {
        return find(quad).hasNext();
    }

    @Override
    public boolean contains(Node g, Node s, Node p, Node o) {
        return find(g, s, p, o).hasNext();
    }

    @Override
    public Graph getDefaultGraph() {
        // The store's own default graph, as TDB2 gives it (queries see the union: that is the context's doing).
        return hidden().isEmpty() ? super.getDefaultGraph() : GraphView.createDefaultGraph(this);
    }

    @Override
    public Graph getUnionGraph() {
        return hidden().isEmpty() ? super.getUnionGraph() : GraphView.createUnionGraph(this);
    }

    @Override
    public Graph getGraph(Node g) {
        if (hidden().isEmpty())
            return super.getGraph(g);
        if (Quad.isUnionGraph(g))
            return getUnionGraph();
        if (Quad.isDefaultGraph(g))
            return getDefaultGraph();
        return GraphView.createNamedGraph(this, g);
    }

    @Override
    public boolean containsGraph(Node g) {
        return !hidden().contains(g) && super.containsGraph(g);
    }

    @Override
    public Iterator<Node> listGraphNodes() {
        Set<Node> hidden = hidden();
        return hidden.isEmpty() ? super.listGraphNodes() : Iter.filter(super.listGraphNodes(), g -> !hidden.contains(g));
    }

    @Override
    public long size() {
        return Iter.count(listGraphNodes());
    }

    @Override
    public boolean isEmpty() {
        return !find().hasNext();
    }
}
