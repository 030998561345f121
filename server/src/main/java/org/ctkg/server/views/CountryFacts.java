package org.ctkg.server.views;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

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
import org.ctkg.ontology.CTKG;
import org.ctkg.server.web.UntilWritten;

/**
 * What the integrated sources and the curated graph say country by country, which the dossiers and
 * the tier map draw: TIP tier placements, DOL goods findings, treaty status records, and the
 * claims, recommendations and crimes of the curated graph that mention a country, and the published
 * case counts with it as country of exploitation (ctkg's cube of the restricted records). Read with a few
 * bounded queries (at most {@value #MAX_ROWS} rows each) once per state of the store, as the home
 * page's counts are ({@link UntilWritten}), so that a dossier costs a lookup, not a query.
 */
public final class CountryFacts {
    /** The most rows any one of the queries reads. */
    static final int MAX_ROWS = 20_000;
    private static final String PREFIXES = "PREFIX ctkg: <" + CTKG.NS + ">\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n";
    private static final Query COUNTRIES = query("""
            SELECT ?country ?numeric { ?country a ctkg:Country . OPTIONAL { ?country ctkg:iso3166Numeric ?numeric } }""");
    private static final Query PLACEMENTS = query("""
            SELECT ?p ?country ?year ?tier ?report ?source ?row {
              ?p a ctkg:TierPlacement ; ctkg:country ?country ; ctkg:year ?year ; ctkg:tier ?tier .
              OPTIONAL { ?p ctkg:placedIn ?report } OPTIONAL { ?p ctkg:statedIn ?source } OPTIONAL { ?p ctkg:sourceRow ?row } }""");
    private static final Query FINDINGS = query("""
            SELECT ?f ?country ?good ?form ?source ?row {
              ?f a ctkg:GoodsFinding ; ctkg:country ?country ; ctkg:good ?good .
              OPTIONAL { ?f ctkg:exploitationFound ?form } OPTIONAL { ?f ctkg:statedIn ?source } OPTIONAL { ?f ctkg:sourceRow ?row } }""");
    private static final Query STATUSES = query("""
            SELECT ?s ?country ?instrument ?party ?year ?source ?row {
              ?s a ctkg:TreatyStatus ; ctkg:country ?country ; ctkg:instrument ?instrument .
              OPTIONAL { ?s ctkg:isParty ?party } OPTIONAL { ?s ctkg:year ?year }
              OPTIONAL { ?s ctkg:statedIn ?source } OPTIONAL { ?s ctkg:sourceRow ?row } }""");
    /** Claims and recommendations that name a country, or an actor based in, operating in or governing it. */
    private static final Query STATEMENTS = query("""
            SELECT DISTINCT ?item ?type ?country ?via ?g {
              VALUES ?type { ctkg:Claim ctkg:Recommendation }
              ?item a ?type .
              GRAPH ?g { ?item ?p ?x }
              { ?x a ctkg:Country . BIND(?x AS ?country) }
              UNION { ?x ctkg:basedIn|ctkg:operatesIn|ctkg:governs ?country . ?country a ctkg:Country . BIND(?x AS ?via) } }""");
    /** Crimes that a claim about a country is about, or that an actor based or operating in it engages in. */
    private static final Query CRIMES = query("""
            SELECT DISTINCT ?item ?country ?via ?g {
              ?item a ctkg:CrimeType .
              { GRAPH ?g { ?via ctkg:about ?item , ?country } ?via a ctkg:Claim }
              UNION { GRAPH ?g { ?via ctkg:engagesIn ?item } ?via ctkg:basedIn|ctkg:operatesIn ?country }
              ?country a ctkg:Country . }""");

    /** The published case counts with a country of exploitation: its total, by year of registration and by form of exploitation. */
    private static final Query CASE_COUNTS = query("""
            PREFIX qb: <http://purl.org/linked-data/cube#>
            SELECT ?o ?ds ?country ?year ?form ?n ?status { GRAPH <https://w3id.org/ctkg/graph/case-counts> {
              VALUES ?ds { <https://w3id.org/ctkg/id/case-counts/country> <https://w3id.org/ctkg/id/case-counts/country-year>
                           <https://w3id.org/ctkg/id/case-counts/country-form> }
              ?o qb:dataSet ?ds ; ctkg:byCountryOfExploitation ?country .
              OPTIONAL { ?o ctkg:byYearOfRegistration ?year } OPTIONAL { ?o ctkg:byFormOfExploitation ?form }
              OPTIONAL { ?o ctkg:caseCount ?n } OPTIONAL { ?o ctkg:caseCountStatus ?status } } }""");

