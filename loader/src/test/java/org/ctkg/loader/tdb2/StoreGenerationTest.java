package org.ctkg.loader.tdb2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.ctkg.loader.LoadException;
import org.ctkg.loader.LoadJob;
import org.ctkg.loader.LoadJobTest;
import org.ctkg.loader.LoadReport;
import org.ctkg.loader.Store;
import org.ctkg.loader.StoreSnapshot;
import org.ctkg.loader.generate.CaseRecordGenerator;
import org.ctkg.loader.prov.Provenance;
import org.ctkg.loader.source.RdfFile;
import org.ctkg.ontology.CTKG;
import org.ctkg.ontology.Ids;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Large offline loads build the store's next TDB2 generation on several threads and switch to it
 * with one rename: the same store as a load in one transaction, and on failure the store as it was.
 */
class StoreGenerationTest {
    /** Several batches of the index threads ({@link #BATCH}), and more bytes than {@link #FROM}, the size that makes a job choose a new generation. */
    private static final long CASE_TRIPLES = 30_000;
    private static final int BATCH = 4_000;
    private static final long FROM = 1L << 20;
    @TempDir
    static Path shared;
    private static Path cases;
    @TempDir
    Path tmp;

    @BeforeAll
    static void generate() throws IOException {
        cases = shared.resolve("cases.nt");
        try (OutputStream out = Files.newOutputStream(cases)) {
            new CaseRecordGenerator(7).write(out, CASE_TRIPLES);
        }
    }

