package org.ctkg.server.ld;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.ctkg.ontology.Ids;
import org.ctkg.server.releases.DatasetMarkup;
import org.ctkg.server.search.SearchIndex;
import org.ctkg.server.ui.QueryUiServlet;
import org.ctkg.server.web.UntilWritten;

/**
 * The pages to start browsing from: the home page ({@code /}: what ctkg is, counts by class, entry
 * points, a search box, example questions), class pages ({@code /classes/{name}}, instances by
 * label, paginated) and full-text search over labels and descriptions ({@code /search?q=},
 * Lucene through jena-text, ranked). Queries bind user input as values
 * (substituted into the parsed query), never by pasting text. A class page can list only the
 * instances linked to or from one resource by one property ({@code ?to=IRI&by=IRI}, {@code ?from=…}):
 * what a group of the neighbourhood picture stands for.
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
    private final transient DatasetMarkup markup;

    /** {@code markup}: the home page's schema.org Dataset markup. */
    public BrowsePages(SearchIndex searchIndex, LinkedData.Iris iris, DatasetMarkup markup) {
        this.searchIndex = searchIndex;
        this.markup = markup;
        this.dsg = searchIndex.dataset();
        this.iris = iris;
        this.classCounts = new UntilWritten<>(dsg);
    }

    /** The home page: instances per class, how many example questions the query page has, its dataset markup (JSON-LD). */
    record Home(List<ClassCount> classes, int examples, org.ctkg.server.releases.ScriptData markup) {}

    /** A class of the ontology with its label and how many resources have it as their type. */
    record ClassCount(String local, String label, String count) {}

    /**
     * A page of a class's instances; {@code sorted}: by label, else in the store's order; {@code more}: a next page exists;
     * {@code links}: only the instances that link to a resource by a property, or that it links to (null: all).
     */
    record ClassPage(String title, String local, boolean sorted, List<Link> items, int page, boolean more, Links links) {
        /** The query string that keeps the selection across pages ({@code to=…&by=…&}), empty for none. */
        String selection() {
            return links == null ? "" : links.query();
        }
    }

    /** The instances linked to or from one resource by one property (a neighbourhood picture's group). */
    record Links(Node resource, Node property, boolean incoming, Link resourceLink, Link propertyLink) {
        String query() {
            return (incoming ? "to=" : "from=") + encode(resource.getURI()) + "&by=" + encode(property.getURI()) + "&";
        }

        private static String encode(String iri) {
            return java.net.URLEncoder.encode(iri, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** The search page; {@code hits} null when the text is too short to search. */
    record SearchPage(String text, List<Link> hits) {}

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI();
        if (path.equals("/") || path.isEmpty()) {
            Pages.send(resp, 200, "home.jte", new Home(classCounts().stream()
                    .map(row -> new ClassCount(row[0].substring(CTKG.length()), row[1], row[2])).toList(), QueryUiServlet.EXAMPLES.size(),
                    markup.forPage(req.getScheme() + "://" + req.getServerName() + ":" + req.getServerPort())));
        } else if (path.equals("/search")) {
            Pages.send(resp, 200, "search.jte", search(req.getParameter("q")));
        } else if (path.startsWith("/classes/") && path.substring(9).matches("[A-Za-z][A-Za-z0-9]*")) {
            String to = req.getParameter("to"), from = req.getParameter("from"), by = req.getParameter("by");
            if (to == null && from == null && by == null) {
                Pages.send(resp, 200, "classes.jte", classPage(path.substring(9), page(req.getParameter("page")), null));
                return;
            }
            Node resource = iri(to != null ? to : from), property = iri(by);
            if (resource == null || property == null || (to != null && from != null)) {
                Pages.send(resp, 400, "refusal.jte", new Refusal("Not a selection of links", "Select links with by=PROPERTY and either to=IRI or from=IRI, "
                        + "each an absolute IRI.", Link.of("all instances", path)));
                return;
            }
            Links links = new Links(resource, property, to != null, link(resource.getURI(), label(resource)), link(property.getURI(), label(property)));
            Pages.send(resp, 200, "classes.jte", classPage(path.substring(9), page(req.getParameter("page")), links));
        } else {
            resp.sendError(404, "No such page");
        }
    }

    /**
     * Instances per ctkg class, counted once per state of the store (recounted after any write):
     * counting scans every typed resource, too much for each visit of the home page of a large store.
     * {@code COUNT(?s)}, not {@code COUNT(DISTINCT ?s)}: the default graph is a set of triples, so
     * for one class and label each resource comes once, and a set of a million subjects is not
     * needed to know it. A count that runs out of its time gives no counts for that state (kept, so
     * that each visit does not pay for it again), never an error page.
     */
    private List<String[]> classCounts() {
        return classCounts.get(null, () -> {
            try {
                return rows("SELECT ?c ?label (COUNT(?s) AS ?n) { ?s a ?c . ?c rdfs:label ?label . "
                        + "FILTER(STRSTARTS(STR(?c), STR(ctkg:))) } GROUP BY ?c ?label ORDER BY DESC(?n) ?label", Map.of(), "c", "label", "n");
            } catch (QueryCancelledException e) {
                return List.of();
            }
        });
    }

    /**
     * How many resources have the class itself as a type (from the cached counts), 0 if none; as
     * many as can be when the store was too large to count (then its class pages are not sorted).
     */
    private long instances(String cls) {
        List<String[]> counts = classCounts();
        if (counts.isEmpty())
            return Long.MAX_VALUE;
        for (String[] row : counts)
            if (row[0].equals(cls))
                return Long.parseLong(row[2]);
        return 0;
    }

    private ClassPage classPage(String local, int page, Links selection) {
        Node cls = NodeFactory.createURI(CTKG + local);
        String label = label(cls);
        // Sorting by label means reading every instance: fine for the curated classes, not for a
        // million case records, which are listed in the store's order instead.
        boolean sorted = instances(cls.getURI()) <= MAX_SORTED;
        Map<String, Node> bind = new HashMap<>(Map.of("c", cls));
        String linked = "";
        if (selection != null) {
            bind.put("by", selection.property());
            bind.put("r", selection.resource());
            linked = selection.incoming() ? "?s ?by ?r . " : "?r ?by ?s . ";
        }
        List<String[]> items = rows("SELECT DISTINCT ?s ?label { " + linked + "?s a/rdfs:subClassOf* ?c . OPTIONAL { ?s rdfs:label ?l } BIND(COALESCE(?l, STR(?s)) AS ?label) } "
                + (sorted ? "ORDER BY ?label ?s " : "") + "LIMIT " + (PAGE + 1) + " OFFSET " + (page * PAGE), bind, "s", "label");
        List<Link> links = items.stream().limit(PAGE).map(item -> link(item[0], item[1])).toList();
        return new ClassPage(label == null ? local : label, local, sorted, links, page, items.size() > PAGE, selection);
    }

    /** The node's rdfs:label, or null. */
    private String label(Node n) {
        List<String[]> label = rows("SELECT ?label { ?x rdfs:label ?label } LIMIT 1", Map.of("x", n), "label");
        return label.isEmpty() ? null : label.get(0)[0];
    }

    /** The IRI as a node, or null when it is not an absolute IRI. */
    private static Node iri(String iri) {
        try {
            return iri != null && org.apache.jena.irix.IRIx.create(iri).isReference() ? NodeFactory.createURI(iri) : null;
        } catch (org.apache.jena.irix.IRIException e) {
            return null;
        }
    }

    private SearchPage search(String q) {
        String text = q == null ? "" : q.strip();
        if (text.length() < 2)
            return new SearchPage(text, null);
        List<Node> hits = searchIndex.search(text, 100);
        return new SearchPage(text, Txn.calculateRead(dsg, () -> hits.stream().map(h -> {
            var it = dsg.getUnionGraph().find(h, org.apache.jena.vocabulary.RDFS.Nodes.label, Node.ANY);
            return link(h.getURI(), it.hasNext() ? it.next().getObject().getLiteralLexicalForm() : h.getURI());
        }).toList()));
    }

    private Link link(String iri, String label) {
        return Link.of(label, iris.localHref(iri));
    }

    /**
     * Runs a SELECT with its variables bound to the nodes of {@code bind} (substituted into the
     * parsed query, never pasted into its text). Returns the named columns' values as strings.
     */
    private List<String[]> rows(String select, Map<String, Node> bind, String... vars) {
        Query query = QueryFactory.create(PREFIXES + select);
        return Txn.calculateRead(dsg, () -> {
            List<String[]> out = new ArrayList<>();
            var builder = QueryExec.dataset(dsg).query(query);
            bind.forEach(builder::substitution);
            try (QueryExec qe = builder.timeout(10_000).build()) {
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
