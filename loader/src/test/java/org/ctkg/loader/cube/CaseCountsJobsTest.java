package org.ctkg.loader.cube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.ctkg.loader.Access;
import org.ctkg.loader.LoadException;
import org.ctkg.loader.LoadJob;
import org.ctkg.loader.Store;
import org.ctkg.loader.cube.PublishedCube.Cell;
import org.ctkg.loader.source.RdfFile;
import org.ctkg.ontology.Ids;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The published counts follow every committed job, and only committed ones (real TDB2 stores, small generated data). */
class CaseCountsJobsTest {
    private static final Node A = Ids.graph("cases-a"), B = Ids.graph("cases-b");
    private static final Node CUBE = NodeFactory.createURI(PublishedCube.CUBE);
    @TempDir
    Path tmp;

    private static int total(Store store) {
        Map<List<Node>, Cell> total = PublishedCube.read(store.dataset()).get(List.of());
        return total.isEmpty() ? 0 : total.values().iterator().next().count();
    }

    private static int records(Store store) {
        Map<List<Node>, Integer> direct = PublishedCube.direct(store.dataset(), List.of());
        return direct.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static Set<String> cubeQuads(Store store) {
        DatasetGraph dsg = store.dataset();
        return Txn.calculateRead(dsg, () -> dsg.stream(CUBE, Node.ANY, Node.ANY, Node.ANY).map(Object::toString).collect(Collectors.toSet()));
    }

    private LoadJob.Builder job(Store store, Node graph, Path file) {
        return LoadJob.create(store).source(RdfFile.of(file, null)).graph(graph).access(Access.RESTRICTED).minCell(3);
    }

    @Test
    void appendReplaceAndAFailedJobEachLeaveTheCountsOfWhatIsCommitted() throws IOException {
        try (Store store = Store.open(tmp.resolve("store"))) {
            job(store, A, CaseCountsTest.generated(tmp, 1, 1_200)).build().run();
            int first = total(store);
            assertEquals(records(store), first);
            job(store, B, CaseCountsTest.generated(tmp, 2, 600)).build().run();
            assertEquals(records(store), total(store), "an appended graph counts");
            assertTrue(total(store) > first);

            job(store, A, CaseCountsTest.generated(tmp, 3, 400)).replace(true).build().run();
            assertEquals(records(store), total(store), "a replaced graph counts as it is now");
            var cube = PublishedCube.read(store.dataset());
            for (List<String> table : PublishedCube.tables())
                for (var e : PublishedCube.direct(store.dataset(), table).entrySet()) {
                    Cell cell = cube.get(table).get(e.getKey());
                    assertTrue(cell != null && (cell.count() == null || cell.count().equals(e.getValue())), table + " " + e.getKey() + " after the replace");
                }

            Set<String> before = cubeQuads(store);
            Path bad = tmp.resolve("bad.nt");
            Files.copy(CaseCountsTest.generated(tmp, 4, 300), bad);
            Files.writeString(bad, "<urn:x> <urn:y> \"unterminated .\n", java.nio.file.StandardOpenOption.APPEND);
            assertThrows(LoadException.class, () -> job(store, B, bad).replace(true).build().run());
            assertEquals(before, cubeQuads(store), "a failed job changes no count");
        }
    }

    @Test
    void aSmallerThresholdPublishesMoreTheProvenanceNamesEachJobAndOneUnderTwoIsRefused() throws IOException {
        try (Store store = Store.open(tmp.resolve("store"))) {
            Path cases = CaseCountsTest.generated(tmp, 1, 1_200);
            var first = job(store, A, cases).minCell(11).build().run();
            long published11 = published(store);
            var second = job(store, A, cases).replace(true).minCell(2).build().run();
            long published2 = published(store);
            assertTrue(published2 > published11, "k = 2 publishes more cells than k = 11: " + published2 + " against " + published11);
            assertNotEquals(first.job(), second.job());
            assertEquals(List.of(second.job()), Txn.calculateRead(store.dataset(), () -> CaseCountsTest.objects(store.dataset(), CUBE, "http://www.w3.org/ns/prov#wasGeneratedBy")));
            assertTrue(PublishedCube.read(store.dataset()).values().stream().flatMap(m -> m.values().stream())
                    .allMatch(c -> c.count() != null ? c.count() >= 2 : c.status().equals("suppressed (fewer than 2)")));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LoadJob.create(store).minCell(1));
            assertTrue(e.getMessage().contains("--min-cell must be at least 2"), e.getMessage());
        }
    }

    private static long published(Store store) {
        return PublishedCube.read(store.dataset()).values().stream().flatMap(m -> m.values().stream()).filter(c -> c.count() != null).count();
    }


    @Test
    void noJobWritesTheCubeAndAGraphMadePublicLeavesTheCounts() throws IOException {
        try (Store store = Store.open(tmp.resolve("store"))) {
            Path cases = CaseCountsTest.generated(tmp, 1, 600);
            job(store, A, cases).build().run();
            job(store, B, CaseCountsTest.generated(tmp, 2, 600)).build().run();
            Set<String> before = cubeQuads(store);
            for (Access access : Access.values()) {
                LoadException e = assertThrows(LoadException.class, () -> job(store, CUBE, cases).access(access).build().run());
                assertEquals(LoadException.Kind.BAD_INPUT, e.kind());
                assertTrue(e.getMessage().contains(PublishedCube.CUBE), e.getMessage());
            }
            assertEquals(before, cubeQuads(store), "refused jobs leave the counts");
            int both = total(store);
            LoadJob.create(store).source(RdfFile.of(cases, null)).graph(A).replace(true).access(Access.PUBLIC).changeAccess(true).build().run();
            long[] inB = {0};
            PublishedCube.select(store.dataset(), "SELECT (COUNT(*) AS ?n) { GRAPH <" + B.getURI() + "> { ?r a <" + PublishedCube.CTKG + "CaseRecord> } }",
                    row -> inB[0] = Long.parseLong(row.get("n").getLiteralLexicalForm()));
            assertTrue(total(store) < both, "the records of a graph made public are no longer counted among the restricted ones");
            assertEquals(inB[0], total(store), "only the graph still restricted counts");
        }
    }

    @Test
    void aLargeJobThroughANewGenerationPublishesTheSameCountsAsOneTransaction() throws IOException {
        Path cases = CaseCountsTest.generated(tmp, 5, 1_200);
        Map<List<String>, Map<List<Node>, Cell>> inTransaction, inGeneration;
        try (Store store = Store.open(tmp.resolve("one"))) {
            job(store, A, cases).newGeneration(false).build().run();
            inTransaction = PublishedCube.read(store.dataset());
        }
        try (Store store = Store.open(tmp.resolve("generation"))) {
            job(store, A, cases).newGeneration(true).build().run();
            inGeneration = PublishedCube.read(store.dataset());
        }
        assertEquals(inTransaction, inGeneration);
        assertTrue(inGeneration.get(List.of()).size() == 1);
    }
}
