package org.ctkg.server.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.ctkg.loader.Stores;
import org.ctkg.server.CtkgServer;
import org.ctkg.server.http.Admission;
import org.ctkg.server.http.CappedQuery;
import org.ctkg.testkit.CaseRecordFiles;
import org.ctkg.testkit.Shelters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The answer cache on a real server over a real TDB2 store, spoken to over HTTP: a repeat is a
 * hit with the same answer and headers; after every kind of write (SPARQL Update, Graph Store PUT,
 * POST and DELETE, a live load, a replace, a write held open while the query ran) the next answer
 * is a miss and the new one; a failed job leaves the answer as it was; the public and readers who
 * may see other restricted graphs never share an answer; errors, answers over the size bound and
 * answers that are not the store's alone (NOW()) are not kept; the hits and misses are in
 * {@code /$/metrics}.
 */
class AnswerCacheTest {
    private static final String HEADER = CachedAnswers.HEADER;
    private static final String JSON = "application/sparql-results+json";
    private static final String WRITER = basic("alice", "s3cret");
    private static final String READER = basic("reeve", "reeve-pw");
    /** A reader allowed another restricted graph only. */
    private static final String OTHER_READER = basic("rook", "rook-pw");
    private static final Pattern COUNT = Pattern.compile("\"value\"\\s*:\\s*\"(\\d+)\"");
    @TempDir
    static Path tmp;
    private static CtkgServer server;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void start() throws Exception {
        Path readers = Files.writeString(tmp.resolve("readers"), "reeve: reeve-pw restricted\nrook: rook-pw https://w3id.org/ctkg/graph/cache-other\n");
        server = CtkgServer.create().port(0).dataset(Stores.curatedScratch()).writer("alice", "s3cret").readers(readers)
                .admission(Admission.defaults().withMaxRequestsPerSecond(0)).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> send(HttpRequest.Builder b, String authorization) throws Exception {
        if (authorization != null)
            b.header("Authorization", authorization);
        return HTTP.send(b.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path, String accept, String authorization) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).header("Accept", accept).GET(), authorization);
    }

    private static HttpResponse<String> query(String query) throws Exception {
        return query(query, null);
    }

    private static HttpResponse<String> query(String query, String authorization) throws Exception {
        return get("/ctkg/sparql?query=" + enc(query), JSON, authorization);
    }

    private static HttpResponse<String> write(String method, String path, String type, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (type != null)
            b.header("Content-Type", type);
        return send(b, WRITER);
    }

    private static String countIn(String graph) {
        return "SELECT (COUNT(*) AS ?n) { GRAPH <" + graph + "> { ?s ?p ?o } }";
    }

    /** The one count of a {@code SELECT (COUNT(…) AS ?n)} answer. */
    private static long count(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        Matcher m = COUNT.matcher(r.body());
        assertTrue(m.find(), r.body());
        return Long.parseLong(m.group(1));
    }

    private static String cache(HttpResponse<String> r) {
        return r.headers().firstValue(HEADER).orElse("none");
    }

    /** Asks twice: the first a miss, the second a hit with the same answer; returns the answer. */
    private static HttpResponse<String> missThenHit(String what, HttpRequestSupplier ask) throws Exception {
        HttpResponse<String> first = ask.get();
        assertEquals(200, first.statusCode(), what + ": " + first.body());
        assertEquals("miss", cache(first), what + " the first time");
        HttpResponse<String> again = ask.get();
        assertEquals("hit", cache(again), what + " again");
        assertEquals(200, again.statusCode());
        assertEquals(first.body(), again.body(), what + ": the same answer");
        assertEquals(first.headers().firstValue("Content-Type"), again.headers().firstValue("Content-Type"), what + ": the same type");
        assertEquals(first.headers().allValues("Vary"), again.headers().allValues("Vary"), what + ": the same Vary");
        return again;
    }

    @FunctionalInterface
    private interface HttpRequestSupplier {
        HttpResponse<String> get() throws Exception;
    }

    @Test
    void aRepeatedQueryOrPageIsAHitWithTheSameAnswer() throws Exception {
        String q = "SELECT ?s ?l { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l } ORDER BY ?s LIMIT 7";
        missThenHit("a GET query", () -> query(q));
        missThenHit("a POSTed query", () -> send(HttpRequest.newBuilder(URI.create(server.sparqlUrl())).header("Accept", JSON)
                .header("Content-Type", "application/sparql-query").POST(HttpRequest.BodyPublishers.ofString(q + " ")), null));
        missThenHit("a query as a form", () -> send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/ctkg/query")).header("Accept", JSON)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("query=" + enc(q + "  "))), null));
        HttpResponse<String> capped = missThenHit("a capped query", () -> query("SELECT ?s { ?s a ?c } # capped"));
        assertTrue(capped.headers().firstValue(CappedQuery.HEADER).isPresent(), "the row cap's header is given again");
        missThenHit("the home page", () -> get("/", "text/html", null));
        missThenHit("a resource page", () -> get("/id/country/mex.html", "text/html", null));
        missThenHit("the ontology page", () -> get("/ontology.html", "text/html", null));
        missThenHit("a resource's Turtle", () -> get("/id/instrument/palermo-protocol.ttl", "text/turtle", null));
        missThenHit("a search", () -> get("/search?q=trafficking", "text/html", null));
        HttpResponse<String> xml = query(q.replace("LIMIT 7", "LIMIT 8"));
        HttpResponse<String> other = get("/ctkg/sparql?query=" + enc(q.replace("LIMIT 7", "LIMIT 8")), "application/sparql-results+xml", null);
        assertEquals("miss", cache(other), "another format is another answer");
        assertNotEquals(xml.body(), other.body());
    }

    /** Headers set before the cache (CORS, security) are set on a hit too; those the servlets set are given again. */
    @Test
    void aHitCarriesTheHeadersOfEveryAnswer() throws Exception {
        String q = "SELECT ?s { ?s a <http://www.w3.org/2002/07/owl#Class> } LIMIT 2";
        HttpRequestSupplier ask = () -> send(HttpRequest.newBuilder(URI.create(server.sparqlUrl() + "?query=" + enc(q)))
                .header("Accept", JSON).header("Origin", "https://example.org").GET(), null);
        HttpResponse<String> first = ask.get();
        assertEquals("miss", cache(first));
        HttpResponse<String> hit = ask.get();
        assertEquals("hit", cache(hit));
        for (String h : new String[] {"Access-Control-Allow-Origin", "X-Content-Type-Options", "Content-Security-Policy"}) {
            assertTrue(first.headers().firstValue(h).isPresent(), h + " on the first answer");
            assertEquals(first.headers().firstValue(h), hit.headers().firstValue(h), h + " on a hit");
        }
        HttpResponse<String> page = missThenHit("a page for a reader", () -> get("/id/country/mex.ttl", "text/turtle", READER));
        assertEquals(List.of("private, no-store"), page.headers().allValues("Cache-Control"), "a reader's answer is never stored by shared caches, hit or not");
    }

    @Test
    void everyKindOfWriteMakesTheNextAnswerAMissAndTheNewOne() throws Exception {
        String g = "urn:test:cache:writes";
        String q = countIn(g);
        assertEquals(0, count(missThenHit("before any write", () -> query(q))));
        assertEquals(204, write("POST", "/ctkg/update", "application/sparql-update", "INSERT DATA { GRAPH <" + g + "> { <urn:a> <urn:b> 1 } }").statusCode());
        assertEquals(1, count(missThenHit("after an update", () -> query(q))));
        int put = write("PUT", "/ctkg/data?graph=" + enc(g), "text/turtle", "<https://example.org/a> <https://example.org/b> 1, 2, 3 .").statusCode();
        assertTrue(put == 200 || put == 204, "PUT: " + put);
        assertEquals(3, count(missThenHit("after a Graph Store PUT", () -> query(q))));
        int post = write("POST", "/ctkg/data?graph=" + enc(g), "text/turtle", "<https://example.org/a> <https://example.org/b> 4 .").statusCode();
        assertTrue(post == 200 || post == 204, "POST: " + post);
        assertEquals(4, count(missThenHit("after a Graph Store POST", () -> query(q))));
        int delete = write("DELETE", "/ctkg/data?graph=" + enc(g), null, null).statusCode();
        assertTrue(delete == 200 || delete == 204, "DELETE: " + delete);
        assertEquals(0, count(missThenHit("after a Graph Store DELETE", () -> query(q))));
    }

    @Test
    void liveLoadsAndReplacesMakeTheNextAnswerAMissAndAFailedJobLeavesItAsItWas() throws Exception {
        String g = "https://w3id.org/ctkg/graph/cache-shelters";
        String labels = "SELECT ?l { GRAPH <" + g + "> { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l } } ORDER BY ?l";
        String page = "/id/organization/cache-okapi.ttl";
        assertEquals(200, load(g, false, "a.ttl", Shelters.turtle("cache-okapi", "Okapiwood Refuge")).statusCode());
        assertTrue(missThenHit("after a live load", () -> query(labels)).body().contains("Okapiwood Refuge"));
        assertTrue(missThenHit("the page after a live load", () -> get(page, "text/turtle", null)).body().contains("Okapiwood Refuge"));
        assertEquals(200, load(g, true, "b.ttl", Shelters.turtle("cache-bongo", "Bongoleaf Refuge")).statusCode());
        HttpResponse<String> replaced = missThenHit("after a replace", () -> query(labels));
        assertTrue(replaced.body().contains("Bongoleaf Refuge") && !replaced.body().contains("Okapiwood"), replaced.body());
        assertEquals(404, get(page, "text/turtle", null).statusCode(), "the replaced resource's page is gone");
        HttpResponse<String> failed = load(g, true, "c.ttl", Shelters.turtle("cache-duiker", "Duikerfern Refuge") + "<broken");
        assertEquals(400, failed.statusCode(), failed.body());
        HttpResponse<String> after = query(labels);
        assertEquals(replaced.body(), after.body(), "a failed job changes no answer (hit or miss: " + cache(after) + ")");
        HttpResponse<String> invalid = load(g, true, "d.ttl", "<https://w3id.org/ctkg/id/organization/x> a <https://w3id.org/ctkg/ontology#Organization> .");
        assertEquals(422, invalid.statusCode(), invalid.body());
        assertEquals(replaced.body(), query(labels).body(), "nor does a job that failed validation");
    }

    private static HttpResponse<String> load(String graph, boolean replace, String name, String turtle) throws Exception {
        return write("POST", CtkgServer.LOAD_PATH + "?graph=" + enc(graph) + (replace ? "&replace=true" : "") + "&name=" + name, "text/turtle", turtle);
    }

    /** A query that runs while a write is open sees the last commit, and is not kept: once the write commits, the next answer is the new one. */
    @Test
    void anAnswerComputedWhileAWriteIsUnderWayIsNotKept() throws Exception {
        String g = "urn:test:cache:open-write";
        String q = countIn(g);
        DatasetGraph dsg = server.dataset();
        CountDownLatch written = new CountDownLatch(1), queried = new CountDownLatch(1);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            dsg.begin(TxnType.WRITE);
            try {
                dsg.add(NodeFactory.createURI(g), NodeFactory.createURI("urn:a"), NodeFactory.createURI("urn:b"), NodeFactory.createURI("urn:c"));
                written.countDown();
                if (!queried.await(60, TimeUnit.SECONDS))
                    throw new IllegalStateException("the query did not come");
                dsg.commit();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                dsg.abort();
            } finally {
                dsg.end();
            }
        });
        assertTrue(written.await(60, TimeUnit.SECONDS));
        assertEquals(0, count(query(q)), "the last commit, while the write is open");
        assertEquals(0, count(query(q)), "again");
        queried.countDown();
        writer.get(60, TimeUnit.SECONDS);
        assertEquals(1, count(query(q)), "the committed write");
    }

    @Test
    void thePublicAndReadersWhoSeeOtherwiseNeverShareAnAnswer() throws Exception {
        String g = "https://w3id.org/ctkg/graph/cache-cases";
        Path cases = CaseRecordFiles.write(Files.createDirectories(tmp.resolve("cases")), 5, 400);
        HttpResponse<String> loaded = write("POST", CtkgServer.LOAD_PATH + "?access=restricted&name=cases.nt&graph=" + enc(g),
                "application/n-triples", Files.readString(cases));
        assertEquals(200, loaded.statusCode(), loaded.body());
        String q = countIn(g);
        assertEquals(0, count(query(q)), "the public sees none of it");
        long seen = count(query(q, READER));
        assertTrue(seen > 0, "the reader sees it");
        assertEquals("miss", cache(query(q + " ", READER)), "the reader's first answer to this text");
        assertEquals(0, count(query(q, OTHER_READER)), "a reader of another graph sees none of it");
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> other = query(q, OTHER_READER);
            assertEquals("hit", cache(other));
            assertEquals(0, count(other), "that reader's answer, never the first reader's");
            HttpResponse<String> pub = query(q);
            assertEquals("hit", cache(pub));
            assertEquals(0, count(pub), "the public's answer, never the reader's");
            HttpResponse<String> reader = query(q, READER);
            assertEquals("hit", cache(reader));
            assertEquals(seen, count(reader), "the reader's answer, never the public's");
        }
        String record = firstRecord(cases);
        assertEquals(404, get(record, "text/turtle", null).statusCode(), "the public gets no page of a record");
        assertEquals(200, get(record, "text/turtle", READER).statusCode(), "the reader does");
        assertEquals(404, get(record, "text/turtle", null).statusCode(), "and the public still none");
    }

    /** The path of the Turtle page of the first case record in the file. */
    private static String firstRecord(Path cases) throws Exception {
        Matcher m = Pattern.compile("<https://w3id.org/ctkg(/id/case/[^>]+)>").matcher(Files.readString(cases));
        assertTrue(m.find());
        return m.group(1) + ".ttl";
    }

    @Test
    void largeAnswersErrorsAndAnswersNotTheStoresAloneAreNotKept() throws Exception {
        String large = "SELECT ?s ?p ?o { ?s ?p ?o } LIMIT 30000";
        HttpResponse<String> first = query(large);
        assertTrue(first.body().length() > AnswerCache.MAX_ANSWER_BYTES, "over the bound: " + first.body().length());
        HttpResponse<String> again = query(large);
        assertEquals("miss", cache(again), "an answer over the bound is not kept");
        assertEquals(first.body(), again.body(), "and streams whole");
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> bad = query("SELECT ?s { ?s ?p }");
            assertEquals(400, bad.statusCode());
            assertEquals("miss", cache(bad), "an error is not kept");
            HttpResponse<String> missing = get("/id/country/nowhere.ttl", "text/turtle", null);
            assertEquals(404, missing.statusCode());
            assertEquals("miss", cache(missing), "nor is a 404");
        }
        for (String changing : List.of("SELECT (NOW() AS ?t) {}", "SELECT (now() AS ?t) {}", "SELECT (Rand() AS ?r) {}",
                "SELECT (UUID() AS ?u) {}", "SELECT (struuid() AS ?u) {}")) {
            HttpResponse<String> t1 = query(changing);
            HttpResponse<String> t2 = query(changing);
            assertEquals(200, t2.statusCode());
            assertTrue(!"hit".equals(cache(t1)) && !"hit".equals(cache(t2)), changing + " is asked each time");
        }
    }

    @Test
    void withASizeOfZeroNothingIsCached() throws Exception {
        CtkgServer off = CtkgServer.create().port(0).dataset(Stores.curatedScratch()).cacheBytes(0).build().start();
        try {
            for (int i = 0; i < 2; i++) {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(off.sparqlUrl() + "?query=" + enc("ASK {}")))
                        .header("Accept", JSON).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode());
                assertEquals("none", cache(r), "no cache, no header");
            }
        } finally {
            off.stop();
        }
    }

    @Test
    void hitsAndMissesAreInTheMetrics() throws Exception {
        long hits = metric("hit"), misses = metric("miss");
        missThenHit("a query", () -> query("SELECT ?c { ?c a <http://www.w3.org/2002/07/owl#Class> } LIMIT 3"));
        assertTrue(metric("hit") >= hits + 1, "a hit counted");
        assertTrue(metric("miss") >= misses + 1, "a miss counted");
        String all = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/$/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(all.contains("ctkg_cache_size_bytes") && all.contains("ctkg_cache_answers"), "the cache's size is there too");
    }

    private static long metric(String result) throws Exception {
        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/$/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("(?m)^ctkg_cache_requests_total\\{[^}]*result=\"" + result + "\"[^}]*\\} ([0-9.E]+)$").matcher(metrics);
        assertTrue(m.find(), "the counter is in the metrics: " + metrics.lines().filter(l -> l.contains("ctkg_cache")).toList());
        return (long) Double.parseDouble(m.group(1));
    }
}
