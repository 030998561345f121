package org.ctkg.release;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdfpatch.RDFPatchOps;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.lang.LabelToNode;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.update.UpdateAction;
import org.ctkg.loader.LoadException;
import org.ctkg.loader.Access;
import org.ctkg.loader.AccessLevels;
import org.ctkg.loader.LoadJob;
import org.ctkg.loader.Store;
import org.ctkg.loader.source.RdfFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Releases of real TDB2 stores made by load jobs: reproducible, verifiable, loadable, and patchable. */
class ReleaseJobTest {
    private static final String NOTES = "https://w3id.org/ctkg/graph/notes";
    private static final String SHELTERS = """
            @prefix ctkg: <https://w3id.org/ctkg/ontology#> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            <https://w3id.org/ctkg/id/organization/shelter> a ctkg:Organization ; rdfs:label "A shelter"@en ;
                rdfs:seeAlso [ rdfs:label "an address" ; rdfs:comment "no. 1" ] , [ rdfs:label "an address" ; rdfs:comment "no. 2" ] ,
                             [ rdfs:label "twin" ] , [ rdfs:label "twin" ] ;
                rdfs:comment ( "a" "list" "of" "words" ) .
            """;

    @TempDir
    Path tmp;

    private Path file(String name, String content) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    /** A new store (seeded with ctkg's default content) with the file loaded into the notes graph. */
    private Store store(String name, String turtle) throws IOException {
        Store store = Store.open(tmp.resolve(name));
        LoadJob.create(store).source(RdfFile.of(file(name + ".ttl", turtle), null)).graph(NodeFactory.createURI(NOTES)).validate(false).build().run();
        return store;
    }

    private static ReleaseJob.Builder release(Store store, String version, Path out) {
        return ReleaseJob.create(store.dataset()).version(version).out(out);
    }