    private static List<String> generations(Path loc) throws IOException {
        try (Stream<Path> s = Files.list(loc)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("Data-")).sorted().toList();
        }
    }

    private static List<String> withoutProvenance(List<String> quads) {
        return quads.stream().filter(q -> !q.endsWith("<" + Provenance.GRAPH.getURI() + "> .")).toList();
    }

    private static long count(Store store, Node g) {
        DatasetGraph dsg = store.dataset();
        return Txn.calculateRead(dsg, () -> dsg.stream(g, Node.ANY, Node.ANY, Node.ANY).count());
    }

    @Test
    void aLargeLoadIntoANewStoreBuildsTheSameStoreAsOneTransaction() throws IOException {
        Path inTransaction = tmp.resolve("in-transaction");
        Path inGeneration = tmp.resolve("in-generation");
        LoadReport a;
        LoadReport b;
        try (Store store = Store.open(inTransaction)) {
            a = LoadJob.create(store).newGeneration(false).source(RdfFile.of(cases, null)).build().run();
        }
        try (Store store = Store.open(inGeneration)) {
            // chosen by size: a new store and an input above the threshold
            assertTrue(Files.size(cases) > FROM && Files.size(cases) < 32L << 20, "above this test's threshold, below the default one");
            b = LoadJob.create(store).indexThreads(2).newGenerationFrom(FROM).indexBatch(BATCH).source(RdfFile.of(cases, null)).build().run();
            assertEquals(a.added(), count(store, Ids.graph("cases")), "the open store handle reads the new generation");
        }
        assertEquals(List.of("Data-0001"), generations(inTransaction));
        assertEquals(List.of("Data-0002"), generations(inGeneration), "the first generation is gone once the second is in place");
        assertEquals(a.changes(), b.changes());
        assertTrue(b.added() >= CASE_TRIPLES);
        assertTrue(b.validation().conforms());
        assertEquals(withoutProvenance(StoreSnapshot.of(inTransaction)), withoutProvenance(StoreSnapshot.of(inGeneration)));
    }

    @Test
    void aNewGenerationKeepsWhatTheStoreHeldAndRecordsTheJob() throws IOException {
        Path loc = tmp.resolve("store");
        LoadReport first;
        LoadReport second;
        try (Store store = Store.open(loc)) {
            first = LoadJob.create(store).source(RdfFile.of(LoadJobTest.good("organisations.ttl"), null)).build().run();
            second = LoadJob.create(store).newGeneration(true).source(RdfFile.of(LoadJobTest.good("people.nt"), null)).build().run();
            assertEquals(List.of(Ids.graph("people")), List.copyOf(second.changes().keySet()));
            assertEquals(5, count(store, Ids.graph("organisations")));
            assertEquals(second.added(), count(store, Ids.graph("people")));
            assertTrue(second.added() > 0);
        }
        assertEquals(List.of("Data-0002"), generations(loc));
        try (Store store = Store.openExisting(loc)) {
            DatasetGraph dsg = store.dataset();
            for (LoadReport job : List.of(first, second))
                assertTrue(Txn.calculateRead(dsg, () -> dsg.contains(Provenance.GRAPH, job.job(), RDF.Nodes.type, NodeFactory.createURI(CTKG.NS + "LoadJob"))),
                           "both jobs are in the provenance graph of the reopened store");
        }
    }

    @Test
    void replacingAGraphInANewGeneration() throws IOException {
        Node graph = Ids.graph("orgs");
        Path loc = tmp.resolve("store");
        try (Store store = Store.open(loc)) {
            LoadJob.create(store).graph(graph).source(RdfFile.of(LoadJobTest.good("organisations.ttl"), null)).build().run();
            LoadReport report = LoadJob.create(store).newGeneration(true).graph(graph).replace(true)
                    .source(RdfFile.of(LoadJobTest.good("organisations-v2.ttl"), null)).build().run();
            assertEquals(new LoadReport.GraphChange(2, 5), report.changes().get(graph));
            assertEquals(2, count(store, graph));
        }
        assertEquals(List.of("Data-0002"), generations(loc));
    }

    @Test
    void quadsReplacingGraphsUnknownBeforeReadingStayInOneTransaction() throws IOException {
        Path loc = tmp.resolve("store");
        try (Store store = Store.open(loc)) {
            LoadJob.create(store).source(RdfFile.of(LoadJobTest.good("organisations.ttl"), null)).build().run();
            LoadJob.create(store).newGeneration(true).replace(true).source(RdfFile.of(LoadJobTest.good("two-graphs.trig"), null)).build().run();
        }
        assertEquals(List.of("Data-0001"), generations(loc));
    }

    @Test
    void aFailedJobLeavesTheStoreAsItWasAndNoGenerationBehind() throws IOException {
        Path loc = tmp.resolve("store");
        try (Store store = Store.open(loc)) {
            LoadJob.create(store).source(RdfFile.of(LoadJobTest.good("organisations.ttl"), null)).build().run();
        }
        List<String> before = StoreSnapshot.of(loc);

        Path invalid = tmp.resolve("nameless.ttl");
        Files.writeString(invalid, "<https://w3id.org/ctkg/id/organization/x> a <https://w3id.org/ctkg/ontology#Company> .\n");
        Path broken = tmp.resolve("broken.nt");
        Files.write(broken, Files.readAllLines(cases).subList(0, 25_000));
        Files.writeString(broken, "<https://w3id.org/ctkg/id/x> <https://schema.org/name> \"unterminated .\n", java.nio.file.StandardOpenOption.APPEND);
        try (Store store = Store.open(loc)) {
            LoadException e = assertThrows(LoadException.class,
                    () -> LoadJob.create(store).newGeneration(true).source(RdfFile.of(invalid, null)).build().run());
            assertEquals(LoadException.Kind.INVALID, e.kind());
            e = assertThrows(LoadException.class,
                    () -> LoadJob.create(store).newGeneration(true).indexBatch(BATCH).source(RdfFile.of(broken, null)).build().run());
            assertEquals(LoadException.Kind.BAD_INPUT, e.kind());
            assertTrue(e.getMessage().contains("broken.nt:25002:"), "the line after several batches went to the index threads: " + e.getMessage());
        }
        assertEquals(List.of("Data-0001"), generations(loc), "no new generation, no temporary directory");
        assertEquals(before, StoreSnapshot.of(loc));
    }
}
