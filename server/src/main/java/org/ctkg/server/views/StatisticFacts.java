package org.ctkg.server.views;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementPathBlock;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.ctkg.ontology.CTKG;
import org.ctkg.server.web.UntilWritten;

/**
 * The statistics of the store as the pages of their editions need them: what each is about, its
 * scope, unit and quantity, its value, the year or date it describes, its sources, and whether it is a
 * breakdown of another or corresponds to another. Read with one query built with Jena's syntax API
 * (no text pasted in), bounded to {@value #MAX_ROWS} rows, once per state of the store
 * ({@link UntilWritten}), as the country dossiers' facts are: a statistic's page costs a lookup.
 */
public final class StatisticFacts {
    /** The most rows (statements of statistics) the query reads. */
    static final int MAX_ROWS = 20_000;
    private static final Var S = Var.alloc("s"), P = Var.alloc("p"), O = Var.alloc("o");
    /** The properties read, each of which the grouping or the page uses. */
    private static final List<Property> READ = List.of(CTKG.about, CTKG.scope, CTKG.unit, CTKG.quantity, CTKG.value, CTKG.referenceYear,
            CTKG.referenceDate, CTKG.statedIn, CTKG.partOfStatistic, CTKG.correspondsTo);
    /** {@code SELECT ?s ?p ?o { ?s a ctkg:Statistic ; ?p ?o } VALUES ?p { ctkg:about … } LIMIT 20000} */
    private static final Query STATEMENTS = statements();

    private final DatasetGraph dsg;
    private final UntilWritten<Facts> cached;

    public StatisticFacts(DatasetGraph dsg) {
        this.dsg = dsg;
        this.cached = new UntilWritten<>(dsg);
    }

    /**
     * A statistic: its subjects ({@code ctkg:about}), scope, unit and quantity; its value (null when
     * it has none that is a number); the year or date it describes as written (ctkg:referenceDate
     * before ctkg:referenceYear; null for neither); the documents that state it; the totals it is a
     * breakdown of, and the estimates it corresponds to.
     */
    public record Statistic(Node iri, Set<Node> about, Set<Node> scope, Node unit, Node quantity, BigDecimal value, String valueLexical,
                            String time, List<Node> sources, Set<Node> partOf, Set<Node> correspondsTo) {
        /**
         * Whether the other statistic is another edition of this figure, in ctkg's reading: both say
         * what they are about, have a value and a reference year or date; they are about the same
         * things, for the same scope (or both for none), in the same unit, of the same quantity; both
         * are breakdowns of a total or neither is, and neither is a breakdown of the other or
         * corresponds to it (the same estimate cited again).
         */
        public boolean editionOf(Statistic other) {
            return !iri.equals(other.iri) && placeable() && other.placeable() && about.equals(other.about) && scope.equals(other.scope)
                    && unit.equals(other.unit) && quantity.equals(other.quantity) && partOf.isEmpty() == other.partOf.isEmpty()
                    && !partOf.contains(other.iri) && !other.partOf.contains(iri)
                    && !correspondsTo.contains(other.iri) && !other.correspondsTo.contains(iri);
        }

        /** Whether it has all an edition needs: subjects, unit, quantity, value and a year or date. */
        boolean placeable() {
            return !about.isEmpty() && unit != null && quantity != null && value != null && time != null;
        }
    }

    /** The statistics as read at one state of the store, and the labels of what they name. */
    public record Facts(Map<Node, Statistic> statistics, Map<Node, String> labels) {
        /** The node's label (rdfs:label, English first), else null. */
        public String label(Node n) {
            return labels.get(n);
        }
    }

    /** The statistics of the store as it is now. */
    public Facts now() {
        return cached.get(null, () -> Txn.calculateRead(dsg, this::read));
    }

    /** What one statistic's statements say, gathered row by row. */
    private static final class Gathered {
        final Set<Node> about = new LinkedHashSet<>(), scope = new LinkedHashSet<>(), partOf = new LinkedHashSet<>(), correspondsTo = new LinkedHashSet<>();
        final List<Node> sources = new ArrayList<>();
        Node unit, quantity, value, year, date;
    }

    private Facts read() {
        Map<Node, Gathered> gathered = new LinkedHashMap<>();
        CountryFacts.select(dsg, STATEMENTS, row -> {
            Gathered g = gathered.computeIfAbsent(row.get(S), s -> new Gathered());
            Node p = row.get(P), o = row.get(O);
            if (p.equals(CTKG.about.asNode())) g.about.add(o);
            else if (p.equals(CTKG.scope.asNode())) g.scope.add(o);
            else if (p.equals(CTKG.partOfStatistic.asNode())) g.partOf.add(o);
            else if (p.equals(CTKG.correspondsTo.asNode())) g.correspondsTo.add(o);
            else if (p.equals(CTKG.statedIn.asNode()) && !g.sources.contains(o)) g.sources.add(o);
            else if (p.equals(CTKG.unit.asNode())) g.unit = o;
            else if (p.equals(CTKG.quantity.asNode())) g.quantity = o;
            else if (p.equals(CTKG.value.asNode())) g.value = o;
            else if (p.equals(CTKG.referenceYear.asNode())) g.year = o;
            else if (p.equals(CTKG.referenceDate.asNode())) g.date = o;
        });
        Map<Node, Statistic> statistics = new LinkedHashMap<>();
        Map<Node, String> labels = new HashMap<>();
        Graph union = dsg.getUnionGraph();
        gathered.forEach((iri, g) -> {
            Node time = g.date != null ? g.date : g.year;
            statistics.put(iri, new Statistic(iri, Set.copyOf(g.about), Set.copyOf(g.scope), g.unit, g.quantity, number(g.value),
                    g.value != null && g.value.isLiteral() ? g.value.getLiteralLexicalForm() : null,
                    time != null && time.isLiteral() ? time.getLiteralLexicalForm() : null, List.copyOf(g.sources), Set.copyOf(g.partOf),
                    Set.copyOf(g.correspondsTo)));
            List<Node> named = new ArrayList<>(g.about);
            named.addAll(g.scope);
            named.addAll(g.sources);
            named.add(iri);
            named.add(g.unit);
            named.add(g.quantity);
            for (Node n : named)
                if (n != null && n.isURI() && !labels.containsKey(n)) {
                    String l = CountryFacts.labelOf(union, n);
                    if (l != null)
                        labels.put(n, l);
                }
        });
        return new Facts(statistics, labels);
    }

    /** The literal's number, or null when it is no number. */
    private static BigDecimal number(Node value) {
        if (value == null || !value.isLiteral())
            return null;
        try {
            return new BigDecimal(value.getLiteralLexicalForm());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Query statements() {
        ElementPathBlock triples = new ElementPathBlock();
        triples.addTriple(Triple.create(S, RDF.Nodes.type, CTKG.Statistic.asNode()));
        triples.addTriple(Triple.create(S, P, O));
        ElementGroup pattern = new ElementGroup();
        pattern.addElement(triples);
        Query q = new Query();
        q.setQuerySelectType();
        q.addResultVar(S);
        q.addResultVar(P);
        q.addResultVar(O);
        q.setQueryPattern(pattern);
        List<Binding> properties = READ.stream().map(p -> BindingFactory.binding(P, p.asNode())).toList();
        q.setValuesDataBlock(List.of(P), properties);
        q.setLimit(MAX_ROWS);
        return q;
    }
}
