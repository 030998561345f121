package org.ctkg.release;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.Quad;

/**
 * Stable labels for blank nodes, so that the same data always gives the same lines. A blank node is
 * labelled by a hash of the quads it appears in (as RDF Canonicalization's first-degree hash does),
 * refined round by round with the labels of the blank nodes next to it (colour refinement), until a
 * round separates no more of them. So a label depends on what the data says about the node, not on
 * the label a store or parser gave it: reloading a release into a new store gives the same labels.
 * <p>Why not skolemise (replace blank nodes by {@code .well-known/genid} IRIs)? A release must load
 * back into a graph isomorphic to the store's: skolem IRIs would turn blank nodes into IRIs. Why not
 * full RDFC-1.0? Its n-degree step exists for blank nodes that refinement cannot tell apart; those are
 * ties here, broken by the store's own labels. Ties between nodes that are interchangeable (two equal
 * {@code [ a :X ]}) give the same lines whichever way they are broken; ties between nodes that are
 * not (highly regular cycles of blank nodes, which Turtle's {@code []}, RDF lists and RML mappings
 * never make) still give the same bytes from the same store, but not necessarily after a reload.
 */
final class BlankNodeLabels {
    private static final String SELF = "_:@";

    private BlankNodeLabels() {}

    /** For each blank node in the quads, the blank node with its stable label. */
    static Map<Node, Node> of(List<Quad> quads) {
        Map<Node, List<Quad>> mentions = new HashMap<>();
        for (Quad q : quads)
            for (Node n : new Node[] {q.getGraph(), q.getSubject(), q.getObject()})
                if (n.isBlank()) {
                    List<Quad> list = mentions.computeIfAbsent(n, k -> new ArrayList<>());
                    if (list.isEmpty() || list.get(list.size() - 1) != q)
                        list.add(q);
                }
        if (mentions.isEmpty())
            return Map.of();
        Map<Node, String> colour = new HashMap<>();
        mentions.keySet().forEach(b -> colour.put(b, ""));
        long classes = 1;
        for (int round = 0; round <= mentions.size(); round++) {
            Map<Node, String> next = new HashMap<>();
            for (Map.Entry<Node, List<Quad>> e : mentions.entrySet())
                next.put(e.getKey(), signature(e.getKey(), e.getValue(), colour));
            long nextClasses = next.values().stream().distinct().count();
            colour.clear();
            colour.putAll(next);
            if (round > 0 && nextClasses == classes)
                break;
            classes = nextClasses;
        }
        return labels(colour);
    }

    /** One round's colour: a hash of the node's previous colour and of its quads, neighbours by colour. */
    private static String signature(Node self, List<Quad> quads, Map<Node, String> colour) {
        List<String> lines = new ArrayList<>(quads.size());
        for (Quad q : quads)
            lines.add(term(q.getSubject(), self, colour) + ' ' + term(q.getPredicate(), self, colour) + ' '
                    + term(q.getObject(), self, colour) + ' ' + term(q.getGraph(), self, colour));
        lines.sort(null);
        StringBuilder text = new StringBuilder(colour.get(self)).append('\n');
        lines.forEach(l -> text.append(l).append('\n'));
        return HexFormat.of().formatHex(Checksums.sha256(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static String term(Node n, Node self, Map<Node, String> colour) {
        if (n.equals(self))
            return SELF;
        if (n.isBlank())
            return "_:" + colour.get(n);
        return NodeFmtLib.strNT(n);
    }

    /** Labels from colours: the colour itself, with a counter for ties in the order of the store's labels. */
    private static Map<Node, Node> labels(Map<Node, String> colour) {
        Map<String, List<Node>> byColour = new TreeMap<>();
        colour.forEach((b, c) -> byColour.computeIfAbsent(c, k -> new ArrayList<>()).add(b));
        Map<Node, Node> labels = new HashMap<>();
        byColour.forEach((c, nodes) -> {
            nodes.sort((a, b) -> a.getBlankNodeLabel().compareTo(b.getBlankNodeLabel()));
            String stem = "b" + c.substring(0, 32);
            for (int i = 0; i < nodes.size(); i++)
                labels.put(nodes.get(i), NodeFactory.createBlankNode(nodes.size() == 1 ? stem : stem + "x" + i));
        });
        return labels;
    }
}
