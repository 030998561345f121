package org.ctkg.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.ctkg.loader.prov.Provenance;
import org.ctkg.loader.source.RdfFile;
import org.ctkg.ontology.CTKG;
import org.ctkg.ontology.Ids;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Load jobs against real TDB2 stores on disk. */
public class LoadJobTest {
    @TempDir
    Path tmp;

    public static Path good(String name) {
        try {
            return Path.of(LoadJobTest.class.getResource("/good/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(Store store, Node g, Node s, Node p, Node o) {
        DatasetGraph dsg = store.dataset();
        return Txn.calculateRead(dsg, () -> dsg.stream(g, s, p, o).count());
    }

    @Test
    void newStoreIsSeededAndTriplesGoToAGraphNamedAfterTheFile() {
        Path loc = tmp.resolve("store");
        try (Store store = Store.open(loc)) {
            LoadReport report = LoadJob.create(store).source(RdfFile.of(good("organisations.ttl"), null)).build().run();
            Node graph = Ids.graph("organisations");
            assertEquals(List.of(graph), List.copyOf(report.changes().keySet()));
            assertEquals(5, report.added());
            assertEquals(5, count(store, graph, Node.ANY, Node.ANY, Node.ANY));
            assertTrue(count(store, Ids.graph("tcr-2021-strategic-threat"), Node.ANY, Node.ANY, Node.ANY) > 100, "seeded with the curated graph");
            assertTrue(count(store, Ids.ONTOLOGY_GRAPH, Node.ANY, Node.ANY, Node.ANY) > 100, "seeded with the ontology");
        }
    }

    @Test
    void everySyntaxLoads() {
        Path loc = tmp.resolve("store");
        try (Store store = Store.open(loc)) {
            LoadJob.Builder job = LoadJob.create(store);
            for (String f : List.of("organisations-gz.ttl.gz", "two-graphs.trig", "people.nt", "people.jsonld", "people.rdf", "people.nq"))
                job.source(RdfFile.of(good(f), null));
            LoadReport report = job.build().run();
            assertEquals(List.of(Ids.graph("organisations-gz"), Ids.graph("test-one"), Ids.graph("test-two"), Ids.graph("people"), Ids.graph("test-six")),
                         List.copyOf(report.changes().keySet()));
            for (String person : List.of("test-one", "test-two", "test-three", "test-four", "test-five", "test-six"))
                assertEquals(1, count(store, Node.ANY, Ids.id("person", person), RDF.Nodes.type, CTKG.Person.asNode()), person);
        }
    }

    @Test
    void graphOptionPutsEverythingInOneGraph() {
        Node target = NodeFactory.createURI("https://example.org/graph/all");
        try (Store store = Store.open(tmp.resolve("store"))) {
            LoadJob.create(store).graph(target).source(RdfFile.of(good("two-graphs.trig"), null)).source(RdfFile.of(good("people.nt"), null)).build().run();
            assertEquals(6, count(store, target, Node.ANY, Node.ANY, Node.ANY));
            assertEquals(0, count(store, Ids.graph("test-one"), Node.ANY, Node.ANY, Node.ANY));
        }
    }

    @Test
    void replaceSwapsTheGraphAndCountsWhatWasRemoved() {
        Node graph = Ids.graph("orgs");
        try (Store store = Store.open(tmp.resolve("store"))) {
            LoadJob.create(store).graph(graph).source(RdfFile.of(good("organisations.ttl"), null)).build().run();
            LoadReport report = LoadJob.create(store).graph(graph).replace(true).source(RdfFile.of(good("organisations-v2.ttl"), null)).build().run();
            assertEquals(new LoadReport.GraphChange(2, 5), report.changes().get(graph));
            assertEquals(2, count(store, graph, Node.ANY, Node.ANY, Node.ANY));
        }
    }

    @Test
    void addingTheSameDataAgainAddsNothing() {
        try (Store store = Store.open(tmp.resolve("store"))) {
            LoadJob.create(store).source(RdfFile.of(good("organisations.ttl"), null)).build().run();
            LoadReport again = LoadJob.create(store).source(RdfFile.of(good("organisations.ttl"), null)).build().run();
            assertEquals(0, again.added());
        }
    }

    @Test
    void inferAddsSuperclassTypes() {
        try (Store store = Store.open(tmp.resolve("store"))) {
            Node ministry = Ids.id("organization", "test-ministry");
            LoadJob.create(store).source(RdfFile.of(good("organisations.ttl"), null)).build().run();
            assertEquals(0, count(store, Node.ANY, ministry, RDF.Nodes.type, CTKG.Actor.asNode()));
            LoadJob.create(store).infer(true).source(RdfFile.of(good("organisations.ttl"), null)).build().run();
            assertEquals(1, count(store, Node.ANY, ministry, RDF.Nodes.type, CTKG.Actor.asNode()));
            assertEquals(1, count(store, Node.ANY, ministry, RDF.Nodes.type, CTKG.Organization.asNode()));
        }
    }

    @Test
    void provenanceRecordsTheJobTheFileAndItsChecksum() throws Exception {
        Path file = good("organisations.ttl");
        String sha;
        try (InputStream in = Files.newInputStream(file)) {
            sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        }
        try (Store store = Store.open(tmp.resolve("store"))) {
            LoadReport report = LoadJob.create(store).source(RdfFile.of(file, null)).build().run();
            assertEquals(sha, report.inputs().get(0).sha256());
            assertEquals(Files.size(file), report.inputs().get(0).bytes());
            Node prov = Provenance.GRAPH;
            assertEquals(1, count(store, prov, report.job(), RDF.Nodes.type, NodeFactory.createURI(CTKG.NS + "LoadJob")));
            assertEquals(1, count(store, prov, Node.ANY, NodeFactory.createURI(CTKG.NS + "sha256"), NodeFactory.createLiteralString(sha)));
            assertEquals(1, count(store, prov, Node.ANY, NodeFactory.createURI(CTKG.NS + "triplesAdded"),
                                  NodeFactory.createLiteralDT("5", org.apache.jena.datatypes.xsd.XSDDatatype.XSDlong)));
            assertEquals(1, count(store, prov, Ids.graph("organisations"), NodeFactory.createURI("http://www.w3.org/ns/prov#wasGeneratedBy"), report.job()));
        }
    }

    @Test
    void lenientLoadCommitsAndReportsViolations() throws Exception {
        Path bad = tmp.resolve("nameless.ttl");
        Files.writeString(bad, "<https://w3id.org/ctkg/id/organization/x> a <https://w3id.org/ctkg/ontology#Company> .\n");
        try (Store store = Store.open(tmp.resolve("store"))) {
            LoadReport report = LoadJob.create(store).lenient(true).source(RdfFile.of(bad, null)).build().run();
            assertFalse(report.validation().conforms());
            assertEquals(1, count(store, Ids.graph("nameless"), Node.ANY, Node.ANY, Node.ANY));
        }
    }

    @Test
    void aFailedFirstLoadLeavesNoStoreBehind() throws Exception {
        Path bad = tmp.resolve("broken.ttl");
        Files.writeString(bad, "<a> <b> .\n");
        Path loc = tmp.resolve("never");
        try (Store store = Store.open(loc)) {
            LoadException e = org.junit.jupiter.api.Assertions.assertThrows(LoadException.class,
                    () -> LoadJob.create(store).source(RdfFile.of(bad, null)).build().run());
            assertEquals(LoadException.Kind.BAD_INPUT, e.kind());
        }
        assertFalse(Files.exists(loc), "a store created by a failed job is removed");
    }
}