    private final DatasetGraph dsg;
    private final UntilWritten<Facts> cached;

    public CountryFacts(DatasetGraph dsg) {
        this.dsg = dsg;
        this.cached = new UntilWritten<>(dsg);
    }

    /** A TIP tier placement: a country's tier in a year's report, from a row of a source. */
    public record Placement(Node iri, Node country, int year, Tier tier, Node report, Node source, String row) {}

    /** A DOL finding: a good made in a country with forms of exploitation found. */
    public record Finding(Node iri, Node country, Node good, List<Node> forms, Node source, String row) {}

    /** A treaty status record: whether a country is party to an instrument, as of a year, per a source. */
    public record Status(Node iri, Node country, Node instrument, Boolean party, String year, Node source, String row) {}

    /** What a mention is of. */
    public enum Kind { CLAIM, RECOMMENDATION, CRIME }

    /** A claim, recommendation or crime of the curated graph that mentions a country, directly or {@code via} an actor or claim. */
    public record Mention(Kind kind, Node item, Node country, Node via, Node graph) {}

    /**
     * A published case count (an observation of the cube) with a country of exploitation: of its
     * dataset, by year or by form of exploitation or neither (the country's total); its count, or
     * null with the status that says why (suppressed).
     */
    public record CaseCount(Node observation, Node dataSet, Node country, Integer year, Node form, Long count, String status) {}

    /** The facts as read at one state of the store, indexed by country and year. */
    public record Facts(Map<Node, String> isoNumeric, Map<Node, List<Placement>> placements, Map<Integer, List<Placement>> byYear,
                        Map<Node, List<Finding>> findings, Map<Node, List<Status>> statuses, Map<Node, List<Mention>> mentions,
                        Map<Node, List<CaseCount>> caseCounts, Map<Node, String> labels) {
        /** Whether the node is a country of the store. */
        public boolean isCountry(Node n) {
            return isoNumeric.containsKey(n);
        }

        /** The years that have placements, in order. */
        public List<Integer> years() {
            return List.copyOf(byYear.keySet());
        }

        /** The node's label (rdfs:label, English first), else null. */
        public String label(Node n) {
            return labels.get(n);
        }
    }

    /** The facts of the store as it is now. */
    public Facts now() {
        return cached.get(null, () -> Txn.calculateRead(dsg, this::read));
    }

