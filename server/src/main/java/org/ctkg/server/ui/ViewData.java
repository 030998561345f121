package org.ctkg.server.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.ctkg.ontology.CTKG;
import org.ctkg.ontology.Ids;
import org.ctkg.server.access.Audience;
import org.ctkg.server.search.SearchIndex;
import org.ctkg.server.views.WorldGeometry;
import org.ctkg.server.web.Responses;
import org.ctkg.server.web.UntilWritten;

/**
 * What the query UI's script needs from the store, at {@code /ui/data/}: {@code world.json}, the
 * world's shapes ({@link WorldGeometry}) with the store's countries and the key of each one's shape
 * (its {@code ctkg:iso3166Numeric}; Kosovo by its IRI's path), so the map view colours a column of
 * ctkg countries or ISO alpha-3 codes; {@code vocabulary.json}, ctkg's classes and properties with
 * their labels, for the editor's autocompletion (both read once per state of the store); and
 * {@code complete?q=words}, resources whose labels match, from the full-text index, best first, at
 * most {@value #MAX_HITS}. The index holds no restricted graph, and the labels are read as the
 * public sees the store, so no reader's restricted data is ever offered.
 */
public final class ViewData extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final int MAX_HITS = 15;
    /** The longest text completed; the rest is ignored. */
    static final int MAX_TEXT = 100;
    private static final String JSON = "application/json;charset=utf-8";
    private static final String PREFIXES = "PREFIX ctkg: <" + CTKG.NS + ">\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
            + "PREFIX owl: <http://www.w3.org/2002/07/owl#>\nPREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n";
    private static final Query COUNTRIES = QueryFactory.create(PREFIXES + """
            SELECT ?c (SAMPLE(?n) AS ?numeric) (SAMPLE(?a) AS ?alpha3) (SAMPLE(?l) AS ?label) {
              ?c a ctkg:Country . OPTIONAL { ?c ctkg:iso3166Numeric ?n } OPTIONAL { ?c ctkg:iso3166Alpha3 ?a }
              OPTIONAL { ?c rdfs:label ?l FILTER(lang(?l) = "en" || lang(?l) = "") }
            } GROUP BY ?c ORDER BY ?c LIMIT 1000""");
    private static final Query VOCABULARY = QueryFactory.create(PREFIXES + """
            SELECT ?term ?kind (SAMPLE(?l) AS ?label) {
              VALUES (?type ?kind) { (owl:Class "class") (rdfs:Class "class") (owl:ObjectProperty "property")
                                     (owl:DatatypeProperty "property") (rdf:Property "property") }
              ?term a ?type . FILTER(isIRI(?term) && STRSTARTS(STR(?term), STR(ctkg:)))
              OPTIONAL { ?term rdfs:label ?l FILTER(lang(?l) = "en" || lang(?l) = "") }
            } GROUP BY ?term ?kind ORDER BY ?term LIMIT 2000""");

    private final transient DatasetGraph dsg;
    private final transient SearchIndex search;
    private final transient UntilWritten<byte[]> world;
    private final transient UntilWritten<byte[]> vocabulary;

    public ViewData(SearchIndex search) {
        this.search = search;
        this.dsg = search.dataset();
        this.world = new UntilWritten<>(dsg);
        this.vocabulary = new UntilWritten<>(dsg);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException, ServletException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        switch (path) {
            case "/world.json" -> Responses.send(resp, 200, JSON, world.get(null, () -> json(worldJson())));
            case "/vocabulary.json" -> Responses.send(resp, 200, JSON, vocabulary.get(null, () -> json(vocabularyJson())));
            case "/complete" -> {
                byte[][] body = new byte[1][];
                Audience.PUBLIC.during(() -> body[0] = json(complete(req.getParameter("q"))));
                Responses.send(resp, 200, JSON, body[0]);
            }
            default -> resp.sendError(404, "No such file in the query UI's data");
        }
    }

    private JsonObjectBuilder worldJson() {
        WorldGeometry geometry = WorldGeometry.world();
        JsonArrayBuilder shapes = Json.createArrayBuilder();
        for (WorldGeometry.Shape s : geometry.shapes()) {
            JsonObjectBuilder shape = Json.createObjectBuilder().add("key", s.key()).add("name", s.name());
            shapes.add(s.dot() ? shape.add("x", s.x()).add("y", s.y()) : shape.add("d", s.d()));
        }
        JsonArrayBuilder countries = Json.createArrayBuilder();
        select(COUNTRIES, row -> {
            Node c = row.get(Var.alloc("c"));
            String numeric = lexical(row.get(Var.alloc("numeric")));
            String key = numeric.isEmpty() ? c.getURI().substring(Ids.BASE.length()) : numeric;
            countries.add(Json.createObjectBuilder().add("iri", c.getURI()).add("key", key)
                    .add("alpha3", lexical(row.get(Var.alloc("alpha3")))).add("name", lexical(row.get(Var.alloc("label")))));
        });
        return Json.createObjectBuilder().add("width", geometry.width()).add("height", geometry.height())
                .add("shapes", shapes).add("countries", countries);
    }

    private JsonObjectBuilder vocabularyJson() {
        JsonArrayBuilder terms = Json.createArrayBuilder();
        select(VOCABULARY, row -> terms.add(Json.createObjectBuilder().add("iri", row.get(Var.alloc("term")).getURI())
                .add("kind", lexical(row.get(Var.alloc("kind")))).add("label", lexical(row.get(Var.alloc("label"))))));
        return Json.createObjectBuilder().add("terms", terms);
    }

    /** The resources whose labels match the words, best first, with a label each (as the public sees them). */
    private JsonObjectBuilder complete(String q) {
        String text = q == null ? "" : q.strip();
        if (text.length() > MAX_TEXT)
            text = text.substring(0, MAX_TEXT);
        JsonArrayBuilder hits = Json.createArrayBuilder();
        if (text.length() >= 2) {
            List<Node> found = search.search(text, MAX_HITS);
            Txn.executeRead(dsg, () -> {
                Graph union = dsg.getUnionGraph();
                for (Node n : found) {
                    String label = label(union, n);
                    if (label != null)
                        hits.add(Json.createObjectBuilder().add("iri", n.getURI()).add("label", label));
                }
            });
        }
        return Json.createObjectBuilder().add("hits", hits);
    }

    private static String label(Graph g, Node n) {
        for (Node p : List.of(RDFS.Nodes.label, SKOS.prefLabel.asNode())) {
            var it = g.find(n, p, Node.ANY);
            while (it.hasNext()) {
                Node o = it.next().getObject();
                if (o.isLiteral())
                    return o.getLiteralLexicalForm();
            }
        }
        return null;
    }

    private void select(Query query, Consumer<Binding> each) {
        Txn.executeRead(dsg, () -> {
            try (QueryExec qe = QueryExec.dataset(dsg).query(query).timeout(10_000).build()) {
                RowSet rows = qe.select();
                while (rows.hasNext())
                    each.accept(rows.next());
            }
        });
    }

    private static String lexical(Node n) {
        return n == null ? "" : n.isLiteral() ? n.getLiteralLexicalForm() : n.isURI() ? n.getURI() : "";
    }

    private static byte[] json(JsonObjectBuilder o) {
        return o.build().toString().getBytes(StandardCharsets.UTF_8);
    }
}
