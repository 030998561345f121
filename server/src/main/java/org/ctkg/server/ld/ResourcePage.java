package org.ctkg.server.ld;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;

/**
 * The HTML page of a resource: label, types, description, statements grouped by property with
 * their source, incoming links, and links to the raw RDF. Every value is escaped; IRIs under the
 * public base link to this server's pages.
 */
final class ResourcePage {
    private final LinkedData.Iris iris;

    ResourcePage(LinkedData.Iris iris) {
        this.iris = iris;
    }

    String render(ResourceDescription d, String documentPath) {
        String title = d.labelOf(d.resource) != null ? d.labelOf(d.resource) : d.resource.getURI();
        StringBuilder b = new StringBuilder(8192);
        b.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
         .append(esc(title)).append(" — ctkg</title>\n<style>")
         .append("body{font-family:system-ui,sans-serif;max-width:64rem;margin:1rem auto;padding:0 1rem;color:#1d1d1f}")
         .append("dt{font-weight:600;margin-top:.75rem}dd{margin-left:1.5rem}.src{color:#555;font-size:.85em}")
         .append("code{font-size:.85em}nav a{margin-right:1rem}table{border-collapse:collapse}td{padding:.2rem .6rem;vertical-align:top}")
         .append("svg.neighbourhood{width:100%;max-width:900px;height:auto;border:1px solid #eee}")
         .append("</style>\n</head>\n<body>\n<header><nav><a href=\"/\">ctkg</a><a href=\"/ui/\">Query</a></nav>\n<h1>")
         .append(esc(title)).append("</h1>\n<p><code>").append(esc(d.resource.getURI())).append("</code></p>\n");
        List<String> types = d.outgoing.stream().filter(q -> q.getPredicate().equals(RDF.Nodes.type)).map(q -> link(d, q.getObject())).distinct().toList();
        if (!types.isEmpty())
            b.append("<p>A ").append(String.join(", ", types)).append("</p>\n");
        b.append("<p>Data: ");
        for (String[] f : new String[][] {{"ttl", "Turtle"}, {"jsonld", "JSON-LD"}, {"nt", "N-Triples"}, {"rdf", "RDF/XML"}})
            b.append("<a href=\"").append(esc(documentPath + "." + f[0])).append("\">").append(f[1]).append("</a> ");
        b.append("· <a href=\"/ui/#query=").append(esc(java.net.URLEncoder.encode("DESCRIBE <" + d.resource.getURI() + ">", java.nio.charset.StandardCharsets.UTF_8)))
         .append("\">Query this in SPARQL</a></p>\n</header>\n<main>\n");
        String picture = NeighbourhoodSvg.render(d, iris, n -> label(d, n));
        if (!picture.isEmpty())
            b.append("<section aria-labelledby=\"picture\"><h2 id=\"picture\">Neighbourhood</h2>\n").append(picture).append("</section>\n");
        b.append("<section aria-labelledby=\"statements\"><h2 id=\"statements\">Statements</h2>\n<dl>\n");
        for (Map.Entry<Node, List<Quad>> e : d.outgoingByPredicate().entrySet()) {
            if (e.getKey().equals(RDF.Nodes.type))
                continue;
            b.append("<dt>").append(link(d, e.getKey())).append("</dt>\n");
            for (Quad q : e.getValue())
                b.append("<dd>").append(value(d, q.getObject())).append(" <span class=\"src\">— from ").append(link(d, q.getGraph())).append("</span></dd>\n");
        }
        b.append("</dl>\n</section>\n");
        if (!d.graphSubjects.isEmpty()) {
            b.append("<section aria-labelledby=\"says\"><h2 id=\"says\">What this source says</h2>\n<p>Resources this named graph makes statements about:</p>\n<ul>\n");
            for (Node s : d.graphSubjects)
                b.append("<li>").append(link(d, s)).append("</li>\n");
            b.append("</ul>\n</section>\n");
        }
        if (!d.incoming.isEmpty()) {
            b.append("<section aria-labelledby=\"incoming\"><h2 id=\"incoming\">Linked from</h2>\n<table>\n");
            Map<String, String> rows = new TreeMap<>();
            for (Quad q : d.incoming)
                rows.put(label(d, q.getSubject()) + label(d, q.getPredicate()), "<tr><td>" + link(d, q.getSubject()) + "</td><td>" + link(d, q.getPredicate()) + "</td></tr>\n");
            rows.values().forEach(b::append);
            b.append("</table>\n</section>\n");
        }
        if (d.truncated)
            b.append("<p>This page shows the first ").append(ResourceDescription.MAX_OUTGOING).append(" statements and ")
             .append(ResourceDescription.MAX_INCOMING).append(" links; query the endpoint for all of them.</p>\n");
        b.append("</main>\n</body>\n</html>\n");
        return b.toString();
    }

    /** The node's label, else the local part of its IRI (after '#' or the last '/'), else the IRI. */
    private String label(ResourceDescription d, Node n) {
        String l = d.labelOf(n);
        if (l != null)
            return l;
        if (!n.isURI())
            return n.toString();
        String iri = n.getURI();
        int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
        return cut >= 0 && cut < iri.length() - 1 && iri.startsWith("http") ? iri.substring(cut + 1) : iri;
    }

    private String link(ResourceDescription d, Node n) {
        if (!n.isURI())
            return n.isBlank() ? "<i>(a blank node)</i>" : esc(n.toString());
        String href = iris.localHref(n.getURI());
        return href == null ? esc(label(d, n)) : "<a href=\"" + esc(href) + "\">" + esc(label(d, n)) + "</a>";
    }

    private String value(ResourceDescription d, Node o) {
        if (!o.isLiteral())
            return link(d, o);
        String lex = o.getLiteralLexicalForm();
        String dt = o.getLiteralDatatypeURI();
        String shown = lex;
        if (XSDDatatype.XSDinteger.getURI().equals(dt) || XSDDatatype.XSDdecimal.getURI().equals(dt) || XSDDatatype.XSDlong.getURI().equals(dt))
            shown = readableNumber(lex);
        String lang = o.getLiteralLanguage();
        String suffix = !lang.isEmpty() ? " <span class=\"src\">(" + esc(lang) + ")</span>"
                : dt != null && dt.startsWith(XSDDatatype.XSD) && !XSDDatatype.XSDstring.getURI().equals(dt) ? " <span class=\"src\">(" + esc(dt.substring(XSDDatatype.XSD.length() + 1)) + ")</span>" : "";
        return esc(shown) + suffix;
    }

    /** 150000000000 → "150 billion", 25000000 → "25 million", 76 → "76"; other forms as written. */
    static String readableNumber(String lexical) {
        try {
            BigDecimal v = new BigDecimal(lexical);
            BigDecimal abs = v.abs();
            if (abs.compareTo(BigDecimal.valueOf(1_000_000_000L)) >= 0)
                return v.divide(BigDecimal.valueOf(1_000_000_000L)).stripTrailingZeros().toPlainString() + " billion";
            if (abs.compareTo(BigDecimal.valueOf(1_000_000L)) >= 0)
                return v.divide(BigDecimal.valueOf(1_000_000L)).stripTrailingZeros().toPlainString() + " million";
            return String.format("%,d", v.longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            return lexical;
        }
    }

    /** Escapes text for HTML element content and double-quoted attributes. */
    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
