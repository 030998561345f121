package org.ctkg.loader.cube;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

import static org.ctkg.loader.cube.CubeTerms.*;

/**
 * Writes the cube into its public graph as a diff against what the graph holds: an observation's
 * IRI follows from its table and values, so a cell that is unchanged is not touched, a cell whose
 * count or suppression changed has only its measure rewritten, a new cell is added whole and a cell
 * that is now zero is removed. Each dataset (one per table) and the graph carry the method's
 * provenance: the threshold, the reporting length, the period, the job, the time.
 */
record CaseCountGraph(DatasetGraph dsg, Node graph, Consumer<Quad> additions) {

    /** What the published figures were made by. */
    record Method(int minCell, Node job, Instant at, int firstYear, int lastYear) {}

    /**
     * Makes the graph hold exactly the cube of these cells: deletes what is no longer so, in the
     * job's write transaction, and hands what is to be added to {@code additions}, which writes it
     * before the job commits (into the transaction, or through a new generation's index threads).
     */
    static void write(DatasetGraph dsg, Node graph, RecordValues records, Cells cells, List<Table> tables, Method method, Consumer<Quad> additions) {
        new CaseCountGraph(dsg, graph, additions).write(records, cells, tables, method);
    }

    private void write(RecordValues records, Cells cells, List<Table> tables, Method method) {
        Map<Node, Node[]> existing = existingMeasures();
        ValueSlugs slugs = new ValueSlugs(records);
        Node status = NodeFactory.createLiteralString(suppressed(method.minCell()));
        List<Node[]> adds = new ArrayList<>();
        for (int c = 0; c < cells.size(); c++) {
            long key = cells.keys[c];
            Table table = new Table(Cells.mask(key));
            Dimension[] dims = table.dimensions();
            StringBuilder iri = new StringBuilder(BASE).append(table.slug());
            if (dims.length == 0)
                iri.append("/all");
            for (int i = 0; i < dims.length; i++)
                iri.append('/').append(slugs.of(dims[i], Cells.value(key, i)));
            Node obs = NodeFactory.createURI(iri.toString());
            Node[] measure = cells.suppressed[c] ? new Node[] {CASE_COUNT_STATUS, status} : new Node[] {CASE_COUNT, integer(cells.counts[c])};
            Node[] had = existing.remove(obs);
            if (had != null && had[0].equals(measure[0]) && had[1].equals(measure[1]))
                continue;
            if (had != null) {
                dsg.delete(graph, obs, had[0], had[1]);
            } else {
                adds.add(new Node[] {obs, RDF.Nodes.type, OBSERVATION});
                adds.add(new Node[] {obs, IN_DATA_SET, dataSet(table)});
                for (int i = 0; i < dims.length; i++)
                    adds.add(new Node[] {obs, dims[i].cubeProperty, records.values.get(dims[i].ordinal()).get(Cells.value(key, i))});
            }
            adds.add(new Node[] {obs, measure[0], measure[1]});
        }
        for (Node gone : existing.keySet())
            dsg.deleteAny(graph, gone, Node.ANY, Node.ANY);
        for (Table table : tables)
            describe(table, method, adds);
        describeGraph(method, adds);
        for (Node[] t : adds)
            additions.accept(Quad.create(graph, t[0], t[1], t[2]));
    }

    /** Each observation now in the graph, with its measure or status: the part of it that can change. */
    private Map<Node, Node[]> existingMeasures() {
        Map<Node, Node[]> m = new HashMap<>();
        for (Node p : new Node[] {CASE_COUNT, CASE_COUNT_STATUS})
            dsg.find(graph, Node.ANY, p, Node.ANY).forEachRemaining(q -> m.put(q.getSubject(), new Node[] {p, q.getObject()}));
        dsg.find(graph, Node.ANY, IN_DATA_SET, Node.ANY).forEachRemaining(q -> m.putIfAbsent(q.getSubject(), new Node[] {RDF.Nodes.type, RDF.Nodes.type}));
        return m;
    }

    static Node dataSet(Table table) {
        return NodeFactory.createURI(BASE + table.slug());
    }

    private static Node structure(Table table) {
        return NodeFactory.createURI(BASE + "structure/" + table.slug());
    }

    private static Node component(String slug) {
        return NodeFactory.createURI(BASE + "component/" + slug);
    }

