package org.ctkg.server.releases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.ctkg.loader.Access;
import org.ctkg.loader.LoadJob;
import org.ctkg.loader.Store;
import org.ctkg.loader.source.RdfFile;
import org.ctkg.server.CtkgServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The home page's dataset markup says what the data covers as the store has it: its years, the
 * countries its statements are about and what its records measure, each checked against the
 * store's own quads; a restricted graph's years and countries appear to its reader only; a funder
 * and another page about the dataset appear once the store states them, not before.
 */
class DatasetCoverageTest {
    private static final String CTKG = "https://w3id.org/ctkg/ontology#";
    private static final Node DATASET = NodeFactory.createURI("https://w3id.org/ctkg/dataset");
    private static final Node COUNTRY = NodeFactory.createURI(CTKG + "Country");
    private static final List<String> MEASURES = List.of("tier", "exploitationFound", "isParty", "value");
    private static final String HIDDEN_COUNTRY = "https://w3id.org/ctkg/id/country/zz-hidden";

    @TempDir
    static Path tmp;
    private static Store store;
    private static CtkgServer server;

    @BeforeAll
    static void start() throws Exception {
        store = Store.open(tmp.resolve("store"));
        load("restricted", Access.RESTRICTED, "<https://w3id.org/ctkg/id/case/x> a <" + CTKG + "CaseRecord> ; <" + CTKG + "yearOfRegistration> \"1890\"^^<"
                + XSDDatatype.XSDgYear.getURI() + "> ; <" + CTKG + "countryOfExploitation> <" + HIDDEN_COUNTRY + "> . <" + HIDDEN_COUNTRY + "> a <" + CTKG + "Country> .");
        Path readers = Files.writeString(tmp.resolve("readers"), "alice: alice-pw restricted\n");
        server = CtkgServer.create().port(0).dataset(store.dataset()).readers(readers).build().start();
    }

    @AfterAll
    static void stop() {
        if (server != null)
            server.stop();
        if (store != null)
            store.close();
    }

    private static void load(String graph, Access access, String turtle) throws Exception {
        Path file = Files.createTempFile(tmp, "job", ".ttl");
        Files.writeString(file, turtle + "\n", StandardCharsets.UTF_8);
        LoadJob.create(store).source(RdfFile.of(file, null)).graph(NodeFactory.createURI("https://w3id.org/ctkg/graph/" + graph))
                .access(access).validate(false).build().run();
    }

    private static Graph markup(String... credentials) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/"));
        if (credentials.length == 2)
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((credentials[0] + ":" + credentials[1]).getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        return ServedReleasesTest.parse(DatasetMarkupCheck.script(r.body()), Lang.JSONLD);
    }

