package org.ctkg.loader.cube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.update.UpdateAction;
import org.ctkg.loader.Access;
import org.ctkg.loader.AccessLevels;
import org.ctkg.loader.LoadException;
import org.ctkg.loader.LoadJob;
import org.ctkg.loader.Store;
import org.ctkg.loader.source.RdfFile;
import org.ctkg.ontology.Ids;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store as writers write it quad by quad: generated records loaded restricted (threshold 3),
 * then SPARQL Updates through {@link RecountingDataset} on a real TDB2 store; the counts follow
 * committed writes of restricted graphs, and only those.
 */
class RecountingDatasetTest {
    private static final Node A = Ids.graph("cases-a");
    private static final Node CUBE = NodeFactory.createURI(PublishedCube.CUBE);
    private static final String PREFIXES = "PREFIX ctkg: <" + PublishedCube.CTKG + ">\nPREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n";
    @TempDir
    java.nio.file.Path tmp;
    private Store store;
    private DatasetGraph dsg;

    @BeforeEach
    void load() throws IOException {
        store = Store.open(tmp.resolve("store"));
        LoadJob.create(store).source(RdfFile.of(CaseCountsTest.generated(tmp, 1, 3_000), null)).graph(A).access(Access.RESTRICTED).minCell(3).build().run();
        dsg = new RecountingDataset(store.dataset(), 3, () -> () -> "SPARQL Update by a test");
    }

    @AfterEach
    void close() {
        store.close();
    }

    private int total() {
        return PublishedCube.read(store.dataset()).get(List.of()).values().iterator().next().count();
    }

    private Set<String> cubeQuads() {
        DatasetGraph s = store.dataset();
        return Txn.calculateRead(s, () -> s.stream(CUBE, Node.ANY, Node.ANY, Node.ANY).map(Object::toString).collect(Collectors.toSet()));
    }

    private void update(String text) {
        Txn.executeWrite(dsg, () -> UpdateAction.parseExecute(PREFIXES + text, dsg));
    }

    private static String record(String name) {
        return "<" + Ids.ID + "case/" + name + "> a ctkg:CaseRecord ; ctkg:gender \"Woman\" ; ctkg:yearOfRegistration \"2023\"^^xsd:gYear .";
    }

    @Test
    void aCommittedWriteOfARestrictedGraphRecountsAndNamesItsActivity() {
        int before = total();
        update("INSERT DATA { GRAPH <" + A.getURI() + "> { " + record("new-1") + " } }");
        assertEquals(before + 1, total());
        assertEquals(before + 1, PublishedCube.direct(store.dataset(), List.of()).get(List.of()));
        Txn.executeRead(store.dataset(), () -> {
            Node activity = CaseCountsTest.objects(store.dataset(), CUBE, "http://www.w3.org/ns/prov#wasGeneratedBy").get(0);
            assertTrue(activity.getURI().startsWith(Ids.ID + "write/"), activity.getURI());
            assertTrue(store.dataset().contains(AccessLevels.RESTRICTED_PROVENANCE, activity, NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#label"),
                    NodeFactory.createLiteralString("SPARQL Update by a test")), "the activity, restricted");
        });
        update("DROP GRAPH <" + A.getURI() + ">");
        assertTrue(PublishedCube.read(store.dataset()).get(List.of()).isEmpty(), "no record, no total");
    }

    @Test
    void anAbortedWriteAndAPublicWriteLeaveTheCubeAsItWas() {
        Set<String> before = cubeQuads();
        dsg.begin(org.apache.jena.query.TxnType.WRITE);
        dsg.add(A, NodeFactory.createURI(Ids.ID + "case/new-2"), NodeFactory.createURI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                NodeFactory.createURI(PublishedCube.CTKG + "CaseRecord"));
        dsg.abort();
        dsg.end();
        assertTrue(before.equals(cubeQuads()), "the cube as it was");
        update("INSERT DATA { GRAPH <" + Ids.graph("notes").getURI() + "> { <urn:x:a> <urn:x:b> \"c\" } }");
        assertTrue(before.equals(cubeQuads()), "not recounted: the same time and activity too");
    }

    @Test
    void writesIntoTheCubesGraphAreRefusedWhateverTheirForm() {
        Set<String> before = cubeQuads();
        for (String refused : List.of("INSERT DATA { GRAPH <" + CUBE.getURI() + "> { <urn:x:a> <urn:x:b> 1 } }",
                                      "DELETE WHERE { GRAPH ?g { ?o ctkg:caseCount ?n } }",
                                      "DROP GRAPH <" + CUBE.getURI() + ">", "CLEAR ALL")) {
            LoadException e = assertThrows(LoadException.class, () -> update(refused), refused);
            assertEquals(LoadException.Kind.BAD_INPUT, e.kind());
            assertTrue(e.getMessage().contains(CUBE.getURI()), e.getMessage());
        }
        assertTrue(before.equals(cubeQuads()), "the cube as it was");
        assertNotEquals(0, total());
    }
}
