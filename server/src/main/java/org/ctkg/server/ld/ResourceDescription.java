package org.ctkg.server.ld;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDFS;
import org.ctkg.ontology.CTKG;

/**
 * What ctkg says about one resource, bounded: its statements (with the named graph, and so the
 * source, each comes from), the statements that link to it (at most {@value #MAX_INCOMING}), and
 * the labels of everything they mention. Read inside a read transaction.
 */
final class ResourceDescription {
    static final int MAX_OUTGOING = 2_000;
    static final int MAX_INCOMING = 500;
    private static final Node SKOS_PREF_LABEL = org.apache.jena.graph.NodeFactory.createURI("http://www.w3.org/2004/02/skos/core#prefLabel");

    final Node resource;
    final List<Quad> outgoing = new ArrayList<>();
    final List<Quad> incoming = new ArrayList<>();
    /** When the resource is a named graph: what that graph says about (the first of) its subjects. */
    final List<Node> graphSubjects = new ArrayList<>();
    final Map<Node, String> labels = new HashMap<>();
    /** The class of each resource it links to or that links to it (a ctkg class first), by which the picture groups them. */
    private final Map<Node, Node> types = new HashMap<>();
    /** Their classes' labels, kept apart from {@link #labels}: the documents label only what their statements mention. */
    private final Map<Node, String> typeLabels = new HashMap<>();
    boolean truncated;

    private ResourceDescription(Node resource) {
        this.resource = resource;
    }

    /** The description of the resource in the dataset; call in a read transaction. */
    static ResourceDescription of(DatasetGraph dsg, Node resource) {
        ResourceDescription d = new ResourceDescription(resource);
        d.truncated = take(dsg.find(Node.ANY, resource, Node.ANY, Node.ANY), MAX_OUTGOING, d.outgoing)
                | take(dsg.find(Node.ANY, Node.ANY, Node.ANY, resource), MAX_INCOMING, d.incoming);
        if (dsg.containsGraph(resource)) {
            java.util.Set<Node> seen = new java.util.LinkedHashSet<>();
            var it = dsg.find(resource, Node.ANY, Node.ANY, Node.ANY);
            while (it.hasNext() && seen.size() < MAX_INCOMING) {
                Node s = it.next().getSubject();
                if (s.isURI())
                    seen.add(s);
            }
            d.graphSubjects.addAll(seen);
        }
        Graph union = dsg.getUnionGraph();
        d.graphSubjects.forEach(s -> d.label(union, s));
        for (Quad q : d.outgoing) {
            d.label(union, q.getPredicate());
            d.label(union, q.getObject());
            d.label(union, q.getGraph());
            d.type(dsg, q.getObject());
        }
        for (Quad q : d.incoming) {
            d.label(union, q.getSubject());
            d.label(union, q.getPredicate());
            d.type(dsg, q.getSubject());
        }
        d.label(union, resource);
        return d;
    }

    /**
     * Adds at most {@code max} quads to {@code into} and stops reading there, so that a hub that
     * millions of statements link to costs no more than any other resource; true if there were more.
     */
    private static boolean take(java.util.Iterator<Quad> quads, int max, List<Quad> into) {
        while (quads.hasNext()) {
            if (into.size() == max)
                return true;
            into.add(quads.next());
        }
        return false;
    }

    /** True when the dataset says nothing about the resource. */
    boolean isEmpty() {
        return outgoing.isEmpty() && incoming.isEmpty() && graphSubjects.isEmpty();
    }

    /** The description as RDF: statements, incoming links, labels of what they mention. */
    Graph asGraph() {
        Graph g = GraphFactory.createDefaultGraph();
        outgoing.forEach(q -> g.add(q.asTriple()));
        incoming.forEach(q -> g.add(q.asTriple()));
        labels.forEach((n, label) -> {
            if (!n.equals(resource))
                g.add(Triple.create(n, RDFS.Nodes.label, org.apache.jena.graph.NodeFactory.createLiteralString(label)));
        });
        return g;
    }

    /** The label of a node (or of a linked resource's class): rdfs:label or skos:prefLabel (English first), else null. */
    String labelOf(Node n) {
        String l = labels.get(n);
        return l != null ? l : typeLabels.get(n);
    }

    private void label(Graph g, Node n) {
        if (!n.isURI() || labels.containsKey(n))
            return;
        String best = bestLabel(g, n);
        if (best != null)
            labels.put(n, best);
    }

    private static String bestLabel(Graph g, Node n) {
        String best = null;
        for (Node p : new Node[] {RDFS.Nodes.label, SKOS_PREF_LABEL}) {
            var it = g.find(n, p, Node.ANY);
            while (it.hasNext()) {
                Node o = it.next().getObject();
                if (!o.isLiteral())
                    continue;
                if (best == null || "en".equals(o.getLiteralLanguage()))
                    best = o.getLiteralLexicalForm();
            }
            if (best != null)
                break;
        }
        return best;
    }

    /** The class of a linked resource, or null if it has none. */
    Node typeOf(Node n) {
        return types.get(n);
    }

    /** Reads the quads, not the union graph: a type stated in several graphs needs no merging here. */
    private void type(DatasetGraph dsg, Node n) {
        if (!n.isURI() || types.containsKey(n))
            return;
        Node best = null;
        var it = dsg.find(Node.ANY, n, org.apache.jena.vocabulary.RDF.Nodes.type, Node.ANY);
        while (it.hasNext()) {
            Node t = it.next().getObject();
            if (t.isURI() && (best == null || t.getURI().startsWith(CTKG.NS) && !best.getURI().startsWith(CTKG.NS)))
                best = t;
        }
        if (best != null) {
            types.put(n, best);
            String label = typeLabels.containsKey(best) ? null : bestLabel(dsg.getUnionGraph(), best);
            if (label != null)
                typeLabels.put(best, label);
        }
    }

    /** Statements grouped by predicate, in first-seen order. */
    Map<Node, List<Quad>> outgoingByPredicate() {
        Map<Node, List<Quad>> m = new LinkedHashMap<>();
        outgoing.forEach(q -> m.computeIfAbsent(q.getPredicate(), k -> new ArrayList<>()).add(q));
        return m;
    }
}
