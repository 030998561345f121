package org.ctkg.loader.cube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.ctkg.loader.Access;
import org.ctkg.loader.LoadJob;
import org.ctkg.loader.LoadReport;
import org.ctkg.loader.Store;
import org.ctkg.loader.cube.PublishedCube.Cell;
import org.ctkg.loader.generate.CaseRecordGenerator;
import org.ctkg.loader.source.RdfFile;
import org.ctkg.ontology.Ids;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published case counts of generated records loaded restricted into two graphs (a real TDB2
 * store): every table's counts against direct SPARQL counts of the raw records, the threshold, the
 * attack that solves lines with one unknown, and the method's provenance.
 */
class CaseCountsTest {
    private static final int K = 3;
    @TempDir
    static Path tmp;
    private static Store store;
    private static LoadReport last;
    private static Map<List<String>, Map<List<Node>, Cell>> cube;

    @BeforeAll
    static void load() throws IOException {
        store = Store.open(tmp.resolve("store"));
        load(store, Ids.graph("cases-a"), generated(tmp, 1, 4_000), K);
        last = load(store, Ids.graph("cases-b"), generated(tmp, 2, 2_000), K);
        cube = PublishedCube.read(store.dataset());
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static Path generated(Path dir, long seed, long triples) throws IOException {
        Path file = dir.resolve("cases-" + seed + "-" + triples + ".nt");
        try (OutputStream out = Files.newOutputStream(file)) {
            new CaseRecordGenerator(seed).write(out, triples);
        }
        return file;
    }

    static LoadReport load(Store store, Node graph, Path file, int k) {
        return LoadJob.create(store).source(RdfFile.of(file, null)).graph(graph).access(Access.RESTRICTED).minCell(k).build().run();
    }

    @Test
    void everyTableIsPublishedAndEveryCountIsAtLeastKAndEqualsTheDirectCount() {
        DatasetGraph dsg = store.dataset();
        assertEquals(42, cube.size());
        int published = 0, suppressed = 0;
        for (List<String> table : PublishedCube.tables()) {
            Map<List<Node>, Integer> direct = PublishedCube.direct(dsg, table);
            Map<List<Node>, Cell> cells = cube.get(table);
            assertEquals(new TreeSet<>(direct.keySet().stream().map(Object::toString).toList()),
                    new TreeSet<>(cells.keySet().stream().map(Object::toString).toList()), "the cells of " + table + ": those with records, no others");
            for (var e : cells.entrySet()) {
                Cell cell = e.getValue();
                if (cell.count() != null) {
                    assertTrue(cell.count() >= K, table + " " + e.getKey() + " published under k: " + cell.count());
                    assertEquals(direct.get(e.getKey()), cell.count(), table + " " + e.getKey());
                    assertNull(cell.status());
                    published++;
                } else {
                    assertEquals("suppressed (fewer than " + K + ")", cell.status(), table + " " + e.getKey());
                    suppressed++;
                }
                if (direct.get(e.getKey()) < K)
                    assertNull(cell.count(), table + " " + e.getKey() + " under k is suppressed");
            }
        }
        assertTrue(published > 200 && suppressed > 200, "both kinds, plenty: " + published + " published, " + suppressed + " suppressed");
    }

    @Test
    void noSuppressedCellCanBeSolvedFromItsLinesAndMargins() {
        Map<LineAttack.Key, Integer> recovered = LineAttack.recovered(cube);
        assertTrue(recovered.isEmpty(), recovered.size() + " suppressed cells worked out, such as " + recovered.entrySet().stream().limit(3).toList());
    }

    @Test
    void eachDataSetAndTheGraphCarryTheMethod() {
        DatasetGraph dsg = store.dataset();
        Node cube = NodeFactory.createURI(PublishedCube.CUBE);
        Txn.executeRead(dsg, () -> {
            var datasets = dsg.stream(cube, Node.ANY, NodeFactory.createURI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                    NodeFactory.createURI(PublishedCube.QB + "DataSet")).toList();
            assertEquals(42, datasets.size());
            List<Node> described = new java.util.ArrayList<>(datasets.stream().map(q -> q.getSubject()).toList());
            described.add(cube);
            for (Node ds : described) {
                assertEquals(List.of(last.job()), objects(dsg, ds, "http://www.w3.org/ns/prov#wasGeneratedBy"), ds + ": the job");
                assertEquals(List.of(Integer.toString(K)), lexical(dsg, ds, PublishedCube.CTKG + "minCell"));
                assertEquals(List.of("3"), lexical(dsg, ds, PublishedCube.CTKG + "reportingLength"));
                assertEquals(List.of("2002"), lexical(dsg, ds, PublishedCube.CTKG + "firstYearOfRegistration"), "the generator's first year");
                assertEquals(List.of("2023"), lexical(dsg, ds, PublishedCube.CTKG + "lastYearOfRegistration"));
                assertEquals(1, objects(dsg, ds, "http://www.w3.org/ns/prov#generatedAtTime").size());
            }
        });
    }

    @Test
    void aRecordWithSeveralFormsCountsUnderEachAndTheStructureSaysSo() {
        Map<List<Node>, Cell> forms = cube.get(List.of("formOfExploitation"));
        int sum = forms.values().stream().mapToInt(c -> c.count() == null ? 0 : c.count()).sum();
        int total = cube.get(List.of()).values().iterator().next().count();
        assertTrue(sum > total, "forms sum to more than the records: " + sum + " > " + total);
        Txn.executeRead(store.dataset(), () -> {
            List<String> notes = lexical(store.dataset(), NodeFactory.createURI(Ids.ID + "case-counts/structure/form"), "http://www.w3.org/2000/01/rdf-schema#comment");
            assertTrue(notes.size() == 1 && notes.get(0).contains("several forms of exploitation counts under each") && notes.get(0).contains("absent is zero"), notes.toString());
        });
    }

    static List<Node> objects(DatasetGraph dsg, Node s, String p) {
        return dsg.stream(NodeFactory.createURI(PublishedCube.CUBE), s, NodeFactory.createURI(p), Node.ANY).map(q -> q.getObject()).toList();
    }

    static List<String> lexical(DatasetGraph dsg, Node s, String p) {
        return objects(dsg, s, p).stream().map(Node::getLiteralLexicalForm).toList();
    }
}
