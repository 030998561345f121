package org.ctkg.server.ld;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;

/**
 * The neighbourhood of a resource, drawn on the server as SVG ({@code neighbourhood.jte}): the
 * resource in the middle, the resources it links to and that link to it on a circle around it,
 * each edge labelled with its property; every node is a link to its page. Literals and types are
 * left out (the page lists them); at most {@value #MAX_NODES} neighbours are drawn. No script,
 * nothing fetched. This class places the nodes; the template draws them.
 *
 * @param dots the neighbours, then the resource itself (drawn last, on top)
 * @param total how many linked resources there are, drawn or not
 */
record Neighbourhood(List<Edge> edges, List<Dot> dots, int total) {
    static final int MAX_NODES = 24;
    static final int WIDTH = 900;
    static final int HEIGHT = 640;

    /** An arrow between the centre and a neighbour, with the property (or properties) it stands for. */
    record Edge(long x1, long y1, long x2, long y2, long labelX, long labelY, String label) {}

    /** A resource drawn as a circle with its (shortened) label; {@code href} null: not a link. */
    record Dot(long x, long y, int radius, long textY, String text, String title, String href, boolean centre) {}

    /** How many neighbours are drawn. */
    int shown() {
        return dots.size() - 1;
    }

    /** The picture, or null when the resource has no linked resources. */
    static Neighbourhood of(ResourceDescription d, LinkedData.Iris iris, Function<Node, String> label) {
        Map<Node, List<String>> neighbours = new LinkedHashMap<>();
        Map<Node, Boolean> outgoing = new LinkedHashMap<>();
        for (Quad q : d.outgoing) {
            if (q.getObject().isURI() && !q.getPredicate().equals(RDF.Nodes.type) && !q.getObject().equals(d.resource))
                add(neighbours, outgoing, q.getObject(), label.apply(q.getPredicate()), true);
        }
        for (Quad q : d.incoming) {
            if (q.getSubject().isURI() && !q.getSubject().equals(d.resource))
                add(neighbours, outgoing, q.getSubject(), label.apply(q.getPredicate()), false);
        }
        if (neighbours.isEmpty())
            return null;
        List<Node> nodes = new ArrayList<>(neighbours.keySet()).subList(0, Math.min(MAX_NODES, neighbours.size()));
        double cx = WIDTH / 2.0, cy = HEIGHT / 2.0, r = Math.min(WIDTH, HEIGHT) / 2.0 - 70;
        List<Edge> edges = new ArrayList<>();
        List<Dot> dots = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            double a = 2 * Math.PI * i / nodes.size() - Math.PI / 2;
            double x = cx + r * Math.cos(a), y = cy + r * Math.sin(a);
            boolean out = outgoing.get(n);
            edges.add(new Edge(Math.round(out ? cx : x), Math.round(out ? cy : y), Math.round(out ? x : cx), Math.round(out ? y : cy),
                    Math.round((cx + x) / 2), Math.round((cy + y) / 2), shorten(String.join(", ", neighbours.get(n)), 40)));
            dots.add(dot(x, y, label.apply(n), iris.localHref(n.getURI()), false));
        }
        dots.add(dot(cx, cy, label.apply(d.resource), null, true));
        return new Neighbourhood(edges, dots, neighbours.size());
    }

    private static Dot dot(double x, double y, String label, String href, boolean centre) {
        return new Dot(Math.round(x), Math.round(y), centre ? 14 : 9, Math.round(y + (centre ? 30 : 24)), shorten(label, 34), label, href, centre);
    }

    private static void add(Map<Node, List<String>> neighbours, Map<Node, Boolean> outgoing, Node n, String property, boolean out) {
        List<String> props = neighbours.computeIfAbsent(n, k -> new ArrayList<>());
        if (!props.contains(property))
            props.add(property);
        outgoing.putIfAbsent(n, out);
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
