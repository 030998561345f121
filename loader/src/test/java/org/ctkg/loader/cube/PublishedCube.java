package org.ctkg.loader.cube;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;

/**
 * The cube as a client reads it from its graph, with the test's own list of dimensions (not the
 * product's): per table (its dimensions' local names), each observation's values and its count,
 * or null when the observation says it is suppressed. Also the direct counts over the raw records.
 */
final class PublishedCube {
    static final String CTKG = "https://w3id.org/ctkg/ontology#";
    static final String QB = "http://purl.org/linked-data/cube#";
    static final List<String> DIMENSIONS = List.of("countryOfExploitation", "yearOfRegistration", "formOfExploitation", "gender", "ageBand", "citizenship");
    static final String CUBE = "https://w3id.org/ctkg/graph/case-counts";

    /** A suppressed cell as the status says it; what the test expects the status to be. */
    record Cell(Integer count, String status) {}

    private PublishedCube() {}

    /** Every combination of up to three dimensions, and the empty one (the total). */
    static List<List<String>> tables() {
        List<List<String>> tables = new ArrayList<>();
        for (int mask = 0; mask < 64; mask++) {
            if (Integer.bitCount(mask) > 3)
                continue;
            List<String> dims = new ArrayList<>();
            for (int i = 0; i < 6; i++)
                if ((mask & 1 << i) != 0)
                    dims.add(DIMENSIONS.get(i));
            tables.add(dims);
        }
        return tables;
    }

    static String by(String dimension) {
        return CTKG + "by" + Character.toUpperCase(dimension.charAt(0)) + dimension.substring(1);
    }

    /** The published observations of each table, read from the cube's graph: values (in the table's order) → cell. */
    static Map<List<String>, Map<List<Node>, Cell>> read(DatasetGraph dsg) {
        Map<List<String>, Map<List<Node>, Cell>> cube = new LinkedHashMap<>();
        for (List<String> t : tables())
            cube.put(t, new HashMap<>());
        Node graph = NodeFactory.createURI(CUBE);
        Map<Node, List<Quad>> bySubject = new HashMap<>();
        Txn.executeRead(dsg, () -> dsg.find(graph, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> bySubject.computeIfAbsent(q.getSubject(), s -> new ArrayList<>()).add(q)));
        Node inDataSet = NodeFactory.createURI(QB + "dataSet"), count = NodeFactory.createURI(CTKG + "caseCount"), status = NodeFactory.createURI(CTKG + "caseCountStatus");
        for (var e : bySubject.entrySet()) {
            List<Quad> quads = e.getValue();
            if (quads.stream().noneMatch(q -> q.getPredicate().equals(inDataSet)))
                continue;
            List<String> dims = new ArrayList<>();
            List<Node> values = new ArrayList<>();
            for (String d : DIMENSIONS) {
                List<Node> v = objects(quads, NodeFactory.createURI(by(d)));
                if (v.size() > 1)
                    throw new AssertionError(e.getKey() + " has two values of " + d);
                if (!v.isEmpty()) {
                    dims.add(d);
                    values.add(v.get(0));
                }
            }
            List<Node> n = objects(quads, count), st = objects(quads, status);
            if (n.size() + st.size() != 1)
                throw new AssertionError(e.getKey() + " has " + n + " and " + st + ": one count or one status");
            Cell cell = new Cell(n.isEmpty() ? null : Integer.valueOf(n.get(0).getLiteralLexicalForm()), st.isEmpty() ? null : st.get(0).getLiteralLexicalForm());
            if (cube.get(dims).put(values, cell) != null)
                throw new AssertionError("two observations of " + dims + " for " + values);
        }
        return cube;
    }

    /** The count of the records by the table's dimensions, by a SPARQL GROUP BY over the raw records (every record in the store). */
    static Map<List<Node>, Integer> direct(DatasetGraph dsg, List<String> dims) {
        StringBuilder q = new StringBuilder("SELECT");
        for (int i = 0; i < dims.size(); i++)
            q.append(" ?v").append(i);
        q.append(" (COUNT(DISTINCT ?r) AS ?n) { ?r a <" + CTKG + "CaseRecord> .");
        for (int i = 0; i < dims.size(); i++)
            q.append(" ?r <" + CTKG + dims.get(i) + "> ?v" + i + " .");
        q.append(" }");
        if (!dims.isEmpty()) {
            q.append(" GROUP BY");
            for (int i = 0; i < dims.size(); i++)
                q.append(" ?v").append(i);
        }
        Map<List<Node>, Integer> counts = new HashMap<>();
        select(dsg, q.toString(), row -> {
            List<Node> values = new ArrayList<>();
            for (int i = 0; i < dims.size(); i++)
                values.add(row.get("v" + i));
            int n = Integer.parseInt(row.get("n").getLiteralLexicalForm());
            if (n > 0)
                counts.put(values, n);
        });
        return counts;
    }

    private static List<Node> objects(List<Quad> quads, Node p) {
        return quads.stream().filter(q -> q.getPredicate().equals(p)).map(Quad::getObject).toList();
    }

    interface Row {
        Node get(String var);
    }

    static void select(DatasetGraph dsg, String query, java.util.function.Consumer<Row> each) {
        Query q = QueryFactory.create(query);
        Txn.executeRead(dsg, () -> {
            try (QueryExec qe = QueryExec.dataset(dsg).query(q).build()) {
                RowSet rows = qe.select();
                while (rows.hasNext()) {
                    var b = rows.next();
                    each.accept(v -> b.get(org.apache.jena.sparql.core.Var.alloc(v)));
                }
            }
        });
    }
}
