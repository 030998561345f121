package org.ctkg.server.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdfpatch.changes.RDFChangesBase;
import org.apache.jena.rdfpatch.system.DatasetGraphChanges;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.ctkg.loader.Stores;
import org.ctkg.server.CtkgServer;
import org.ctkg.testkit.CaseRecordFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published case counts follow writers' SPARQL Updates and Graph Store writes of restricted
 * graphs: generated case records live-loaded restricted into four graphs (threshold 5, the
 * server's), then as a writer an INSERT DATA of a new record, a DELETE of records, DROP GRAPH, a
 * Graph Store PUT and DELETE; after each, every published cell is checked against a count the test
 * makes itself over the raw records. Writes to a public graph leave the cube's triples as they
 * were, writes into the cube's graph are refused, and a failing update changes nothing. The store
 * is served through a change log like a replicated writer's, whose committed changes must carry
 * the recomputed cube. Real server on port 0, real TDB2, HTTP.
 */
class CaseCountsFollowWritesTest {
    static final int K = 5;
    static final String CTKG = "https://w3id.org/ctkg/ontology#";
    static final String PREFIXES = "PREFIX ctkg: <" + CTKG + ">\nPREFIX qb: <http://purl.org/linked-data/cube#>\n"
            + "PREFIX prov: <http://www.w3.org/ns/prov#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
            + "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n";
    static final String CUBE = "https://w3id.org/ctkg/graph/case-counts";
    static final String A = "https://w3id.org/ctkg/graph/cases-a", B = "https://w3id.org/ctkg/graph/cases-b",
            C = "https://w3id.org/ctkg/graph/cases-c", D = "https://w3id.org/ctkg/graph/cases-d";
    static final String PUBLIC = "https://w3id.org/ctkg/graph/notes";
    /** The dimensions as the test knows them, in the cube's order. */
    static final List<String> DIMENSIONS = List.of("countryOfExploitation", "yearOfRegistration", "formOfExploitation", "gender", "ageBand", "citizenship");
    static final String ID = "https://w3id.org/ctkg/id/";

    @TempDir
    static Path tmp;
    static CtkgServer server;
    static Client anonymous, writer;
    static final ChangeLog log = new ChangeLog();

    /** The changes of each committed write transaction, as a replicated writer publishes them. */
    static final class ChangeLog extends RDFChangesBase {
        private final List<Quad[]> pending = new ArrayList<>();
        private final List<List<Quad[]>> committed = new ArrayList<>();

        @Override
        public synchronized void add(Node g, Node s, Node p, Node o) {
            pending.add(new Quad[] {Quad.create(g, s, p, o), null});
        }

        @Override
        public synchronized void delete(Node g, Node s, Node p, Node o) {
            pending.add(new Quad[] {null, Quad.create(g, s, p, o)});
        }

        @Override
        public synchronized void txnCommit() {
            if (!pending.isEmpty())
                committed.add(new ArrayList<>(pending));
            pending.clear();
        }

        @Override
        public synchronized void txnAbort() {
            pending.clear();
        }

        synchronized int commits() {
            return committed.size();
        }

        /** The cube's triples after the last committed transaction's changes of its graph are applied to {@code before}. */
        synchronized Set<Triple> applyLast(Set<Triple> before) {
            Set<Triple> after = new HashSet<>(before);
            Node cube = NodeFactory.createURI(CUBE);
            for (Quad[] change : committed.get(committed.size() - 1)) {
                if (change[0] != null && cube.equals(change[0].getGraph()))
                    after.add(change[0].asTriple());
                if (change[1] != null && cube.equals(change[1].getGraph()))
                    after.remove(change[1].asTriple());
            }
            return after;
        }
    }

    @BeforeAll
    static void start() throws Exception {
        server = CtkgServer.create().port(0).dataset(new DatasetGraphChanges(Stores.curatedScratch(), log))
                .writer("writer", "writer-pw").minCell(K).build().start();
        anonymous = Client.anonymous(server.baseUrl());
        writer = Client.as(server.baseUrl(), "writer", "writer-pw");
        load(A, 1, 20_000);
        load(B, 2, 3_000);
        load(C, 3, 3_000);
        load(D, 4, 3_000);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static void load(String graph, long seed, long triples) throws Exception {
        Path cases = CaseRecordFiles.write(Files.createDirectories(tmp.resolve("seed-" + seed)), seed, triples);
        HttpResponse<String> r = writer.post(CtkgServer.LOAD_PATH + "?access=restricted&name=cases.nt&graph=" + Client.enc(graph),
                "application/n-triples", Files.readString(cases));
        assertEquals(200, r.statusCode(), r.body());
    }

    static String update(String text) {
        return PREFIXES + text;
    }

    static HttpResponse<String> writerUpdate(String text) throws Exception {
        return writer.post("/ctkg/update", "application/sparql-update", update(text));
    }

    static void updated(String text) throws Exception {
        HttpResponse<String> r = writerUpdate(text);
        assertEquals(204, r.statusCode(), r.body());
    }

    /** A new record, in the generator's words. */
    static String record(String name, String gender) {
        String r = "<" + ID + "case/" + name + ">";
        return r + " a ctkg:CaseRecord ; ctkg:yearOfRegistration \"2023\"^^xsd:gYear ; ctkg:gender \"" + gender + "\" ; ctkg:ageBand \"18-20\" ;"
                + " ctkg:citizenship <" + ID + "country/npl> ; ctkg:countryOfExploitation <" + ID + "country/tha> ;"
                + " ctkg:formOfExploitation <" + ID + "crime/forced-labour> .";
    }

    /** The cube's graph as N-Triples lines, sorted: what "unchanged" compares. */
    static String cubeText() throws Exception {
        HttpResponse<String> r = writer.get("/ctkg/data?graph=" + Client.enc(CUBE), "application/n-triples");
        assertEquals(200, r.statusCode(), r.body());
        return String.join("\n", r.body().lines().sorted().toList());
    }

    static Graph parse(String ntriples) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(ntriples, Lang.NTRIPLES).parse(g);
        return g;
    }

    static Set<Triple> cubeTriples() throws Exception {
        return new HashSet<>(parse(cubeText()).find().toList());
    }

    static long records(String graph) throws Exception {
        return writer.count(PREFIXES + "SELECT (COUNT(*) AS ?n) { GRAPH <" + graph + "> { ?r a ctkg:CaseRecord } }");
    }

    /**
     * Checks every published cell against the raw records (counted here, as the records are, over
     * every restricted graph): the cells with records and no others; a count only when at least K,
     * and then the direct count; below K always suppressed, as "suppressed (fewer than 5)", never 0.
     * Returns the published total.
     */
    static long assertCountsFollowTheRecords() throws Exception {
        Map<String, Map<List<Node>, Integer>> direct = directCounts();
        Map<String, Map<List<Node>, Integer>> published = new TreeMap<>();
        Graph cube = parse(cubeText());
        Node inDataSet = NodeFactory.createURI("http://purl.org/linked-data/cube#dataSet");
        Node count = NodeFactory.createURI(CTKG + "caseCount"), status = NodeFactory.createURI(CTKG + "caseCountStatus");
        int suppressed = 0;
        for (Node obs : cube.find(Node.ANY, inDataSet, Node.ANY).mapWith(Triple::getSubject).toList()) {
            List<String> dims = new ArrayList<>();
            List<Node> values = new ArrayList<>();
            for (String d : DIMENSIONS) {
                List<Node> v = cube.find(obs, by(d), Node.ANY).mapWith(Triple::getObject).toList();
                if (!v.isEmpty()) {
                    dims.add(d);
                    values.add(v.get(0));
                }
            }
            List<Node> n = cube.find(obs, count, Node.ANY).mapWith(Triple::getObject).toList();
            List<Node> st = cube.find(obs, status, Node.ANY).mapWith(Triple::getObject).toList();
            assertEquals(1, n.size() + st.size(), obs + ": one count or one status");
            int value;
            if (n.isEmpty()) {
                assertEquals("suppressed (fewer than " + K + ")", st.get(0).getLiteralLexicalForm(), obs.toString());
                value = -1;
                suppressed++;
            } else {
                value = Integer.parseInt(n.get(0).getLiteralLexicalForm());
                assertTrue(value >= K, obs + " publishes " + value + ", under " + K);
            }
            assertEquals(null, published.computeIfAbsent(String.join("-", dims), t -> new HashMap<>()).put(values, value), "two observations of " + obs);
        }
        assertEquals(42, direct.size());
        assertTrue(suppressed > 0, "some cells are suppressed");
        for (Map.Entry<String, Map<List<Node>, Integer>> table : direct.entrySet()) {
            Map<List<Node>, Integer> cells = published.getOrDefault(table.getKey(), Map.of());
            assertEquals(table.getValue().keySet(), cells.keySet(), "the cells of " + table.getKey() + ": those with records, no others");
            for (Map.Entry<List<Node>, Integer> cell : table.getValue().entrySet()) {
                int shown = cells.get(cell.getKey());
                if (cell.getValue() < K)
                    assertEquals(-1, shown, table.getKey() + " " + cell.getKey() + " has " + cell.getValue() + " records: suppressed");
                else if (shown != -1)
                    assertEquals(cell.getValue(), shown, table.getKey() + " " + cell.getKey());
            }
        }
        return published.get("").get(List.of());
    }

    static Node by(String dimension) {
        return NodeFactory.createURI(CTKG + "by" + Character.toUpperCase(dimension.charAt(0)) + dimension.substring(1));
    }

    /** Per table (its dimensions joined by '-'), each cell's count over the raw records: a record counts once in each cell whose values it has. */
    static Map<String, Map<List<Node>, Integer>> directCounts() throws Exception {
        HttpResponse<String> r = writer.query(PREFIXES + "CONSTRUCT { ?r ?p ?v } { ?r a ctkg:CaseRecord ; ?p ?v"
                + " FILTER(?p IN (ctkg:countryOfExploitation, ctkg:yearOfRegistration, ctkg:formOfExploitation, ctkg:gender, ctkg:ageBand, ctkg:citizenship)) }",
                "application/n-triples");
        assertEquals(200, r.statusCode(), r.body());
        Map<Node, Map<String, List<Node>>> records = new HashMap<>();
        parse(r.body()).find().forEachRemaining(t -> records.computeIfAbsent(t.getSubject(), s -> new HashMap<>())
                .computeIfAbsent(t.getPredicate().getLocalName(), p -> new ArrayList<>()).add(t.getObject()));
        HttpResponse<String> all = writer.query(PREFIXES + "SELECT ?r { ?r a ctkg:CaseRecord }", "text/csv");
        all.body().lines().skip(1).forEach(iri -> records.computeIfAbsent(NodeFactory.createURI(iri.strip()), s -> new HashMap<>()));
        Map<String, Map<List<Node>, Integer>> tables = new TreeMap<>();
        for (int mask = 0; mask < 64; mask++) {
            if (Integer.bitCount(mask) > 3)
                continue;
            List<String> dims = new ArrayList<>();
            for (int i = 0; i < 6; i++)
                if ((mask & 1 << i) != 0)
                    dims.add(DIMENSIONS.get(i));
            Map<List<Node>, Integer> cells = new HashMap<>();
            for (Map<String, List<Node>> values : records.values())
                combinations(values, dims, 0, new ArrayList<>(), cells);
            tables.put(String.join("-", dims), cells);
        }
        return tables;
    }

    private static void combinations(Map<String, List<Node>> values, List<String> dims, int i, List<Node> cell, Map<List<Node>, Integer> cells) {
        if (i == dims.size()) {
            cells.merge(List.copyOf(cell), 1, Integer::sum);
            return;
        }
        for (Node v : values.getOrDefault(dims.get(i), List.of())) {
            cell.add(v);
            combinations(values, dims, i + 1, cell, cells);
            cell.remove(cell.size() - 1);
        }
    }

    @Test
    void anInsertedRecordIsCountedInTheSameTransactionAndTheCubeIsPublishedWithIt() throws Exception {
        long before = assertCountsFollowTheRecords();
        Set<Triple> cubeBefore = cubeTriples();
        int commits = log.commits();
        updated("INSERT DATA { GRAPH <" + A + "> { " + record("inserted-1", "Woman") + " } }");
        assertEquals(before + 1, assertCountsFollowTheRecords(), "the total counts the new record");
        assertEquals(commits + 1, log.commits(), "one transaction");
        assertEquals(cubeTriples(), log.applyLast(cubeBefore), "the committed changes carry the recomputed cube");

        // The method's provenance: the server's threshold, and an activity of the update's own, restricted, without its text.
        assertEquals(K, anonymous.count(PREFIXES + "SELECT ?n { GRAPH <" + CUBE + "> { <" + CUBE + "> ctkg:minCell ?n } }"));
        String activity = anonymous.select(PREFIXES + "SELECT ?a { GRAPH <" + CUBE + "> { <" + CUBE + "> prov:wasGeneratedBy ?a } }")
                .next().getResource("a").getURI();
        assertTrue(activity.startsWith(ID + "write/"), activity);
        assertEquals(1, writer.count(PREFIXES + "SELECT (COUNT(*) AS ?n) { GRAPH <https://w3id.org/ctkg/graph/provenance-restricted> { <" + activity
                + "> a prov:Activity ; rdfs:label \"SPARQL Update by writer\" ; prov:startedAtTime ?s ; prov:endedAtTime ?e } }"));
        assertEquals(0, writer.count(PREFIXES + "SELECT (COUNT(*) AS ?n) { <" + activity + "> ?p ?o FILTER(CONTAINS(STR(?o), \"inserted-1\")) }"),
                "no text of the update");
        assertEquals(0, anonymous.count(PREFIXES + "SELECT (COUNT(*) AS ?n) { <" + activity + "> ?p ?o }"), "the activity is restricted");
        assertEquals(0, anonymous.count(PREFIXES + "SELECT (COUNT(*) AS ?n) { ?r a ctkg:CaseRecord }"), "the records stay hidden");
    }

    @Test
    void deletedRecordsAreNoLongerCounted() throws Exception {
        long before = assertCountsFollowTheRecords();
        long men = writer.count(PREFIXES + "SELECT (COUNT(*) AS ?n) { GRAPH <" + A + "> { ?r a ctkg:CaseRecord ; ctkg:gender \"Man\" } }");
        assertTrue(men > K, "records to delete: " + men);
        updated("DELETE { GRAPH <" + A + "> { ?r ?p ?o } } WHERE { GRAPH <" + A + "> { ?r ctkg:gender \"Man\" ; ?p ?o } }");
        assertEquals(before - men, assertCountsFollowTheRecords());
        assertEquals(0, writer.count(PREFIXES + "SELECT (COUNT(*) AS ?n) { GRAPH <" + A + "> { ?r ctkg:gender \"Man\" } }"));
    }

    @Test
    void aDroppedGraphIsNoLongerCounted() throws Exception {
        long before = assertCountsFollowTheRecords();
        long inC = records(C);
        assertTrue(inC > 100, "records in C: " + inC);
        updated("DROP GRAPH <" + C + ">");
        assertEquals(0, records(C));
        assertEquals(before - inC, assertCountsFollowTheRecords());
    }

    @Test
    void aGraphStorePutReplacingARestrictedGraphAndADeleteOfOneAreCounted() throws Exception {
        long before = assertCountsFollowTheRecords();
        long inD = records(D), inB = records(B);
        Path replacement = CaseRecordFiles.write(Files.createDirectories(tmp.resolve("seed-9")), 9, 1_500);
        HttpResponse<String> put = writer.put("/ctkg/data?graph=" + Client.enc(D), "application/n-triples", Files.readString(replacement));
        assertTrue(put.statusCode() == 200 || put.statusCode() == 201 || put.statusCode() == 204, put.statusCode() + " " + put.body());
        long replaced = records(D);
        assertNotEquals(inD, replaced);
        assertEquals(before - inD + replaced, assertCountsFollowTheRecords());
        assertEquals(0, anonymous.count(PREFIXES + "SELECT (COUNT(*) AS ?n) { ?r a ctkg:CaseRecord }"), "the replaced graph stays restricted");
        assertEquals(1, writer.count(PREFIXES + "SELECT (COUNT(*) AS ?n) { GRAPH <" + CUBE + "> { <" + CUBE + "> prov:wasGeneratedBy ?a } "
                + "GRAPH ?p { ?a rdfs:label \"Graph Store write by writer\" } }"));

        HttpResponse<String> delete = writer.delete("/ctkg/data?graph=" + Client.enc(B));
        assertEquals(204, delete.statusCode(), delete.body());
        assertEquals(before - inD + replaced - inB, assertCountsFollowTheRecords());
    }

    @Test
    void aWriteToAPublicGraphLeavesTheCubeAsItWas() throws Exception {
        String before = cubeText();
        updated("INSERT DATA { GRAPH <" + PUBLIC + "> { <" + ID + "note/1> rdfs:label \"A public note\" } }");
        assertEquals(1, anonymous.count(PREFIXES + "SELECT (COUNT(*) AS ?n) { GRAPH <" + PUBLIC + "> { ?s ?p ?o } }"), "the write is made");
        assertEquals(before, cubeText(), "the cube's triples, byte for byte");
        HttpResponse<String> post = writer.post("/ctkg/data?graph=" + Client.enc(PUBLIC), "application/n-triples", "<" + ID + "note/2> <http://www.w3.org/2000/01/rdf-schema#label> \"Another\" .");
        assertTrue(post.statusCode() == 200 || post.statusCode() == 201 || post.statusCode() == 204, post.statusCode() + " " + post.body());
        assertEquals(before, cubeText(), "after a Graph Store write too");
        HttpResponse<String> putDefault = writer.put("/ctkg/data?default", "application/n-triples", "<urn:x:a> <urn:x:b> \"in the default graph\" .");
        assertTrue(putDefault.statusCode() == 200 || putDefault.statusCode() == 201 || putDefault.statusCode() == 204, putDefault.statusCode() + " " + putDefault.body());
        updated("CLEAR DEFAULT");
        assertEquals(before, cubeText(), "after writes of the default graph");
    }

    @Test
    void writesIntoTheCubesGraphAreRefusedAndChangeNothing() throws Exception {
        String before = cubeText();
        String fake = "<" + ID + "case-counts/total/all> <" + CTKG + "caseCount> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> .";
        List<HttpResponse<String>> refused = List.of(
                writerUpdate("INSERT DATA { GRAPH <" + CUBE + "> { " + fake + " } }"),
                writerUpdate("DELETE WHERE { GRAPH <" + CUBE + "> { ?o ctkg:caseCount ?n } }"),
                writerUpdate("DROP GRAPH <" + CUBE + ">"),
                writerUpdate("CLEAR ALL"),
                writer.put("/ctkg/data?graph=" + Client.enc(CUBE), "application/n-triples", fake),
                writer.post("/ctkg/data?graph=" + Client.enc(CUBE), "application/n-triples", fake),
                writer.delete("/ctkg/data?graph=" + Client.enc(CUBE)),
                writer.post("/ctkg/data", "application/n-quads", fake.replace(" .", " <" + CUBE + "> .")),
                writer.put("/ctkg/data", "application/n-quads", "<urn:x:a> <urn:x:b> \"c\" <" + PUBLIC + "> ."));
        List<String> wrong = new ArrayList<>();
        for (HttpResponse<String> r : refused)
            if (r.statusCode() != 400 || !r.body().contains(CUBE))
                wrong.add(r.request().method() + " " + r.request().uri() + ": " + r.statusCode() + " " + r.body());
        assertEquals(List.of(), wrong, "each refused with 400 naming the graph");
        assertEquals(before, cubeText(), "the cube as it was");
    }

    @Test
    void aFailingUpdateLeavesRecordsAndCountsAsTheyWere() throws Exception {
        String before = cubeText();
        long inA = records(A);
        HttpResponse<String> midway = writerUpdate("INSERT DATA { GRAPH <" + A + "> { " + record("never-1", "Girl") + " } } ;\n"
                + "DELETE WHERE { GRAPH <" + CUBE + "> { ?o ctkg:caseCount ?n } }");
        assertEquals(400, midway.statusCode(), "refused by the store after the record was written: " + midway.body());
        HttpResponse<String> bad = writerUpdate("INSERT DATA { GRAPH <" + A + "> { " + record("never-2", "Girl") + " } ");
        assertEquals(400, bad.statusCode(), bad.body());
        assertEquals(inA, records(A), "no record added");
        assertEquals(0, writer.count(PREFIXES + "SELECT (COUNT(*) AS ?n) { ?r ctkg:gender \"Girl\" FILTER(CONTAINS(STR(?r), \"never-\")) }"));
        assertEquals(before, cubeText(), "the cube as it was");
    }
}
