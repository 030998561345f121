package org.ctkg.server.ld;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.ctkg.ontology.CTKG;
import org.ctkg.server.views.FullerViews;

/**
 * The neighbourhood of a resource, drawn on the server as SVG ({@code neighbourhood.jte}): the
 * resource in the middle, what links to it in a column on the left, what it links to on the right,
 * each edge labelled with its property; every node is a link to its page. Literals and types are
 * left out (the page lists them). A column holds at most {@value #PER_SIDE} nodes: when there are
 * more, the largest group of links of one property to resources of one class is drawn as one node
 * ("136 treaty status records") that links to the fuller view of them all ({@link FullerViews}: the
 * map, the dossier, the class page filtered to these links), until the column fits. No script,
 * nothing fetched. This class places the nodes; the template draws them.
 *
 * @param dots the neighbours, then the resource itself (drawn last, on top)
 * @param shown how many linked resources the nodes stand for (a group for all its members)
 * @param total how many linked resources there are
 */
record Neighbourhood(int height, List<Edge> edges, List<Dot> dots, int shown, int total) {
    static final int PER_SIDE = 10;
    static final int WIDTH = 900;
    private static final int ROW = 36, PAD = 40, LEFT_X = 230, RIGHT_X = 670;

    /** A curve between the centre and a neighbour ({@code d}), with the property (or properties) it stands for. */
    record Edge(String d, long labelX, long labelY, boolean outgoing, String label, String title) {}

    /** A resource (or a group) drawn as a circle with its (shortened) label; {@code href} null: not a link; {@code side}: left, right or centre. */
    record Dot(long x, long y, int radius, long textX, long textY, String side, String text, String title, String href, boolean group) {}

    /** A neighbour, or a group of neighbours linked by one property, as one entry of a column. */
    private record Entry(Node node, List<String> properties, Node property, Node type, int members) {}

    /** The picture, or null when the resource has no linked resources. */
    static Neighbourhood of(ResourceDescription d, LinkedData.Iris iris, Function<Node, String> label) {
        Map<Node, Entry> right = new LinkedHashMap<>(), left = new LinkedHashMap<>();
        for (Quad q : d.outgoing) {
            if (q.getObject().isURI() && !q.getPredicate().equals(RDF.Nodes.type) && !q.getObject().equals(d.resource))
                add(right, q.getObject(), q.getPredicate(), label, d);
        }
        for (Quad q : d.incoming) {
            if (q.getSubject().isURI() && !q.getSubject().equals(d.resource) && !right.containsKey(q.getSubject()))
                add(left, q.getSubject(), q.getPredicate(), label, d);
        }
        int total = right.size() + left.size();
        if (total == 0)
            return null;
        List<Entry> rightColumn = fit(right, d, true), leftColumn = fit(left, d, false);
        int rows = Math.max(Math.max(rightColumn.size(), leftColumn.size()), 1);
        int height = rows * ROW + 2 * PAD;
        double cx = WIDTH / 2.0, cy = height / 2.0;
        List<Edge> edges = new ArrayList<>();
        List<Dot> dots = new ArrayList<>();
        int shown = 0;
        for (boolean out : new boolean[] {false, true}) {
            List<Entry> column = out ? rightColumn : leftColumn;
            double x = out ? RIGHT_X : LEFT_X;
            for (int i = 0; i < column.size(); i++) {
                Entry e = column.get(i);
                double y = cy + (i - (column.size() - 1) / 2.0) * ROW;
                double mx = (cx + x) / 2;
                String curve = out ? "M%d,%d C%d,%d %d,%d %d,%d".formatted(r(cx), r(cy), r(mx), r(cy), r(mx), r(y), r(x), r(y))
                                   : "M%d,%d C%d,%d %d,%d %d,%d".formatted(r(x), r(y), r(mx), r(y), r(mx), r(cy), r(cx), r(cy));
                String property = String.join(", ", e.properties());
                edges.add(new Edge(curve, r(out ? x - 14 : x + 14), r(y - 5), out, shorten(property, 18), property));
                String text = e.members() > 1 ? e.members() + (d.truncated ? " or more " : " ") + plural(e.type() == null ? "resource" : label.apply(e.type()))
                                              : label.apply(e.node());
                String href = e.members() > 1 ? fullerView(d, e, !out, iris) : iris.localHref(e.node().getURI());
                dots.add(new Dot(r(x), r(y), e.members() > 1 ? 11 : 9, r(out ? x + 14 : x - 14), r(y + 4), out ? "right" : "left", shorten(text, 30), text, href,
                        e.members() > 1));
                shown += e.members();
            }
        }
        String centre = label.apply(d.resource);
        dots.add(new Dot(r(cx), r(cy), 14, r(cx), r(cy + 30), "centre", shorten(centre, 22), centre, null, false));
        return new Neighbourhood(height, edges, dots, shown, total);
    }

