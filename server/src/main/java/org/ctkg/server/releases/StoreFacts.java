package org.ctkg.server.releases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.system.Txn;
import org.ctkg.loader.prov.Provenance;
import org.ctkg.ontology.Ids;
import org.ctkg.server.http.DatasetDescription;
import org.ctkg.server.web.UntilWritten;

/**
 * What the store says about itself that citations and the home page's dataset markup need: who
 * made ctkg (the ontology's {@code dcterms:creator}), when a load job last ended, the source
 * graphs with what they are based on ({@code dcterms:source}), and who funds it, if anyone says. Read through the served dataset,
 * so that whatever it hides from a reader is hidden here too, and once per state of the store.
 * Every query binds its values as nodes of the parsed query, never as text.
 */
final class StoreFacts {
    static final String PREFIXES = """
            PREFIX ctkg: <https://w3id.org/ctkg/ontology#>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX schema: <https://schema.org/>
            """;
    private static final Query CREATOR = QueryFactory.create(PREFIXES
            + "SELECT ?c ?name { ?o dcterms:creator ?c . OPTIONAL { ?c rdfs:label ?name } } ORDER BY ?c LIMIT 1");
    private static final Query LAST_JOB = QueryFactory.create(PREFIXES
            + "SELECT (MAX(?t) AS ?last) { GRAPH ?prov { ?job prov:endedAtTime ?t } }");
    private static final Query SOURCES = QueryFactory.create(PREFIXES + """
            SELECT ?g ?graphLabel ?s ?label ?title ?url ?description {
              ?g dcterms:source ?s . FILTER(isIRI(?g) && isIRI(?s)) FILTER EXISTS { GRAPH ?g { ?a ?b ?c } }
              OPTIONAL { ?g rdfs:label ?graphLabel } OPTIONAL { ?s rdfs:label ?label } OPTIONAL { ?s dcterms:title ?title }
              OPTIONAL { ?s schema:url ?url } OPTIONAL { ?s dcterms:description ?description }
            } ORDER BY ?g ?s LIMIT 1000""");
    private static final Query STATED = QueryFactory.create(PREFIXES + """
            PREFIX owl: <http://www.w3.org/2002/07/owl#>
            SELECT ?p ?o (SAMPLE(?label) AS ?name) {
              VALUES ?p { schema:funder schema:sameAs owl:sameAs } ?d ?p ?o
              OPTIONAL { ?o rdfs:label|schema:name ?label }
            } GROUP BY ?p ?o ORDER BY ?p ?o LIMIT 100""");

    /** Who made or funds ctkg: an IRI (or null) and a name. */
    record Agent(String iri, String name) {}

    /**
     * What the store says of the dataset itself, beyond its sources: who funds it ({@code schema:funder})
     * and the other pages about it ({@code schema:sameAs}, {@code owl:sameAs}). ctkg's own content states
     * neither; an operator who knows them loads them as statements about {@code ctkg:dataset}.
     */
    record Stated(List<Agent> funders, List<String> sameAs) {}

    /** A source graph and the document it is based on; {@code url} and {@code description} may be null. */
    record Source(String graph, String graphLabel, String iri, String name, String url, String description) {}

    /** The facts of one state of the store. */
    record Facts(Agent creator, Optional<Instant> lastJob, List<Source> sources, Stated stated) {}

    private final DatasetGraph dsg;
    private final UntilWritten<Facts> facts;

    StoreFacts(DatasetGraph served) {
        this.dsg = served;
        this.facts = new UntilWritten<>(served);
    }

    /** The facts of the store as it is now. */
    Facts now() {
        return facts.get(null, () -> Txn.calculateRead(dsg, this::read));
    }

    private Facts read() {
        Agent[] creator = {new Agent(null, "The ctkg project")};
        select(CREATOR, Map.of("o", org.apache.jena.graph.NodeFactory.createURI(Ids.ONTOLOGY)), row -> {
            Node c = row.get(Var.alloc("c")), name = row.get(Var.alloc("name"));
            creator[0] = new Agent(c.isURI() ? c.getURI() : null, name != null ? name.getLiteralLexicalForm() : creator[0].name());
        });
        Instant[] last = {null};
        select(LAST_JOB, Map.of("prov", Provenance.GRAPH), row -> {
            Node t = row.get(Var.alloc("last"));
            if (t != null && t.isLiteral())
                last[0] = Instant.parse(t.getLiteralLexicalForm());
        });
        Map<String, Source> sources = new LinkedHashMap<>();
        select(SOURCES, Map.of(), row -> {
            String graph = row.get(Var.alloc("g")).getURI(), iri = row.get(Var.alloc("s")).getURI();
            sources.putIfAbsent(graph + " " + iri, new Source(graph, text(row, "graphLabel", graph), iri,
                    text(row, "title", text(row, "label", iri)), text(row, "url", null), text(row, "description", null)));
        });
        List<Agent> funders = new ArrayList<>();
        List<String> sameAs = new ArrayList<>();
        select(STATED, Map.of("d", DatasetDescription.DATASET), row -> {
            Node o = row.get(Var.alloc("o"));
            if (row.get(Var.alloc("p")).getURI().endsWith("funder"))
                funders.add(new Agent(o.isURI() ? o.getURI() : null, o.isLiteral() ? o.getLiteralLexicalForm() : text(row, "name", o.isURI() ? o.getURI() : null)));
            else if (o.isURI() && !sameAs.contains(o.getURI()))
                sameAs.add(o.getURI());
        });
        return new Facts(creator[0], Optional.ofNullable(last[0]), List.copyOf(sources.values()), new Stated(List.copyOf(funders), List.copyOf(sameAs)));
    }

    private static String text(Binding row, String var, String otherwise) {
        Node n = row.get(Var.alloc(var));
        return n == null ? otherwise : n.isLiteral() ? n.getLiteralLexicalForm() : n.isURI() ? n.getURI() : otherwise;
    }

    private void select(Query query, Map<String, Node> bind, Consumer<Binding> row) {
        select(dsg, query, bind, row);
    }

    /** Runs the query with these variables bound to nodes (substituted into the parsed query); call inside a read transaction. */
    static void select(DatasetGraph dsg, Query query, Map<String, Node> bind, Consumer<Binding> row) {
        QueryExecBuilder builder = QueryExec.dataset(dsg).query(query);
        bind.forEach(builder::substitution);
        try (QueryExec qe = builder.timeout(10_000).build()) {
            qe.select().forEachRemaining(row);
        }
    }

    /** The rows as a list, for callers that group them. */
    static List<Binding> rows(DatasetGraph dsg, Query query, Map<String, Node> bind) {
        List<Binding> rows = new ArrayList<>();
        select(dsg, query, bind, rows::add);
        return rows;
    }
}