    private Facts read() {
        Map<Node, String> numeric = new LinkedHashMap<>();
        select(COUNTRIES, row -> numeric.merge(row.get(v("country")), lexical(row, "numeric"), (a, b) -> a.isEmpty() ? b : a));
        List<Placement> placements = new ArrayList<>();
        select(PLACEMENTS, row -> {
            Tier tier = Tier.of(row.get(v("tier")));
            Integer year = year(lexical(row, "year"));
            if (tier != null && year != null)
                placements.add(new Placement(row.get(v("p")), row.get(v("country")), year, tier, row.get(v("report")), row.get(v("source")),
                        lexical(row, "row")));
        });
        placements.sort(Comparator.comparing((Placement p) -> p.year()).thenComparing(p -> p.iri().getURI()));
        Map<Node, Finding> findings = new LinkedHashMap<>();
        select(FINDINGS, row -> {
            Finding f = findings.computeIfAbsent(row.get(v("f")), iri -> new Finding(iri, row.get(v("country")), row.get(v("good")),
                    new ArrayList<>(), row.get(v("source")), lexical(row, "row")));
            Node form = row.get(v("form"));
            if (form != null && !f.forms().contains(form))
                f.forms().add(form);
        });
        List<Status> statuses = new ArrayList<>();
        select(STATUSES, row -> {
            String party = lexical(row, "party");
            statuses.add(new Status(row.get(v("s")), row.get(v("country")), row.get(v("instrument")), party.isEmpty() ? null : Boolean.valueOf(party),
                    lexical(row, "year"), row.get(v("source")), lexical(row, "row")));
        });
        List<Mention> mentions = new ArrayList<>();
        select(STATEMENTS, row -> mentions.add(new Mention(row.get(v("type")).equals(CTKG.Claim.asNode()) ? Kind.CLAIM : Kind.RECOMMENDATION,
                row.get(v("item")), row.get(v("country")), row.get(v("via")), row.get(v("g")))));
        select(CRIMES, row -> mentions.add(new Mention(Kind.CRIME, row.get(v("item")), row.get(v("country")), row.get(v("via")), row.get(v("g")))));
        List<CaseCount> counts = new ArrayList<>();
        select(CASE_COUNTS, row -> {
            String n = lexical(row, "n");
            counts.add(new CaseCount(row.get(v("o")), row.get(v("ds")), row.get(v("country")), year(lexical(row, "year")), row.get(v("form")),
                    n.isEmpty() ? null : Long.valueOf(n), lexical(row, "status")));
        });
        counts.sort(Comparator.comparing((CaseCount c) -> c.year() == null ? 0 : c.year()).thenComparing(c -> c.observation().getURI()));

        Map<Node, String> labels = new HashMap<>();
        Graph union = dsg.getUnionGraph();
        Consumer<Node> label = n -> {
            if (n != null && n.isURI() && !labels.containsKey(n)) {
                String l = labelOf(union, n);
                if (l != null)
                    labels.put(n, l);
            }
        };
        numeric.keySet().forEach(label);
        placements.forEach(p -> { label.accept(p.report()); label.accept(p.source()); });
        findings.values().forEach(f -> { label.accept(f.good()); label.accept(f.source()); f.forms().forEach(label); });
        statuses.forEach(s -> { label.accept(s.instrument()); label.accept(s.source()); });
        mentions.forEach(m -> { label.accept(m.item()); label.accept(m.via()); label.accept(m.graph()); });
        counts.forEach(c -> { label.accept(c.form()); label.accept(c.dataSet()); });
        mentions.sort(Comparator.comparing((Mention m) -> labels.getOrDefault(m.item(), m.item().getURI())));

        Map<Integer, List<Placement>> byYear = new java.util.TreeMap<>();
        placements.forEach(p -> byYear.computeIfAbsent(p.year(), y -> new ArrayList<>()).add(p));
        return new Facts(numeric, byCountry(placements, Placement::country), byYear, byCountry(findings.values(), Finding::country),
                byCountry(statuses, Status::country), byCountry(mentions, Mention::country), byCountry(counts, CaseCount::country), labels);
    }

    private static <T> Map<Node, List<T>> byCountry(java.util.Collection<T> items, java.util.function.Function<T, Node> country) {
        Map<Node, List<T>> m = new HashMap<>();
        items.forEach(item -> m.computeIfAbsent(country.apply(item), c -> new ArrayList<>()).add(item));
        return m;
    }

    /** rdfs:label, English first. */
    static String labelOf(Graph g, Node n) {
        String best = null;
        var it = g.find(n, RDFS.Nodes.label, Node.ANY);
        while (it.hasNext()) {
            Node o = it.next().getObject();
            if (o.isLiteral() && (best == null || "en".equals(o.getLiteralLanguage())))
                best = o.getLiteralLexicalForm();
        }
        return best;
    }

    private void select(Query query, Consumer<Binding> each) {
        select(dsg, query, each);
    }

    /** Runs the SELECT query over the dataset, within 10 seconds, row by row. */
    static void select(DatasetGraph dsg, Query query, Consumer<Binding> each) {
        try (QueryExec qe = QueryExec.dataset(dsg).query(query).timeout(10_000).build()) {
            RowSet rows = qe.select();
            while (rows.hasNext())
                each.accept(rows.next());
        }
    }

    private static Query query(String select) {
        Query q = QueryFactory.create(PREFIXES + select);
        q.setLimit(MAX_ROWS);
        return q;
    }

    private static Var v(String name) {
        return Var.alloc(name);
    }

    private static String lexical(Binding row, String var) {
        Node n = row.get(v(var));
        return n != null && n.isLiteral() ? n.getLiteralLexicalForm() : "";
    }

    private static Integer year(String lexical) {
        if (lexical.isEmpty())
            return null;
        try {
            return Integer.valueOf(lexical.length() >= 4 ? lexical.substring(0, 4) : lexical);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
