package org.ctkg.server.ld;

import org.ctkg.server.ui.QueryUiServlet;
import org.ctkg.server.search.SearchIndex;
import org.ctkg.server.web.Responses;
import org.ctkg.server.web.UntilWritten;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.system.Txn;
import org.ctkg.ontology.Ids;

/**
 * The pages to start browsing from: the home page ({@code /}: what ctkg is, counts by class, entry
 * points, a search box, example questions), class pages ({@code /classes/{name}}, instances by
 * label, paginated) and full-text search over labels and descriptions ({@code /search?q=},
 * Lucene through jena-text, ranked). Queries bind user input as values
 * (ParameterizedSparqlString), never by pasting text.
 */
public final class BrowsePages extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final int PAGE = 50;
    /** The most instances a class page sorts by label. */
    static final int MAX_SORTED = 10_000;
    private static final String CTKG = Ids.BASE + "ontology#";
    private static final String PREFIXES = "PREFIX ctkg: <" + CTKG + ">\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
            + "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\nPREFIX dcterms: <http://purl.org/dc/terms/>\n";

    private final transient DatasetGraph dsg;
    private final LinkedData.Iris iris;
    private final transient SearchIndex searchIndex;
    private final transient UntilWritten<List<String[]>> classCounts;

    public BrowsePages(SearchIndex searchIndex, LinkedData.Iris iris) {
        this.searchIndex = searchIndex;
        this.dsg = searchIndex.dataset();
        this.iris = iris;
        this.classCounts = new UntilWritten<>(dsg);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI();
        if (path.equals("/") || path.isEmpty()) {
            Responses.send(resp, 200, "text/html;charset=utf-8", home().getBytes(StandardCharsets.UTF_8));
        } else if (path.equals("/search")) {
            Responses.send(resp, 200, "text/html;charset=utf-8", search(req.getParameter("q")).getBytes(StandardCharsets.UTF_8));
        } else if (path.startsWith("/classes/") && path.substring(9).matches("[A-Za-z][A-Za-z0-9]*")) {
            Responses.send(resp, 200, "text/html;charset=utf-8", classPage(path.substring(9), page(req.getParameter("page"))).getBytes(StandardCharsets.UTF_8));
        } else {
            resp.sendError(404, "No such page");
        }
    }

    private String home() {
        StringBuilder b = head("ctkg — the Counter-Trafficking Knowledge Graph");
        b.append("<h1>ctkg — the Counter-Trafficking Knowledge Graph</h1>\n<p>An open knowledge graph about human trafficking: the actors behind it and against it, "
                + "the crimes it knits together and the harms they cause, the laws and plans that address it, what experts recommend, and the source, quote "
                + "and figure behind every statement. Query it in SPARQL at <code>/ctkg/sparql</code> or in the <a href=\"/ui/\">query page</a>; every IRI opens as a page.</p>\n");
        b.append(searchBox(""));
        b.append("<h2>Start here</h2>\n<ul>\n")
         .append("<li><a href=\"/id/source/cfr-ending-human-trafficking-2021\">The CFR special report <i>Ending Human Trafficking in the Twenty-First Century</i> (2021)</a></li>\n")
         .append("<li><a href=\"/classes/Recommendation\">Its recommendations</a></li>\n")
         .append("<li><a href=\"/classes/Protocol\">Protocols</a>, <a href=\"/classes/Convention\">conventions</a>, <a href=\"/classes/Statute\">statutes</a> and <a href=\"/classes/ActionPlan\">action plans</a></li>\n")
         .append("<li><a href=\"/classes/Statistic\">Figures and their sources</a></li>\n")
         .append("<li><a href=\"/ontology\">The ontology</a></li>\n</ul>\n<h2>What the graph holds</h2>\n<table>\n");
        for (String[] row : classCounts()) {
            String local = row[0].substring(CTKG.length());
            b.append("<tr><td><a href=\"/classes/").append(ResourcePage.esc(local)).append("\">").append(ResourcePage.esc(row[1]))
             .append("</a></td><td>").append(ResourcePage.esc(row[2])).append("</td></tr>\n");
        }
        b.append("</table>\n<h2>Questions to start from</h2>\n<p>The <a href=\"/ui/\">query page</a> has " + QueryUiServlet.EXAMPLES.size() + " example questions, such as which recommendations "
                + "concern forced labour and to whom they are addressed, or which figures the ILO gave for which year.</p>\n");
        return b.append("</main></body></html>\n").toString();
    }

    /**
     * Instances per ctkg class, counted once per state of the store (recounted after any write):
     * counting scans every typed resource, too much for each visit of the home page of a large store.
     */
    private List<String[]> classCounts() {
        return classCounts.get(null, () -> rows("SELECT ?c ?label (COUNT(DISTINCT ?s) AS ?n) { ?s a ?c . ?c rdfs:label ?label . "
                + "FILTER(STRSTARTS(STR(?c), STR(ctkg:))) } GROUP BY ?c ?label ORDER BY DESC(?n) ?label", null, "c", "label", "n"));
    }

    /** How many resources have the class itself as a type (from the cached counts), 0 if none. */
    private long instances(String cls) {
        for (String[] row : classCounts())
            if (row[0].equals(cls))
                return Long.parseLong(row[2]);
        return 0;
    }

    private String classPage(String local, int page) {
        String cls = CTKG + local;
        List<String[]> label = rows("SELECT ?label { ?c rdfs:label ?label } LIMIT 1", new String[] {"c", cls}, "label");
        String title = label.isEmpty() ? local : label.get(0)[0];
        StringBuilder b = head(title + " — ctkg");
        // Sorting by label means reading every instance: fine for the curated classes, not for a
        // million case records, which are listed in the store's order instead.
        boolean sorted = instances(cls) <= MAX_SORTED;
        b.append("<h1>").append(ResourcePage.esc(title)).append("</h1>\n<p>Instances of <a href=\"/ontology\"><code>ctkg:")
         .append(ResourcePage.esc(local)).append("</code></a> and its subclasses, ")
         .append(sorted ? "by label." : "in the store's order: there are too many to sort by label here; <a href=\"/search\">search</a> or "
                 + "<a href=\"/ui/\">query</a> to narrow them.").append("</p>\n<ul>\n");
        List<String[]> items = rows("SELECT DISTINCT ?s ?label { ?s a/rdfs:subClassOf* ?c . OPTIONAL { ?s rdfs:label ?l } BIND(COALESCE(?l, STR(?s)) AS ?label) } "
                + (sorted ? "ORDER BY ?label ?s " : "") + "LIMIT " + (PAGE + 1) + " OFFSET " + (page * PAGE), new String[] {"c", cls}, "s", "label");
        for (int i = 0; i < Math.min(items.size(), PAGE); i++)
            b.append("<li>").append(link(items.get(i)[0], items.get(i)[1])).append("</li>\n");
        b.append("</ul>\n<nav aria-label=\"pages\">");
        if (page > 0)
            b.append("<a rel=\"prev\" href=\"?page=").append(page - 1).append("\">Previous</a> ");
        if (items.size() > PAGE)
            b.append("<a rel=\"next\" href=\"?page=").append(page + 1).append("\">Next</a>");
        return b.append("</nav>\n</main></body></html>\n").toString();
    }

    private String search(String q) {
        String text = q == null ? "" : q.strip();
        StringBuilder b = head("Search: " + text + " — ctkg");
        b.append("<h1>Search</h1>\n").append(searchBox(text));
        if (text.length() >= 2) {
            List<Node> hits = searchIndex.search(text, 100);
            b.append("<p>").append(hits.size()).append(hits.size() == 1 ? " match" : " matches").append(" for <q>").append(ResourcePage.esc(text)).append("</q></p>\n<ol>\n");
            Map<Node, String> labels = Txn.calculateRead(dsg, () -> {
                Map<Node, String> m = new java.util.HashMap<>();
                for (Node h : hits) {
                    var it = dsg.getUnionGraph().find(h, org.apache.jena.vocabulary.RDFS.Nodes.label, Node.ANY);
                    m.put(h, it.hasNext() ? it.next().getObject().getLiteralLexicalForm() : h.getURI());
                }
                return m;
            });
            for (Node h : hits)
                b.append("<li>").append(link(h.getURI(), labels.get(h))).append("</li>\n");
            b.append("</ol>\n");
        }
        return b.append("</main></body></html>\n").toString();
    }

    private String link(String iri, String label) {
        String href = iris.localHref(iri);
        return href == null ? ResourcePage.esc(label) : "<a href=\"" + ResourcePage.esc(href) + "\">" + ResourcePage.esc(label) + "</a>";
    }

    private static String searchBox(String value) {
        return "<form action=\"/search\" method=\"get\" role=\"search\"><label for=\"q\">Search labels and descriptions</label> "
                + "<input id=\"q\" name=\"q\" type=\"search\" value=\"" + ResourcePage.esc(value) + "\"> <button type=\"submit\">Search</button></form>\n";
    }

    private static StringBuilder head(String title) {
        return new StringBuilder(4096).append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(ResourcePage.esc(title)).append("</title>\n<style>body{font-family:system-ui,sans-serif;max-width:64rem;margin:1rem auto;padding:0 1rem;color:#1d1d1f}"
                        + "td{padding:.2rem .8rem}nav a{margin-right:1rem}</style>\n</head>\n<body>\n<header><nav><a href=\"/\">ctkg</a><a href=\"/ui/\">Query</a><a href=\"/ontology\">Ontology</a></nav></header>\n<main>\n");
    }

    /**
     * Runs a SELECT with one bound value: {@code bind} is {name, IRI} or {name, null, literal}.
     * Returns the named columns' values as strings.
     */
    private List<String[]> rows(String select, String[] bind, String... vars) {
        ParameterizedSparqlString pss = new ParameterizedSparqlString(PREFIXES + select);
        if (bind != null) {
            if (bind[1] != null)
                pss.setIri(bind[0], bind[1]);
            else
                pss.setLiteral(bind[0], bind[2]);
        }
        Query query = pss.asQuery();
        return Txn.calculateRead(dsg, () -> {
            List<String[]> out = new ArrayList<>();
            try (QueryExec qe = QueryExec.dataset(dsg).query(query).timeout(10_000).build()) {
                RowSet rs = qe.select();
                while (rs.hasNext()) {
                    Binding row = rs.next();
                    String[] values = new String[vars.length];
                    for (int i = 0; i < vars.length; i++) {
                        var n = row.get(Var.alloc(vars[i]));
                        values[i] = n == null ? "" : n.isLiteral() ? n.getLiteralLexicalForm() : n.isURI() ? n.getURI() : n.toString();
                    }
                    out.add(values);
                }
            }
            return out;
        });
    }

    private static int page(String p) {
        try {
            return p == null ? 0 : Math.max(0, Math.min(10_000, Integer.parseInt(p)));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

}
