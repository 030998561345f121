package org.ctkg.server.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.ctkg.loader.Stores;
import org.ctkg.server.CtkgServer;
import org.ctkg.testkit.CaseRecordFiles;
import org.ctkg.testkit.Shelters;
import org.ctkg.testkit.SparqlHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Load jobs sent to a running server: visible to queries and search once committed, invisible
 * when they fail, refused without credentials, one at a time, and queries answering throughout.
 */
class LiveLoadTest {
    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8));
    private static final String PREFIXES = "PREFIX text: <http://jena.apache.org/text#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n";
    private static final String GRAPH = "https://w3id.org/ctkg/graph/shelters";
    @TempDir
    Path tmp;
    private CtkgServer server;

    @BeforeEach
    void start() {
        server = CtkgServer.create().port(0).dataset(Stores.curatedScratch()).writer("alice", "s3cret").build().start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private HttpResponse<String> load(String query, String contentType, HttpRequest.BodyPublisher body, String auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + CtkgServer.LOAD_PATH + "?" + query))
                .header("Content-Type", contentType).POST(body);
        if (auth != null)
            b.header("Authorization", auth);
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> loadTurtle(String graph, boolean replace, String name, String turtle) throws Exception {
        return load("graph=" + URLEncoder.encode(graph, StandardCharsets.UTF_8) + (replace ? "&replace=true" : "") + "&name=" + name,
                "text/turtle", HttpRequest.BodyPublishers.ofString(turtle), AUTH);
    }

    private static JsonObject json(HttpResponse<String> r) {
        return Json.createReader(new StringReader(r.body())).readObject();
    }

    private List<String> textQuery(String words) throws Exception {
        return SparqlHttp.select(server.sparqlUrl(), PREFIXES + "SELECT ?s WHERE { ?s text:query \"" + words + "\" }")
                .stream().map(r -> r.get(0)).toList();
    }

    private List<String> everything() throws Exception {
        return SparqlHttp.quads(server.baseUrl() + "/" + CtkgServer.DATASET + "/data");
    }

    @Test
    void aLiveLoadIsSeenByQueriesAndSearchOnceCommitted() throws Exception {
        assertTrue(textQuery("zebrafinch").isEmpty());
        HttpResponse<String> r = loadTurtle(GRAPH, false, "shelters.ttl", Shelters.turtle("zebrafinch-house", "Zebrafinch House"));
        assertEquals(200, r.statusCode(), r.body());
        JsonObject answer = json(r);
        assertEquals("committed", answer.getString("outcome"));
        assertEquals(0, answer.getInt("exitCode"));
        assertTrue(answer.getString("summary").contains("added=2"), answer.toString());
        assertEquals(List.of(List.of("Zebrafinch House")), SparqlHttp.select(server.sparqlUrl(),
                "SELECT ?l { GRAPH <" + GRAPH + "> { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l } }"));
        assertEquals(List.of("https://w3id.org/ctkg/id/organization/zebrafinch-house"), textQuery("zebrafinch"), "the text index follows the load");
        List<List<String>> provenance = SparqlHttp.select(server.sparqlUrl(),
                "SELECT ?name { GRAPH <https://w3id.org/ctkg/graph/provenance> { ?job <http://www.w3.org/ns/prov#used> [ <https://w3id.org/ctkg/ontology#fileName> ?name ] } }");
        assertTrue(provenance.contains(List.of("shelters.ttl")), "recorded under the name the client gave: " + provenance);
        String voidDescription = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/ctkg/void"))
                .header("Accept", "application/n-triples").build(), HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(voidDescription.contains(GRAPH), "the VoID description follows the load");
    }

    @Test
    void aGzippedUploadIsAccepted() throws Exception {
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (var gz = new java.util.zip.GZIPOutputStream(zipped)) {
            gz.write(Shelters.turtle("gnu-house", "Gnu House").getBytes(StandardCharsets.UTF_8));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + CtkgServer.LOAD_PATH + "?name=gnu.ttl&graph="
                        + URLEncoder.encode(GRAPH, StandardCharsets.UTF_8)))
                .header("Content-Type", "text/turtle").header("Content-Encoding", "gzip").header("Authorization", AUTH)
                .POST(HttpRequest.BodyPublishers.ofByteArray(zipped.toByteArray())).build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(List.of("https://w3id.org/ctkg/id/organization/gnu-house"), textQuery("gnu"));
    }

    /**
     * A job larger than the server's bound is refused with 413 naming the bound, whether its
     * length is announced, sent in chunks, or reached only when its zip is expanded; the store is unchanged.
     */
    @Test
    void uploadsOverTheServersBoundAreRefusedWith413() throws Exception {
        CtkgServer small = CtkgServer.create().port(0).dataset(Stores.curatedScratch()).writer("alice", "s3cret").maxUploadBytes(4_000).build().start();
        try {
            String big = Shelters.turtle("big", "B".repeat(5_000));
            java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
            try (var zip = new java.util.zip.ZipOutputStream(zipped)) {
                zip.putNextEntry(new java.util.zip.ZipEntry("files/big.ttl"));
                zip.write(big.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            assertTrue(zipped.size() < 4_000, "the zip itself is under the bound: " + zipped.size());
            byte[] plain = big.getBytes(StandardCharsets.UTF_8);
            List<HttpRequest.Builder> requests = List.of(
                    HttpRequest.newBuilder().header("Content-Type", "text/turtle").POST(HttpRequest.BodyPublishers.ofByteArray(plain)),
                    HttpRequest.newBuilder().header("Content-Type", "text/turtle")
                            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(plain))),
                    HttpRequest.newBuilder().header("Content-Type", "application/zip").POST(HttpRequest.BodyPublishers.ofByteArray(zipped.toByteArray())));
            for (HttpRequest.Builder b : requests) {
                HttpResponse<String> r = HttpClient.newHttpClient().send(
                        b.uri(URI.create(small.baseUrl() + CtkgServer.LOAD_PATH + "?graph=urn:x")).header("Authorization", AUTH).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(413, r.statusCode(), r.body());
                assertTrue(json(r).getString("message").contains("at most 4000 bytes"), r.body());
            }
            assertEquals(200, HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(small.baseUrl() + CtkgServer.LOAD_PATH + "?graph=urn:x"))
                    .header("Authorization", AUTH).header("Content-Type", "text/turtle")
                    .POST(HttpRequest.BodyPublishers.ofString(Shelters.turtle("small", "Small"))).build(), HttpResponse.BodyHandlers.ofString()).statusCode(),
                    "a job under the bound is loaded");
            assertTrue(SparqlHttp.select(small.sparqlUrl(), "SELECT ?s { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l FILTER(STRLEN(?l) > 4000) }").isEmpty(),
                    "nothing of the refused jobs is in the store");
        } finally {
            small.stop();
        }
    }

    @Test
    void zipEntriesOutsideFilesAndMappingAreRefused() throws Exception {
        List<String> before = everything();
        for (String entry : new String[] {"../evil.ttl", "files/../../evil.ttl", "files/sub/evil.ttl", "other/evil.ttl"}) {
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            try (var zip = new java.util.zip.ZipOutputStream(body)) {
                zip.putNextEntry(new java.util.zip.ZipEntry(entry));
                zip.write(Shelters.turtle("evil", "Evil").getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            HttpResponse<String> r = load("graph=urn:x", "application/zip", HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()), AUTH);
            assertEquals(400, r.statusCode(), entry + ": " + r.body());
            assertTrue(json(r).getString("message").contains("entries must be files/NAME or mapping/NAME"), r.body());
        }
        assertEquals(before, everything());
    }

    @Test
    void aFailingLiveLoadLeavesTheServedDataAsItWas() throws Exception {
        List<String> before = everything();
        HttpResponse<String> syntax = loadTurtle(GRAPH, false, "broken.ttl", "<https://x.org/a> <https://x.org/b> .");
        assertEquals(400, syntax.statusCode(), syntax.body());
        assertEquals(2, json(syntax).getInt("exitCode"));
        assertTrue(json(syntax).getString("message").startsWith("broken.ttl:1:"), syntax.body());
        HttpResponse<String> invalid = loadTurtle(GRAPH, false, "nameless.ttl",
                "<https://w3id.org/ctkg/id/organization/x> a <https://w3id.org/ctkg/ontology#Organization> .");
        assertEquals(422, invalid.statusCode(), invalid.body());
        assertEquals(3, json(invalid).getInt("exitCode"));
        assertTrue(json(invalid).getString("report").contains("<https://w3id.org/ctkg/id/organization/x>"), invalid.body());
        assertEquals("unchanged", json(invalid).getString("store"));
        assertEquals(before, everything(), "nobody sees any of a failed job");
    }

    @Test
    void withoutCredentialsNothingIsParsedOrWritten() throws Exception {
        List<String> before = everything();
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofString(Shelters.turtle("x", "X"));
        assertEquals(401, load("graph=urn:x", "text/turtle", body, null).statusCode());
        String wrong = "Basic " + Base64.getEncoder().encodeToString("alice:guess".getBytes(StandardCharsets.UTF_8));
        assertEquals(401, load("graph=urn:x", "text/turtle", body, wrong).statusCode());
        assertEquals(before, everything());
        CtkgServer readOnly = CtkgServer.create().port(0).dataset(Stores.curatedScratch()).build().start();
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(readOnly.baseUrl() + CtkgServer.LOAD_PATH))
                    .header("Content-Type", "text/turtle").POST(body).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(403, r.statusCode());
            assertTrue(r.body().contains("read-only"), r.body());
        } finally {
            readOnly.stop();
        }
    }

    @Test
    void searchFollowsAReplaceAndIgnoresARolledBackJob() throws Exception {
        assertEquals(200, loadTurtle(GRAPH, false, "a.ttl", Shelters.turtle("okapi", "Okapiwood Refuge")).statusCode());
        assertEquals(List.of("https://w3id.org/ctkg/id/organization/okapi"), textQuery("okapiwood"));
        assertEquals(200, loadTurtle(GRAPH, true, "b.ttl", Shelters.turtle("bongo", "Bongoleaf Refuge")).statusCode());
        assertTrue(textQuery("okapiwood").isEmpty(), "what --replace removed is no longer found");
        assertEquals(List.of("https://w3id.org/ctkg/id/organization/bongo"), textQuery("bongoleaf"));
        HttpResponse<String> failed = loadTurtle(GRAPH, true, "c.ttl", Shelters.turtle("duiker", "Duikerfern Refuge") + "<broken");
        assertEquals(400, failed.statusCode());
        assertTrue(textQuery("duikerfern").isEmpty(), "a rolled-back job is not searchable");
        assertEquals(List.of("https://w3id.org/ctkg/id/organization/bongo"), textQuery("bongoleaf"), "and the replace it tried did not happen");
    }

    private JsonObject status() throws Exception {
        return json(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + CtkgServer.LOAD_PATH))
                .header("Authorization", AUTH).GET().build(), HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void oneJobAtATimeASecondIsRefusedWhileTheFirstRuns() throws Exception {
        // The first job's upload is held open on a raw socket (chunked), so it is surely running.
        try (java.net.Socket socket = new java.net.Socket("localhost", server.port())) {
            var upload = socket.getOutputStream();
            String path = CtkgServer.LOAD_PATH + "?name=first.ttl&graph=" + URLEncoder.encode(GRAPH, StandardCharsets.UTF_8);
            upload.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + AUTH + "\r\nContent-Type: text/turtle\r\n"
                    + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] part = Shelters.turtle("first", "First Shelter").getBytes(StandardCharsets.UTF_8);
            upload.write((Integer.toHexString(part.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            upload.write(part);
            upload.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            upload.flush();
            long deadline = System.currentTimeMillis() + 10_000;
            while (!status().getBoolean("running") && System.currentTimeMillis() < deadline)
                Thread.sleep(20);
            JsonObject running = status();
            assertEquals("receiving", running.getString("phase", ""), running.toString());

            HttpResponse<String> second = loadTurtle(GRAPH, false, "second.ttl", Shelters.turtle("second", "Second Shelter"));
            assertEquals(409, second.statusCode(), second.body());
            assertTrue(json(second).getString("message").contains("another load job is running"), second.body());

            upload.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            upload.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
            assertTrue(answer.contains("\"outcome\":\"committed\""), answer);
        }
        assertFalse(status().getBoolean("running"));
        assertEquals(List.of(List.of("First Shelter")), SparqlHttp.select(server.sparqlUrl(),
                "SELECT ?l { GRAPH <" + GRAPH + "> { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l } }"), "only the first job's data");
    }

    @Test
    void queriesKeepAnsweringFromTheLastCommitDuringALargeLiveLoad() throws Exception {
        Path cases = CaseRecordFiles.write(tmp, 7, 300_000);
        String countCases = "SELECT (COUNT(*) AS ?n) { ?r a <https://w3id.org/ctkg/ontology#CaseRecord> }";
        CompletableFuture<HttpResponse<String>> job = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + CtkgServer.LOAD_PATH + "?name=cases.nt&graph=urn:test:cases"))
                        .header("Content-Type", "application/n-triples").header("Authorization", AUTH)
                        .POST(HttpRequest.BodyPublishers.ofFile(cases)).build(),
                HttpResponse.BodyHandlers.ofString());
        List<String> seenDuring = new ArrayList<>();
        while (!job.isDone()) {
            // Readers are not held up by the job (TDB2's readers see the last commit): several
            // queries are answered while it runs, however fast or slow the machine is.
            String n = SparqlHttp.select(server.sparqlUrl(), countCases).get(0).get(0);
            if (!job.isDone())
                seenDuring.add(n);
            Thread.sleep(50);
        }
        assertEquals(200, job.get().statusCode(), job.get().body());
        long after = Long.parseLong(SparqlHttp.select(server.sparqlUrl(), countCases).get(0).get(0));
        assertTrue(seenDuring.size() >= 3, "queries answered during the load: " + seenDuring.size());
        assertTrue(seenDuring.stream().allMatch(n -> n.equals("0") || n.equals(Long.toString(after))),
                   "during the job, queries see the last commit (none of it) or, once it has committed, all of it: " + seenDuring);
        assertTrue(seenDuring.contains("0"), "the job ran while queries saw the state before it");
        long records;
        try (var lines = Files.lines(cases)) {
            records = lines.filter(l -> l.contains("> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/ctkg/ontology#CaseRecord> .")).count();
        }
        assertTrue(records > 10_000, "a large job: " + records + " case records");
        assertEquals(records, after, "after it, all of it");
    }
}
