package org.ctkg.release;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.ctkg.loader.AccessLevels;

/**
 * Which of a store's graphs a release publishes: all of them except those the store records as
 * restricted ({@link #recorded}, {@link AccessLevels}) and those a caller's hook marks besides
 * ({@link #RESTRICTED}, none by default); every release leaves them out, and every statement
 * elsewhere that names them.
 */
public final class PublicGraphs {
    /** The hook: true for a graph that must never be released besides the recorded ones. Default: none. */
    public static final Predicate<Node> RESTRICTED = graph -> false;

    /** The graphs the store records as restricted, as they are now; call inside a read transaction. */
    public static Predicate<Node> recorded(DatasetGraph dsg) {
        return AccessLevels.restricted(dsg)::contains;
    }

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
