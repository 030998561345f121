package org.ctkg.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.lib.ShLib;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The curated graph conforms to the shapes, and broken data is reported with its focus node and path. */
class ShapesTest {
    private static final String TEST = "https://w3id.org/ctkg/id/test/";
    private static final String CTKG_NS = CTKG.NS;

    @Test
    void curatedGraphConforms() {
        DatasetGraph curated = CtkgFiles.curated();
        ValidationReport report = ShapesValidation.standard().validate(curated.getUnionGraph());
        if (!report.conforms())
            ShLib.printReport(report);
        assertTrue(report.conforms(), "the curated graph violates the shapes (report printed above)");
    }

    @Test
    void shapesTargetInstancesOfTheCuratedGraph() {
        // A shapes file whose targets matched nothing would conform vacuously: check it does not.
        Graph data = CtkgFiles.curated().getUnionGraph();
        long recommendations = data.find(Node.ANY, org.apache.jena.vocabulary.RDF.type.asNode(), CTKG.Recommendation.asNode()).toList().size();
        assertTrue(recommendations >= 7, "recommendations in the curated graph: " + recommendations);
        Graph broken = GraphFactory.createDefaultGraph();
        data.find().forEachRemaining(t -> {
            if (!t.getPredicate().equals(CTKG.statedIn.asNode()))
                broken.add(t);
        });
        assertFalse(ShapesValidation.standard().validate(broken).conforms(), "removing every source must violate the shapes");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "missing-label.ttl,                  nameless, http://www.w3.org/2000/01/rdf-schema#label",
        "bad-date.ttl,                       act,      " + CTKG_NS + "dateEnteredIntoForce",
        "recommendation-without-source.ttl,  rec,      " + CTKG_NS + "statedIn",
        "statistic-without-value.ttl,        stat,     " + CTKG_NS + "value",
        "statistic-value-not-a-number.ttl,   stat,     " + CTKG_NS + "value",
        "protocol-without-convention.ttl,    protocol, " + CTKG_NS + "supplements",
        "bad-country-code.ttl,               place,    " + CTKG_NS + "iso3166Alpha2",
        "target-not-a-crime.ttl,             rec,      " + CTKG_NS + "targetsCrime",
    })
    void brokenDataIsReportedWithFocusNodeAndPath(String file, String focus, String path) {
        Graph data = GraphFactory.createDefaultGraph();
        RDFParser.source("broken/" + file).parse(data);
        ValidationReport report = ShapesValidation.standard().validate(data);
        assertFalse(report.conforms(), file + " should not conform");
        Node focusNode = NodeFactory.createURI(TEST + focus);
        Node pathNode = NodeFactory.createURI(path);
        boolean found = report.getEntries().stream()
                .anyMatch(e -> e.focusNode().equals(focusNode) && pathNode.equals(pathOf(e)));
        assertTrue(found, file + ": expected a violation at " + focus + " on " + path + ", got "
                   + report.getEntries().stream().map(e -> e.focusNode() + " " + e.resultPath() + " " + e.message()).collect(Collectors.toList()));
    }

    /**
     * Validating the subjects of a graph one by one (what a load job does, reading each resource's
     * triples once and finding shapes once per set of types) reports exactly what validating the
     * whole graph reports, for every broken file, and so does the same on several threads.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"missing-label.ttl", "bad-date.ttl", "recommendation-without-source.ttl", "statistic-without-value.ttl",
                "statistic-value-not-a-number.ttl", "protocol-without-convention.ttl", "bad-country-code.ttl", "target-not-a-crime.ttl"})
    void validatingResourceByResourceReportsWhatWholeGraphValidationReports(String file) {
        // As in a store: the data in a named graph, validated through the union of the named graphs.
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        Graph data = dsg.getUnionGraph();
        Txn.executeWrite(dsg, () -> {
            Graph loaded = dsg.getGraph(NodeFactory.createURI(TEST + "loaded"));
            RDFParser.source("broken/" + file).parse(loaded);
            CtkgFiles.curated().getUnionGraph().find().forEachRemaining(loaded::add);
        });
        ShapesValidation validation = ShapesValidation.standard();
        List<Node> subjects = Txn.calculateRead(dsg,
                () -> data.find().mapWith(t -> t.getSubject()).toSet().stream().toList());
        Set<String> whole = entries(Txn.calculateRead(dsg, () -> validation.validate(data)));
        Set<String> byResource = entries(Txn.calculateRead(dsg,
                () -> validation.validateNodes(data, subjects.iterator())));
        assertFalse(whole.isEmpty(), file + " should not conform");
        assertEquals(whole, byResource);
        assertEquals(whole, entries(validation.validateNodesInParallel(dsg, subjects, 3, 10)));
    }

    /**
     * A user's shapes may select their focus nodes by SPARQL ({@code sh:target} with a
     * {@code sh:SPARQLTarget}): resource-by-resource validation checks them as whole-graph
     * validation does, instead of skipping them.
     */
    @Test
    void sparqlBasedTargetsInAUsersShapesAreValidatedResourceByResource() {
        ShapesValidation validation = ShapesValidation.with(Shapes.parse(RDFParser.source("user-shapes/sparql-target.ttl").toGraph()));
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(dsg, () -> RDFParser.source("user-shapes/names.ttl").parse(dsg.getGraph(NodeFactory.createURI(TEST + "loaded"))));
        Graph data = dsg.getUnionGraph();
        List<Node> subjects = Txn.calculateRead(dsg, () -> data.find().mapWith(t -> t.getSubject()).toSet().stream().toList());
        Set<String> whole = entries(Txn.calculateRead(dsg, () -> validation.validate(data)));
        Set<String> byResource = entries(Txn.calculateRead(dsg, () -> validation.validateNodes(data, subjects.iterator())));
        assertEquals(1, whole.size(), "the long schema:name, and not the long label: " + whole);
        assertTrue(whole.iterator().next().startsWith("https://example.org/id/long "), whole.toString());
        assertEquals(whole, byResource);
        assertEquals(whole, entries(validation.validateNodesInParallel(dsg, subjects, 2, 1)));
    }

    private static Set<String> entries(ValidationReport report) {
        return report.getEntries().stream().map(e -> e.focusNode() + " " + e.resultPath() + " " + e.value() + " " + e.message())
                .collect(Collectors.toSet());
    }

    private static Node pathOf(ReportEntry entry) {
        return entry.resultPath() == null ? null : NodeFactory.createURI(entry.resultPath().toString().replaceAll("^<|>$", ""));
    }
}