    /** A dataset's fixed description and structure (once), and its provenance (each time). */
    private void describe(Table table, Method method, List<Node[]> adds) {
        Node ds = dataSet(table);
        if (!dsg.contains(graph, ds, RDF.Nodes.type, DATA_SET)) {
            Node dsd = structure(table);
            adds.add(new Node[] {ds, RDF.Nodes.type, DATA_SET});
            adds.add(new Node[] {ds, RDFS.Nodes.label, text(table.title())});
            adds.add(new Node[] {ds, STRUCTURE, dsd});
            adds.add(new Node[] {dsd, RDF.Nodes.type, STRUCTURE_CLASS});
            adds.add(new Node[] {dsd, RDFS.Nodes.label, text("Structure of: " + table.title())});
            adds.add(new Node[] {dsd, RDFS.Nodes.comment, text(STRUCTURE_NOTE)});
            for (Dimension d : table.dimensions()) {
                adds.add(new Node[] {dsd, COMPONENT, component(d.slug)});
                adds.add(new Node[] {component(d.slug), RDF.Nodes.type, COMPONENT_CLASS});
                adds.add(new Node[] {component(d.slug), DIMENSION, d.cubeProperty});
            }
            adds.add(new Node[] {dsd, COMPONENT, component("count")});
            adds.add(new Node[] {component("count"), RDF.Nodes.type, COMPONENT_CLASS});
            adds.add(new Node[] {component("count"), MEASURE, CASE_COUNT});
            adds.add(new Node[] {dsd, COMPONENT, component("status")});
            adds.add(new Node[] {component("status"), RDF.Nodes.type, COMPONENT_CLASS});
            adds.add(new Node[] {component("status"), ATTRIBUTE, CASE_COUNT_STATUS});
            adds.add(new Node[] {component("status"), REQUIRED, NodeFactory.createLiteralDT("false", XSDDatatype.XSDboolean)});
        }
        provenance(ds, method, adds);
    }

    private void describeGraph(Method method, List<Node[]> adds) {
        if (!dsg.contains(graph, graph, RDFS.Nodes.label, Node.ANY)) {
            adds.add(new Node[] {graph, RDFS.Nodes.label, text("Published case counts")});
            adds.add(new Node[] {graph, RDFS.Nodes.comment, text(GRAPH_NOTE)});
        }
        provenance(graph, method, adds);
    }

    private void provenance(Node subject, Method method, List<Node[]> adds) {
        for (Node p : new Node[] {GENERATED_BY, GENERATED_AT, MIN_CELL, REPORTING_LENGTH, FIRST_YEAR, LAST_YEAR})
            dsg.deleteAny(graph, subject, p, Node.ANY);
        adds.add(new Node[] {subject, GENERATED_BY, method.job()});
        adds.add(new Node[] {subject, GENERATED_AT, NodeFactory.createLiteralDT(method.at().toString(), XSDDatatype.XSDdateTime)});
        adds.add(new Node[] {subject, MIN_CELL, integer(method.minCell())});
        adds.add(new Node[] {subject, REPORTING_LENGTH, integer(Table.MOST_DIMENSIONS)});
        if (method.lastYear() > 0) {
            adds.add(new Node[] {subject, FIRST_YEAR, year(method.firstYear())});
            adds.add(new Node[] {subject, LAST_YEAR, year(method.lastYear())});
        }
    }

    private static Node text(String s) {
        return NodeFactory.createLiteralLang(s, "en");
    }

    static final String STRUCTURE_NOTE = "Counts of the case records (ctkg:CaseRecord) of the store's restricted graphs. A record counts once in"
            + " each cell whose values it has: a record with several forms of exploitation counts under each of its forms, so a table over"
            + " forms can sum to more than the records; a record without a value for a dimension is not counted in the tables over that"
            + " dimension. A cell with fewer records than the threshold (ctkg:minCell), and any further cell that would let it be worked out"
            + " from the published cells of its lines and margins (secondary suppression), has no ctkg:caseCount but a"
            + " ctkg:caseCountStatus 'suppressed (fewer than K)'; that never means zero. A cell that is absent is zero: no record has that"
            + " combination of values.";

    static final String GRAPH_NOTE = "The published aggregates of the restricted case records, as RDF Data Cube datasets: one per combination"
            + " of up to three of country of exploitation, year of registration, form of exploitation, gender, age band and citizenship, and the"
            + " total. Recomputed by every load job, SPARQL Update or Graph Store write that changes a restricted graph. k-anonymous (small cells suppressed), not differentially private.";
}
