package org.ctkg.server.ld;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;

/**
 * The neighbourhood of a resource drawn server-side as SVG: the resource in the middle, the
 * resources it links to and that link to it on a circle around it, each edge labelled with its
 * property; every node is a link to its page. Literals and types are left out (the page lists
 * them); at most {@value #MAX_NODES} neighbours are drawn. No script, nothing fetched.
 */
final class NeighbourhoodSvg {
    static final int MAX_NODES = 24;
    private static final int W = 900;
    private static final int H = 640;

    private NeighbourhoodSvg() {}

    /** The SVG element, or an empty string when the resource has no linked resources. */
    static String render(ResourceDescription d, LinkedData.Iris iris, java.util.function.Function<Node, String> label) {
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
            return "";
        List<Node> nodes = new ArrayList<>(neighbours.keySet()).subList(0, Math.min(MAX_NODES, neighbours.size()));
        double cx = W / 2.0, cy = H / 2.0, r = Math.min(W, H) / 2.0 - 70;
        StringBuilder edges = new StringBuilder();
        StringBuilder circles = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            double a = 2 * Math.PI * i / nodes.size() - Math.PI / 2;
            double x = cx + r * Math.cos(a), y = cy + r * Math.sin(a);
            boolean out = outgoing.get(n);
            String edgeLabel = String.join(", ", neighbours.get(n));
            edges.append(String.format(java.util.Locale.ROOT, "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" class=\"edge\" marker-end=\"url(#arrow)\"/>%n",
                    out ? cx : x, out ? cy : y, out ? x : cx, out ? y : cy));
            edges.append(String.format(java.util.Locale.ROOT, "<text x=\"%.0f\" y=\"%.0f\" class=\"edge-label\">%s</text>%n",
                    (cx + x) / 2, (cy + y) / 2, ResourcePage.esc(shorten(edgeLabel, 40))));
            circles.append(node(x, y, n, label.apply(n), iris, false));
        }
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"neighbourhood\" role=\"img\" aria-label=\"Graph of the resources linked to and from this one\" viewBox=\"0 0 ")
           .append(W).append(' ').append(H).append("\" xmlns=\"http://www.w3.org/2000/svg\">\n")
           .append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"34\" refY=\"5\" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto-start-reverse\">")
           .append("<path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#888\"/></marker></defs>\n")
           .append("<style>.edge{stroke:#aaa;stroke-width:1.5}.edge-label{font:11px sans-serif;fill:#555;text-anchor:middle}")
           .append(".node circle{fill:#e8f0fe;stroke:#1a56db}.node.centre circle{fill:#1a56db}.node text{font:12px sans-serif;text-anchor:middle;fill:#1d1d1f}")
           .append(".node.centre text{font-weight:bold}</style>\n")
           .append(edges).append(circles)
           .append(node(cx, cy, d.resource, label.apply(d.resource), iris, true))
           .append("</svg>\n");
        if (neighbours.size() > nodes.size())
            svg.append("<p>The picture shows ").append(nodes.size()).append(" of ").append(neighbours.size()).append(" linked resources.</p>\n");
        return svg.toString();
    }

    private static void add(Map<Node, List<String>> neighbours, Map<Node, Boolean> outgoing, Node n, String property, boolean out) {
        List<String> props = neighbours.computeIfAbsent(n, k -> new ArrayList<>());
        if (!props.contains(property))
            props.add(property);
        outgoing.putIfAbsent(n, out);
    }

    private static String node(double x, double y, Node n, String label, LinkedData.Iris iris, boolean centre) {
        String href = iris.localHref(n.getURI());
        String text = String.format(java.util.Locale.ROOT, "<circle cx=\"%.0f\" cy=\"%.0f\" r=\"%d\"/><text x=\"%.0f\" y=\"%.0f\">%s</text>",
                x, y, centre ? 14 : 9, x, y + (centre ? 30 : 24), ResourcePage.esc(shorten(label, 34)));
        String g = "<g class=\"node" + (centre ? " centre" : "") + "\"><title>" + ResourcePage.esc(label) + "</title>" + text + "</g>";
        return (href == null || centre ? g : "<a href=\"" + ResourcePage.esc(href) + "\">" + g + "</a>") + "\n";
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
