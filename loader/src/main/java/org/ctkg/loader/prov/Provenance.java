package org.ctkg.loader.prov;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.ctkg.loader.LoadJob;
import org.ctkg.loader.LoadReport;
import org.ctkg.loader.Source;
import org.ctkg.ontology.CTKG;
import org.ctkg.ontology.Ids;

/**
 * Records committed load jobs in the provenance graph with PROV-O: the job (a
 * {@code ctkg:LoadJob}, a {@code prov:Activity}), its start and end, the files it used with size
 * and SHA-256, the triples added and removed per graph, the shapes and the outcome; and the other
 * writes that recompute the published case counts ({@link #recordWrite}).
 */
public final class Provenance {
    /** The named graph holding the record of every load. */
    public static final Node GRAPH = Ids.graph("provenance");
    static final String PROV = "http://www.w3.org/ns/prov#";
    private static final DateTimeFormatter JOB_ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

    private Provenance() {}

    public static Node newJobIri() {
        return newActivityIri("load");
    }

    /** A new activity's IRI, {@code …/id/{kind}/{utc time}-{random}}: unique, and saying when. */
    public static Node newActivityIri(String kind) {
        return Ids.id(kind, JOB_ID.format(Instant.now()).toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /**
     * Records a write that is not a load job (a SPARQL Update, a Graph Store write) as a
     * {@code prov:Activity} with a label that says what and who ("SPARQL Update by alice") and its
     * start and end; never the request's text, which may name a victim. Call inside its transaction.
     */
    public static void recordWrite(DatasetGraph dsg, Node graph, Node activity, String label, Instant started, Instant ended) {
        Recorder r = new Recorder(dsg, graph);
        r.add(activity, RDF.Nodes.type, uri(PROV + "Activity"));
        r.add(activity, RDFS.Nodes.label, NodeFactory.createLiteralString(label));
        r.add(activity, uri(PROV + "startedAtTime"), dateTime(started));
        r.add(activity, uri(PROV + "endedAtTime"), dateTime(ended));
    }

    /** Writes the job's record; call inside the job's write transaction. {@code shapes} is null when not validated. */
    public static void record(DatasetGraph dsg, LoadReport report, Node shapes) {
        record(dsg, GRAPH, report, shapes);
    }

    /** Writes the job's record into {@code graph} (restricted jobs are recorded apart). */
    public static void record(DatasetGraph dsg, Node graph, LoadReport report, Node shapes) {
        Recorder r = new Recorder(dsg, graph);
        Node job = report.job();
        r.add(job, RDF.Nodes.type, uri(CTKG.NS + "LoadJob"));
        r.add(job, RDF.Nodes.type, uri(PROV + "Activity"));
        r.add(job, RDFS.Nodes.label, NodeFactory.createLiteralString("load of " + report.inputs().size() + " file(s) at " + report.started()));
        r.add(job, uri(PROV + "startedAtTime"), dateTime(report.started()));
        r.add(job, uri(PROV + "endedAtTime"), dateTime(report.ended()));
        long violations = report.violations();
        String outcome = !report.validated() ? "committed without validation" : violations == 0 ? "committed" : "committed with violations";
        r.add(job, uri(CTKG.NS + "outcome"), NodeFactory.createLiteralString(outcome));
        if (report.validated()) {
            r.add(job, uri(CTKG.NS + "shapesUsed"), shapes);
            r.add(job, uri(CTKG.NS + "violations"), longLiteral(violations));
        }
        for (String note : report.notes())
            r.add(job, RDFS.Nodes.comment, NodeFactory.createLiteralString(note));
        int i = 0;
        for (Source.InputRecord input : report.inputs()) {
            Node file = uri(job.getURI() + "#file-" + (++i));
            r.add(job, uri(PROV + "used"), file);
            r.add(file, RDF.Nodes.type, uri(CTKG.NS + "InputFile"));
            r.add(file, uri(CTKG.NS + "fileName"), NodeFactory.createLiteralString(input.name()));
            r.add(file, uri(CTKG.NS + "byteSize"), longLiteral(input.bytes()));
            r.add(file, uri(CTKG.NS + "sha256"), NodeFactory.createLiteralString(input.sha256()));
        }
        int k = 0;
        for (Map.Entry<Node, LoadReport.GraphChange> e : report.changes().entrySet()) {
            Node change = uri(job.getURI() + "#graph-" + (++k));
            r.add(job, uri(CTKG.NS + "changedGraph"), change);
            r.add(change, RDF.Nodes.type, uri(CTKG.NS + "GraphChange"));
            r.add(change, uri(CTKG.NS + "graph"), e.getKey());
            r.add(change, uri(CTKG.NS + "triplesAdded"), longLiteral(e.getValue().added()));
            r.add(change, uri(CTKG.NS + "triplesRemoved"), longLiteral(e.getValue().removed()));
            r.add(e.getKey(), uri(PROV + "wasGeneratedBy"), job);
        }
    }

    private record Recorder(DatasetGraph dsg, Node graph) {
        void add(Node s, Node p, Node o) {
            dsg.add(graph, s, p, o);
        }
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }

    private static Node dateTime(Instant t) {
        return NodeFactory.createLiteralDT(t.toString(), XSDDatatype.XSDdateTime);
    }

    private static Node longLiteral(long n) {
        return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDlong);
    }
}