    @Test
    void twoReleasesOfTheSameStoreAreByteIdenticalVerifyAndLoadBackIsomorphic() throws Exception {
        try (Store store = store("store", SHELTERS)) {
            Release one = release(store, "1.0", tmp.resolve("a")).build().run().release();
            Release two = release(store, "1.0", tmp.resolve("b")).build().run().release();
            List<String> names = files(one.dir());
            assertEquals(names, files(two.dir()));
            assertTrue(names.containsAll(List.of("SHA256SUMS", "catalog.ttl", "ctkg-1.0.nq.gz", "graphs/notes.ttl", "graphs/provenance.ttl")), names.toString());
            for (String name : names)
                assertArrayEquals(Files.readAllBytes(one.dir().resolve(name)), Files.readAllBytes(two.dir().resolve(name)), name);

            byte[] gz = Files.readAllBytes(one.dump());
            assertEquals(0, gz[3], "gzip FLG: no file name, comment or extra field");
            assertArrayEquals(new byte[4], java.util.Arrays.copyOfRange(gz, 4, 8), "gzip MTIME is 0");

            Process check = new ProcessBuilder("sha256sum", "-c", "--strict", Checksums.FILE).directory(one.dir().toFile()).redirectErrorStream(true).start();
            String said = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, check.waitFor(), said);
            assertEquals(names.size() - 1, said.lines().filter(l -> l.endsWith(": OK")).count(), said);

            DatasetGraph loaded = DatasetGraphFactory.createTxnMem();
            RDFParser.source(gunzip(one.dump())).lang(Lang.NQUADS).parse(loaded);
            DatasetGraph dsg = store.dataset();
            Txn.executeRead(dsg, () -> {
                List<Node> graphs = new ArrayList<>();
                dsg.listGraphNodes().forEachRemaining(graphs::add);
                assertEquals(graphs.size(), loaded.size(), "every graph released");
                for (Node g : graphs)
                    assertTrue(dsg.getGraph(g).isIsomorphicWith(loaded.getGraph(g)), "graph " + g + " loads back isomorphic");
            });
            assertTrue(Files.readString(one.dir().resolve("graphs/notes.ttl")).contains("A shelter"));
        }
    }

    @Test
    void blankNodesGetTheSameLabelsInAnotherStoreWithTheSameData() throws Exception {
        try (Store first = store("first", SHELTERS); Store second = store("second", SHELTERS)) {
            LocalDate day = LocalDate.of(2026, 1, 1);
            Release one = release(first, "1", tmp.resolve("a")).date(day).build().run().release();
            Release two = release(second, "1", tmp.resolve("b")).date(day).build().run().release();
            List<String> a = notes(one), b = notes(two);
            assertEquals(a, b);
            assertTrue(a.stream().anyMatch(l -> l.startsWith("_:")), "the notes have blank nodes: " + a);
            assertArrayEquals(Files.readAllBytes(one.dir().resolve("graphs/notes.ttl")), Files.readAllBytes(two.dir().resolve("graphs/notes.ttl")));
        }
    }

    @Test
    void thePatchTurnsEachReleaseIntoTheNextAfterAnUpdateAReplaceAndALoad() throws Exception {
        Path out = tmp.resolve("releases");
        try (Store store = store("store", SHELTERS)) {
            release(store, "1", out).build().run();
            DatasetGraph dsg = store.dataset();
            Txn.executeWrite(dsg, () -> UpdateAction.parseExecute("""
                    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                    DELETE { GRAPH ?g { ?s rdfs:label "A shelter"@en } } INSERT { GRAPH ?g { ?s rdfs:label "A safe house"@en } }
                    WHERE { GRAPH ?g { ?s rdfs:label "A shelter"@en } }""", dsg));
            release(store, "2", out).previous(out.resolve("1")).build().run();
            LoadJob.create(store).source(RdfFile.of(file("replace.ttl", """
                    <https://w3id.org/ctkg/id/organization/other> <http://www.w3.org/2000/01/rdf-schema#label> "Another"@en ;
                        <http://www.w3.org/2000/01/rdf-schema#seeAlso> [ <http://www.w3.org/2000/01/rdf-schema#label> "new" ] .
                    """), null)).graph(NodeFactory.createURI(NOTES)).replace(true).validate(false).build().run();
            release(store, "3", out).previous(out.resolve("2")).build().run();
            LoadJob.create(store).source(RdfFile.of(file("added.ttl", """
                    <https://w3id.org/ctkg/id/organization/third> <http://www.w3.org/2000/01/rdf-schema#label> "A third"@en .
                    """), null)).validate(false).build().run();
            release(store, "4", out).previous(out.resolve("3")).build().run();
        }
        for (int n = 1; n < 4; n++) {
            DatasetGraph before = labelled(out.resolve(n + "/" + Release.dumpFile("" + n)));
            RDFPatchOps.applyChange(before, RDFPatchOps.read(out.resolve((n + 1) + "/changes.rdfp").toString()));
            DatasetGraph after = labelled(out.resolve((n + 1) + "/" + Release.dumpFile("" + (n + 1))));
            assertEquals(quads(after), quads(before), "release " + n + " patched is release " + (n + 1));
        }
        String changes3 = Files.readString(out.resolve("3/CHANGES.md"));
        assertTrue(changes3.startsWith("# ctkg 3: changes since 2"), changes3);
        assertTrue(changes3.contains("<https://w3id.org/ctkg/id/organization/other>"), changes3);
        assertTrue(changes3.contains("<https://w3id.org/ctkg/id/organization/shelter>"), changes3);
        assertTrue(changes3.matches("(?s).*\\| " + NOTES + " \\| 21 \\| 3 \\| 3 \\| 21 \\|.*"), changes3);
        String changes4 = Files.readString(out.resolve("4/CHANGES.md"));
        assertTrue(changes4.contains("## Graphs added\n\n- <https://w3id.org/ctkg/graph/added>"), changes4);
    }

    @Test
    void aRestrictedGraphIsNeverReleasedNorNamed() throws Exception {
        try (Store store = store("store", SHELTERS)) {
            Release r = release(store, "1", tmp.resolve("out")).restricted(g -> g.getURI().equals(NOTES)).build().run().release();
            assertFalse(Files.exists(r.dir().resolve("graphs/notes.ttl")));
            for (String name : files(r.dir()))
                if (!name.endsWith(".gz"))
                    assertFalse(Files.readString(r.dir().resolve(name)).contains(NOTES), name + " names the restricted graph");
            assertTrue(CanonicalDump.readLines(r.dump()).stream().noneMatch(l -> new String(l, StandardCharsets.UTF_8).contains(NOTES)));
            assertFalse(r.graphTriples().containsKey(NOTES));
        }
    }

    @Test
    void aGraphTheStoreRecordsRestrictedIsNeverReleasedNorNamed() throws Exception {
        try (Store store = Store.open(tmp.resolve("restricted"))) {
            LoadJob.create(store).source(RdfFile.of(file("restricted.ttl", SHELTERS), null)).graph(NodeFactory.createURI(NOTES))
                   .validate(false).access(Access.RESTRICTED).build().run();
            Release r = release(store, "1", tmp.resolve("out")).build().run().release();
            assertFalse(Files.exists(r.dir().resolve("graphs/notes.ttl")));
            for (String hidden : List.of(NOTES, AccessLevels.GRAPH.getURI(), AccessLevels.RESTRICTED_PROVENANCE.getURI())) {
                for (String name : files(r.dir()))
                    if (!name.endsWith(".gz"))
                        assertFalse(Files.readString(r.dir().resolve(name)).contains(hidden), name + " names " + hidden);
                assertTrue(CanonicalDump.readLines(r.dump()).stream().noneMatch(l -> new String(l, StandardCharsets.UTF_8).contains(hidden)), hidden);
                assertFalse(r.graphTriples().containsKey(hidden));
            }
        }
    }

    @Test
    void theCatalogueConformsAndOneMissingAMandatoryPropertyDoesNot() throws Exception {
        try (Store store = store("store", SHELTERS)) {
            ReleaseJob.Outcome done = release(store, "1", tmp.resolve("out")).build().run();
            Graph catalogue = GraphFactory.createDefaultGraph();
            RDFParser.source(done.release().dir().resolve(Catalogue.FILE)).parse(catalogue);
            var report = CatalogueShapes.validate(catalogue);
            assertEquals(List.of(), CatalogueShapes.lines(report, org.apache.jena.shacl.validation.Severity.Violation));
            assertTrue(done.warnings().stream().anyMatch(w -> w.contains("dcterms:license")), "graphs without a licence are reported: " + done.warnings());
            Node notes = NodeFactory.createURI("https://w3id.org/ctkg/release/1/notes");
            assertTrue(catalogue.contains(notes, org.apache.jena.vocabulary.DCTerms.rights.asNode(), NodeFactory.createLiteralLang("No licence is stated in the store for this graph.", "en")));
            Node vocabulary = NodeFactory.createURI("https://w3id.org/ctkg/release/1/vocabulary");
            assertTrue(catalogue.contains(vocabulary, org.apache.jena.vocabulary.DCTerms.license.asNode(), NodeFactory.createURI("https://creativecommons.org/licenses/by/4.0/")),
                    "the vocabulary graph's licence is its source's, the ontology's");
            Node countries = NodeFactory.createURI("https://w3id.org/ctkg/release/1/iso-3166-1");
            assertTrue(catalogue.contains(countries, org.apache.jena.vocabulary.DCTerms.license.asNode(), NodeFactory.createURI("http://spdx.org/licenses/LGPL-2.1-or-later")),
                    "the countries graph's licence is its source's, Debian iso-codes'");
            Node tiers = NodeFactory.createURI("https://w3id.org/ctkg/release/1/us-tip-tiers");
            assertFalse(catalogue.contains(tiers, org.apache.jena.vocabulary.DCTerms.license.asNode(), Node.ANY), "a source that states no licence gets none");
            assertTrue(catalogue.contains(tiers, org.apache.jena.vocabulary.DCTerms.rights.asNode(),
                    NodeFactory.createLiteralLang("US government findings; the compilation states no licence", "en")), "it gets the rights its source states");

            catalogue.remove(notes, org.apache.jena.vocabulary.DCTerms.title.asNode(), Node.ANY);
            List<String> broken = CatalogueShapes.lines(CatalogueShapes.validate(catalogue), org.apache.jena.shacl.validation.Severity.Violation);
            assertEquals(1, broken.size(), broken.toString());
            assertTrue(broken.get(0).contains("dcterms:title"), broken.toString());
        }
    }

    @Test
    void aReleaseThatFailsLeavesNothingBehind() throws Exception {
        Path out = tmp.resolve("out");
        Shapes stricter = Shapes.parse(RDFParser.fromString("""
                @prefix sh: <http://www.w3.org/ns/shacl#> .
                [] a sh:NodeShape ; sh:targetClass <http://www.w3.org/ns/dcat#Dataset> ;
                   sh:property [ sh:path <http://purl.org/dc/terms/publisher> ; sh:minCount 1 ] .
                """, Lang.TURTLE).toGraph());
        try (Store store = store("store", SHELTERS)) {
            LoadException e = assertThrows(LoadException.class,
                    () -> release(store, "1", out).check(c -> ShaclValidator.get().validate(stricter, c)).build().run());
            assertEquals(LoadException.Kind.INTERNAL, e.kind());
            assertTrue(e.getMessage().contains("does not conform"), e.getMessage());
            assertEquals(List.of(), files(out), "nothing left in " + out);

            release(store, "1", out).build().run();
            LoadException again = assertThrows(LoadException.class, () -> release(store, "1", out).build().run());
            assertEquals(LoadException.Kind.BAD_INPUT, again.kind());
            Files.createDirectories(tmp.resolve("not-a-release"));
            LoadException notRelease = assertThrows(LoadException.class, () -> release(store, "2", out).previous(tmp.resolve("not-a-release")).build().run());
            assertEquals(LoadException.Kind.BAD_INPUT, notRelease.kind());
            assertTrue(notRelease.getMessage().contains("not a ctkg release"), notRelease.getMessage());
            assertEquals(List.of("1"), Files.list(out).map(p -> p.getFileName().toString()).toList());
        }
    }

    /** The files of a directory, relative, sorted. */
    private static List<String> files(Path dir) throws IOException {
        if (!Files.exists(dir))
            return List.of();
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString()).filter(n -> !Files.isDirectory(dir.resolve(n))).sorted().toList();
        }
    }

    private static List<String> notes(Release r) throws IOException {
        return CanonicalDump.readLines(r.dump()).stream().map(l -> new String(l, StandardCharsets.UTF_8))
                .filter(l -> l.endsWith("<" + NOTES + "> .\n")).toList();
    }

    private static java.io.InputStream gunzip(Path dump) throws IOException {
        return new java.util.zip.GZIPInputStream(Files.newInputStream(dump));
    }

    private static DatasetGraph labelled(Path dump) throws IOException {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        RDFParser.source(gunzip(dump)).lang(Lang.NQUADS).labelToNode(LabelToNode.createUseLabelAsGiven()).parse(dsg);
        return dsg;
    }

    private static List<String> quads(DatasetGraph dsg) {
        List<String> lines = new ArrayList<>();
        dsg.find().forEachRemaining(q -> lines.add(q.toString()));
        lines.sort(null);
        return lines;
    }

}