    /**
     * The column's entries, at most {@value #PER_SIDE}: while there are more, the largest group of
     * neighbours reached by one property and of one class becomes one entry. If the column still
     * has too many (all different properties or classes), the last entries are left out.
     */
    private static List<Entry> fit(Map<Node, Entry> side, ResourceDescription d, boolean out) {
        List<Entry> entries = new ArrayList<>(side.values());
        while (entries.size() > PER_SIDE) {
            Map<List<Node>, Integer> sizes = new LinkedHashMap<>();
            for (Entry e : entries)
                if (e.members() == 1 && e.type() != null)
                    sizes.merge(List.of(e.property(), e.type()), 1, Integer::sum);
            var largest = sizes.entrySet().stream().filter(s -> s.getValue() > 1).max(Map.Entry.comparingByValue());
            if (largest.isEmpty())
                return entries.subList(0, PER_SIDE);
            List<Node> key = largest.get().getKey();
            int at = -1;
            List<Entry> kept = new ArrayList<>();
            for (Entry e : entries) {
                if (e.members() == 1 && key.equals(java.util.Arrays.asList(e.property(), e.type()))) {
                    if (at < 0)
                        at = kept.size();
                } else {
                    kept.add(e);
                }
            }
            kept.add(at, new Entry(null, List.of(firstLabel(entries, key)), key.get(0), key.get(1), largest.get().getValue()));
            entries = kept;
        }
        return entries;
    }

    private static String firstLabel(List<Entry> entries, List<Node> key) {
        return entries.stream().filter(e -> e.property().equals(key.get(0))).findFirst().map(e -> e.properties().get(0)).orElse("");
    }

    /** Where a group's node links to: a view made for such links, else the class page listing exactly these links. */
    private static String fullerView(ResourceDescription d, Entry group, boolean incoming, LinkedData.Iris iris) {
        String special = FullerViews.href(d.resource, d.outgoing, group.property(), group.type(), incoming);
        if (special != null)
            return special;
        String cls = group.type().getURI();
        if (!cls.startsWith(CTKG.NS))
            return incoming ? "#incoming" : "#statements";
        return "/classes/" + cls.substring(CTKG.NS.length()) + "?" + (incoming ? "to=" : "from=") + encode(d.resource.getURI()) + "&by=" + encode(group.property().getURI());
    }

    private static void add(Map<Node, Entry> side, Node n, Node property, Function<Node, String> label, ResourceDescription d) {
        Entry e = side.get(n);
        String name = label.apply(property);
        if (e == null)
            side.put(n, new Entry(n, new ArrayList<>(List.of(name)), property, d.typeOf(n), 1));
        else if (!e.properties().contains(name))
            e.properties().add(name);
    }

    /** "treaty status record" → "treaty status records", "country" → "countries". */
    static String plural(String noun) {
        if (noun.matches(".*[^aeiou]y"))
            return noun.substring(0, noun.length() - 1) + "ies";
        if (noun.matches(".*(s|x|ch|sh)"))
            return noun + "es";
        return noun + "s";
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static long r(double v) {
        return Math.round(v);
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
