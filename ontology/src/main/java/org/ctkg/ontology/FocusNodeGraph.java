package org.ctkg.ontology;

import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphWrapper;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.WrappedIterator;

/**
 * A read-only view of a graph that reads the triples of the resource being validated once: each
 * of its property shapes would otherwise look the resource up in the store again (one index
 * search per property), which is most of the cost of validating a large load.
 */
final class FocusNodeGraph extends GraphWrapper {
    private Node focus;
    private List<Triple> triples = List.of();

    FocusNodeGraph(Graph graph) {
        super(graph);
    }

    /** The resource validated next: its triples are read now and served until the next call. */
    void focusOn(Node node) {
        focus = node;
        triples = get().find(node, Node.ANY, Node.ANY).toList();
    }

    @Override
    public ExtendedIterator<Triple> find(Node s, Node p, Node o) {
        if (s != null && s.equals(focus)) {
            Node pp = p == null ? Node.ANY : p;
            Node oo = o == null ? Node.ANY : o;
            return WrappedIterator.create(triples.stream()
                    .filter(t -> pp.matches(t.getPredicate()) && oo.matches(t.getObject())).iterator());
        }
        return super.find(s, p, o);
    }

    @Override
    public ExtendedIterator<Triple> find(Triple t) {
        return find(t.getSubject(), t.getPredicate(), t.getObject());
    }

    @Override
    public boolean contains(Node s, Node p, Node o) {
        if (s != null && s.equals(focus))
            return find(s, p, o).hasNext();
        return super.contains(s, p, o);
    }

    @Override
    public boolean contains(Triple t) {
        return contains(t.getSubject(), t.getPredicate(), t.getObject());
    }
}
