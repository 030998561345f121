package org.ctkg.release;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;

/**
 * Which of a store's graphs a release publishes: all of them except those the {@link #RESTRICTED}
 * hook marks. Today no graph is marked; the privacy work fills the hook (a predicate over graph
 * IRIs), and every release then leaves those graphs out, and every statement elsewhere that names them.
 */
public final class PublicGraphs {
    /** The hook: true for a graph that must never be released. Today: none. */
    public static final Predicate<Node> RESTRICTED = graph -> false;

    private PublicGraphs() {}

    /**
     * The graphs to release, ordered by IRI; the default graph first when it holds triples.
     * Call inside a read transaction.
     */
    public static List<Node> of(DatasetGraph dsg, Predicate<Node> restricted) {
        List<Node> graphs = new ArrayList<>();
        dsg.listGraphNodes().forEachRemaining(g -> {
            if (!restricted.test(g))
                graphs.add(g);
        });
        graphs.sort(Comparator.comparing(Node::getURI));
        if (!dsg.getDefaultGraph().isEmpty() && dsg.find(Quad.defaultGraphIRI, Node.ANY, Node.ANY, Node.ANY).hasNext())
            graphs.add(0, Quad.defaultGraphIRI);
        return graphs;
    }
}