    @Test
    void theCoverageIsWhatThePublicRecordsSay() throws Exception {
        Graph g = markup();
        DatasetGraph dsg = store.dataset();
        Set<Integer> years = new TreeSet<>();
        Set<Node> countries = new HashSet<>();
        Set<String> measured = new TreeSet<>();
        Txn.executeRead(dsg, () -> {
            for (String p : List.of("year", "referenceYear", "yearOfRegistration"))
                dsg.find(Node.ANY, Node.ANY, NodeFactory.createURI(CTKG + p), Node.ANY).forEachRemaining(q -> {
                    if (!q.getGraph().getURI().endsWith("/restricted") && XSDDatatype.XSDgYear.getURI().equals(q.getObject().getLiteralDatatypeURI()))
                        years.add(Integer.parseInt(q.getObject().getLiteralLexicalForm()));
                });
            // A country as the public sees one: typed in a public graph (the published case counts
            // name the hidden country too, but only the restricted graph says it is a country).
            dsg.find(Node.ANY, Node.ANY, RDF.Nodes.type, COUNTRY).forEachRemaining(q -> {
                if (q.getGraph().getURI().endsWith("/restricted"))
                    return;
                Node c = q.getSubject();
                for (var it = dsg.find(Node.ANY, Node.ANY, Node.ANY, c); it.hasNext();) {
                    Quad in = it.next();
                    if (!in.getSubject().equals(c) && !in.getGraph().getURI().endsWith("/restricted"))
                        countries.add(c);
                }
            });
            for (String m : MEASURES)
                if (dsg.find(Node.ANY, Node.ANY, NodeFactory.createURI(CTKG + m), Node.ANY).hasNext())
                    measured.add(CTKG + m);
        });
        int first = years.iterator().next(), last = ((TreeSet<Integer>) years).last();
        assertTrue(first >= 2000 && !countries.isEmpty() && measured.size() == MEASURES.size(), "the default content: " + years + " " + countries.size() + " " + measured);
        assertEquals(first + "/" + last, DatasetMarkupCheck.value(g, DATASET, "temporalCoverage"));
        assertEquals(countries, Set.copyOf(DatasetMarkupCheck.values(g, DATASET, "spatialCoverage")));
        Node mexico = NodeFactory.createURI("https://w3id.org/ctkg/id/country/mex");
        assertEquals("Mexico", DatasetMarkupCheck.value(g, mexico, "name"));
        assertEquals("MEX", DatasetMarkupCheck.value(g, mexico, "identifier"));
        Set<String> variables = new TreeSet<>();
        for (Node v : DatasetMarkupCheck.values(g, DATASET, "variableMeasured")) {
            String property = DatasetMarkupCheck.value(g, v, "propertyID");
            variables.add(property);
            String label = Txn.calculateRead(dsg, () -> dsg.getUnionGraph().find(NodeFactory.createURI(property), RDFS.Nodes.label, Node.ANY).next()
                    .getObject().getLiteralLexicalForm());
            assertEquals(label, DatasetMarkupCheck.value(g, v, "name"), "named as the ontology names it");
        }
        assertEquals(measured, variables);
        assertEquals(Set.copyOf(DatasetMarkupCheck.values(g, DATASET, "isBasedOn")), Set.copyOf(DatasetMarkupCheck.values(g, DATASET, "citation")),
                "cite the sources too");
        List<Node> parts = DatasetMarkupCheck.values(g, DATASET, "hasPart");
        assertFalse(parts.isEmpty());
        for (Node part : parts)
            assertEquals(DATASET.getURI(), DatasetMarkupCheck.value(g, part, "isPartOf"));
    }

    @Test
    void aRestrictedGraphsYearsAndCountriesAreItsReadersOnly() throws Exception {
        Graph pub = markup(), alice = markup("alice", "alice-pw");
        assertFalse(DatasetMarkupCheck.value(pub, DATASET, "temporalCoverage").startsWith("1890"));
        assertFalse(DatasetMarkupCheck.values(pub, DATASET, "spatialCoverage").contains(NodeFactory.createURI(HIDDEN_COUNTRY)));
        assertTrue(DatasetMarkupCheck.value(alice, DATASET, "temporalCoverage").startsWith("1890/"));
        assertTrue(DatasetMarkupCheck.values(alice, DATASET, "spatialCoverage").contains(NodeFactory.createURI(HIDDEN_COUNTRY)));
        assertFalse(DatasetMarkupCheck.value(markup(), DATASET, "temporalCoverage").startsWith("1890"), "the reader's answer is not kept for the public");
    }

    @Test
    void aFunderAndAnotherPageAboutTheDatasetAppearOnceTheStoreStatesThem() throws Exception {
        DatasetMarkupCheck.assertNotMadeUp(markup(), DATASET);
        String funder = "https://w3id.org/ctkg/id/organization/a-funder";
        load("funding", Access.PUBLIC, "<" + DATASET.getURI() + "> <https://schema.org/funder> <" + funder + "> ; <https://schema.org/sameAs> <https://example.org/ctkg> . <"
                + funder + "> <" + RDFS.label.getURI() + "> \"A funder\" .");
        Graph g = markup();
        assertEquals(funder, DatasetMarkupCheck.value(g, DATASET, "funder"));
        assertEquals("A funder", DatasetMarkupCheck.value(g, NodeFactory.createURI(funder), "name"));
        assertEquals("https://example.org/ctkg", DatasetMarkupCheck.value(g, DATASET, "sameAs"));
    }
}
