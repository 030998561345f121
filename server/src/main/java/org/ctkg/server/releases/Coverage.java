package org.ctkg.server.releases;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.system.Txn;
import org.ctkg.server.web.UntilWritten;

/**
 * What ctkg's data covers, as the store says it, for the dataset markup's {@code temporalCoverage},
 * {@code spatialCoverage} and {@code variableMeasured}: the years its records are for, the
 * countries its statements are about, and the properties that carry what its records measure.
 * Computed, never written by hand, so that a store of other data describes itself truly; read
 * through the served dataset (what a reader may not see does not count) and once per state.
 */
final class Coverage {
    /** The years records are for: a placement's, finding's or status record's report year, a figure's reference year, a case's registration. */
    private static final Query YEARS = QueryFactory.create(StoreFacts.PREFIXES + """
            PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
            SELECT (MIN(?y) AS ?from) (MAX(?y) AS ?to) {
              VALUES ?p { ctkg:year ctkg:referenceYear ctkg:yearOfRegistration }
              ?r ?p ?v FILTER(datatype(?v) = xsd:gYear && REGEX(STR(?v), "^[0-9]{4}$")) BIND(xsd:integer(STR(?v)) AS ?y)
            }""");
    /** Countries something other than their own description refers to. */
    private static final Query COUNTRIES = QueryFactory.create(StoreFacts.PREFIXES + """
            SELECT ?c ?name ?code {
              ?c a ctkg:Country FILTER(isIRI(?c)) FILTER EXISTS { ?x ?p ?c FILTER(?x != ?c) }
              OPTIONAL { ?c rdfs:label ?name FILTER(lang(?name) = "en") } OPTIONAL { ?c ctkg:iso3166Alpha3 ?code }
            } ORDER BY ?name ?c LIMIT 2000""");
    /**
     * The measures: a placement's tier, a finding's forms of exploitation, a status record's
     * party or not, a statistic's value, and any RDF Data Cube measure a store declares; each
     * only when some statement uses it.
     */
    private static final Query MEASURES = QueryFactory.create(StoreFacts.PREFIXES + """
            PREFIX qb: <http://purl.org/linked-data/cube#>
            SELECT ?p ?label ?comment {
              { VALUES ?p { ctkg:tier ctkg:exploitationFound ctkg:isParty ctkg:value } } UNION { ?p a qb:MeasureProperty }
              FILTER EXISTS { ?r ?p ?o }
              OPTIONAL { ?p rdfs:label ?label FILTER(lang(?label) = "en" || lang(?label) = "") }
              OPTIONAL { ?p rdfs:comment ?comment FILTER(lang(?comment) = "en" || lang(?comment) = "") }
            } ORDER BY ?p LIMIT 100""");

    /** From one year to another, written as an ISO 8601 interval of years. */
    record Years(int from, int to) {
        String interval() {
            return from == to ? Integer.toString(from) : from + "/" + to;
        }
    }

    /** A country: its IRI, English name and ISO 3166-1 alpha-3 code; name and code may be null. */
    record Country(String iri, String name, String code) {}

    /** A property that carries a measure; its label and comment may be null. */
    record Measure(String iri, String name, String description) {}

    /** What one state of the store covers. */
    record Facts(Optional<Years> years, List<Country> countries, List<Measure> measures) {}

    private final DatasetGraph dsg;
    private final UntilWritten<Facts> facts;

    Coverage(DatasetGraph served) {
        this.dsg = served;
        this.facts = new UntilWritten<>(served);
    }

    Facts now() {
        return facts.get(null, () -> Txn.calculateRead(dsg, this::read));
    }

    private Facts read() {
        Years[] years = {null};
        StoreFacts.select(dsg, YEARS, Map.of(), row -> {
            Node from = row.get(Var.alloc("from")), to = row.get(Var.alloc("to"));
            if (from != null && to != null)
                years[0] = new Years(Integer.parseInt(from.getLiteralLexicalForm()), Integer.parseInt(to.getLiteralLexicalForm()));
        });
        Map<String, Country> countries = new LinkedHashMap<>();
        StoreFacts.select(dsg, COUNTRIES, Map.of(), row -> countries.putIfAbsent(row.get(Var.alloc("c")).getURI(),
                new Country(row.get(Var.alloc("c")).getURI(), text(row, "name"), text(row, "code"))));
        Map<String, Measure> measures = new LinkedHashMap<>();
        StoreFacts.select(dsg, MEASURES, Map.of(), row -> measures.putIfAbsent(row.get(Var.alloc("p")).getURI(),
                new Measure(row.get(Var.alloc("p")).getURI(), text(row, "label"), text(row, "comment"))));
        return new Facts(Optional.ofNullable(years[0]), List.copyOf(countries.values()), List.copyOf(measures.values()));
    }

    private static String text(Binding row, String var) {
        Node n = row.get(Var.alloc(var));
        return n != null && n.isLiteral() ? n.getLiteralLexicalForm() : null;
    }
}
