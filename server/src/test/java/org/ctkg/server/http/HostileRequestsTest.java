package org.ctkg.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.ctkg.loader.Stores;
import org.ctkg.server.CtkgServer;
import org.ctkg.testkit.Internals;
import org.ctkg.testkit.RawHttp;
import org.ctkg.testkit.ServedData;
import org.ctkg.testkit.SparqlHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests as an attacker writes them, byte for byte over a raw socket: path traversal in its
 * encoded variants on the page and UI routes, oversized and malformed request lines, headers,
 * URLs and bodies, parameters that cannot be decoded or come by the thousand, TRACE, CR/LF and
 * markup in parameters that the server echoes (response splitting), and a slow sender. Each gets
 * its expected status, no internals in the answer, no header it did not set, and the data stays
 * exactly as it was. One read-only server with a one-second query timeout.
 */
class HostileRequestsTest {
    private static final String CHEAP = "ASK { ?s ?p ?o }";
    private static CtkgServer server;
    private static ServedData before;

    /** A request as sent, and the statuses it may get. */
    record Case(String name, String request, List<Integer> statuses) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case get(String name, String path, int... statuses) {
        return raw(name, "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", statuses);
    }

    private static Case raw(String name, String request, int... statuses) {
        return new Case(name, request, IntStream.of(statuses).boxed().toList());
    }

    private static Case post(String name, String path, String type, String body, int... statuses) {
        return raw(name, "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + type + "\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body, statuses);
    }

    private static String query(String q) {
        return "/ctkg/sparql?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
    }

    static Stream<Case> traversals() {
        return Stream.of("/id/../../etc/passwd", "/id/%2e%2e/%2e%2e/etc/passwd", "/id/..%2f..%2f..%2fetc%2fpasswd", "/ui/../../pom.xml",
                "/ui/%2e%2e/%2e%2e/pom.xml", "/ui/..%2f..%2fpom.xml", "/ui/..%252f..%252fpom.xml", "/ui/....//....//pom.xml", "/ui/..\\..\\pom.xml",
                "/ui/..%5c..%5cpom.xml", "/ui/%c0%ae%c0%ae/pom.xml", "/ui/index.html%00.js", "/ui/..;/..;/pom.xml", "/graph/..%5c..%5cetc",
                "/classes/..%2f..%2f", "/ontology/../../etc/passwd", "//etc/passwd", "/ui//etc/passwd", "/context.jsonld/..%2f..%2f",
                "/ui/WEB-INF/web.xml", "/ui/META-INF/MANIFEST.MF", "/META-INF/MANIFEST.MF", "/ui/../META-INF/MANIFEST.MF",
                "/ui/org/ctkg/server/CtkgServer.class", "/id/%00", "/search/../../etc/passwd")
            .map(path -> get("traversal " + path, path, 400, 404));
    }

    static Stream<Case> malformed() {
        String ask = "/ctkg/sparql?query=ASK%7B%7D";
        String form = "application/x-www-form-urlencoded";
        String query = "application/sparql-query";
        return Stream.of(
            raw("a header of 600 KiB (over Fuseki's 512 KiB bound)", "GET " + ask + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Big: " + "a".repeat(600 << 10) + "\r\n\r\n", 431),
            get("a URL of 600 KiB", "/ctkg/sparql?query=" + "a".repeat(600 << 10), 414),
            raw("no request line", "GARBAGE\r\n\r\n", 400),
            raw("HTTP/0.9", "GET /\r\n\r\n", 505),
            raw("an unknown HTTP version", "GET / HTTP/2.5\r\nHost: x\r\nConnection: close\r\n\r\n", 505),
            raw("no Host", "GET / HTTP/1.1\r\nConnection: close\r\n\r\n", 400),
            raw("a header without a colon", "GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\nConnection: close\r\n\r\n", 400),
            raw("a control character in a header", "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\u0001b\r\nConnection: close\r\n\r\n", 400),
            raw("two Content-Lengths", "POST /ctkg/sparql HTTP/1.1\r\nHost: x\r\nContent-Type: " + query + "\r\nContent-Length: 6\r\nContent-Length: 8\r\nConnection: close\r\n\r\nASK {}", 400),
            raw("a negative Content-Length", "POST /ctkg/sparql HTTP/1.1\r\nHost: x\r\nContent-Type: " + query + "\r\nContent-Length: -5\r\nConnection: close\r\n\r\nASK {}", 400),
            raw("a Content-Length in words", "POST /ctkg/sparql HTTP/1.1\r\nHost: x\r\nContent-Type: " + query + "\r\nContent-Length: six\r\nConnection: close\r\n\r\nASK {}", 400),
            raw("Transfer-Encoding and Content-Length (request smuggling)", "POST /ctkg/sparql HTTP/1.1\r\nHost: x\r\nContent-Type: " + query
                + "\r\nContent-Length: 6\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n0\r\n\r\n", 400),
            raw("a malformed chunked query body", "POST /ctkg/sparql HTTP/1.1\r\nHost: x\r\nContent-Type: " + query
                + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\nASK {}\r\n0\r\n\r\n", 411),
            get("a bad percent-escape in the path", "/id/%zz", 400),
            get("a bad percent-escape in a query parameter", "/ctkg/sparql?query=%zz", 400),
            get("a parameter that is not UTF-8", "/ctkg/sparql?query=%ff%fe", 400),
            get("a bad percent-escape in the graph store's graph", "/ctkg/data?graph=%zz", 400),
            get("a bad percent-escape in a search", "/search?q=%zz", 400),
            get("a bad percent-escape in a resource page's format", "/id/instrument/palermo-protocol?format=%zz", 400),
            get("a bad percent-escape in the load status", "/ctkg/load?name=%zz", 400),
            post("a form with a bad percent-escape", "/ctkg/sparql", form, "query=%zz", 400),
            post("a form that is not UTF-8", "/ctkg/sparql", form, "query=%ff%fe", 400),
            post("a form of 200 parameters", "/ctkg/sparql", form, IntStream.range(0, 200).mapToObj(i -> "k" + i + "=1&").collect(Collectors.joining())
                + "query=ASK%7B%7D", 400),
            post("a form of 20,000 values of one parameter", "/ctkg/sparql", form, "a=1&".repeat(20_000) + "query=ASK%7B%7D", 400),
            get("a query string of 20,000 parameters", "/ctkg/sparql?" + "a=1&".repeat(20_000) + "query=ASK%7B%7D", 400),
            post("a query of binary bytes", "/ctkg/sparql", query, "\u0000\u0001\u0002\u00ff", 400),
            raw("an unknown method", "BREW /ctkg/sparql HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 405),
            raw("TRACE of the home page (cross-site tracing)", "TRACE / HTTP/1.1\r\nHost: x\r\nAuthorization: Basic c2VjcmV0\r\nConnection: close\r\n\r\n", 405),
            raw("TRACE of a resource page", "TRACE /id/instrument/palermo-protocol HTTP/1.1\r\nHost: x\r\nCookie: session=secret\r\nConnection: close\r\n\r\n", 405),
            raw("TRACE of the query UI", "TRACE /ui/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 405),
            raw("TRACE of the query service", "TRACE /ctkg/sparql HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 405));
    }

    /** CR/LF (and markup) in every parameter or path segment that the server may echo. */
    static Stream<Case> responseSplitting() {
        String crlf = "%0d%0aX-Injected:%20yes";
        String ask = "/ctkg/sparql?query=ASK%7B%7D";
        return Stream.of(
            get("graph store: the graph", "/ctkg/data?graph=urn:a" + crlf, 404),
            get("resource: the format", "/id/instrument/palermo-protocol?format=ttl" + crlf, 400),
            get("resource: the path", "/id/instrument/palermo" + crlf, 400),
            get("resource: the path with a Location", "/id/x%0d%0aLocation:%20http://example.org/", 400),
            get("named graph: the path", "/graph/x" + crlf, 400),
            get("class page: the path", "/classes/X" + crlf, 400),
            get("class page: the page number", "/classes/Organization?page=1" + crlf, 200),
            get("search: the words", "/search?q=a" + crlf, 200),
            get("query UI: the path", "/ui/x" + crlf, 400),
            get("query: the output format", ask + "&output=json" + crlf, 400),
            get("query: the timeout", ask + "&timeout=1" + crlf, 200, 400),
            get("query: the JSONP callback", ask + "&output=json&callback=x" + crlf, 200),
            get("query: the XSL stylesheet", ask + "&stylesheet=x" + crlf, 400),
            get("query: markup in the XSL stylesheet", ask + "&stylesheet="
                + URLEncoder.encode("x\"?><h:script xmlns:h=\"http://www.w3.org/1999/xhtml\">alert(1)</h:script><?y z=\"", StandardCharsets.UTF_8), 400),
            get("query: a stylesheet on another host", ask + "&stylesheet=https://example.org/x.xsl", 400),
            get("load: the file name (the job status is readable)", "/ctkg/load?name=x" + crlf, 200));
    }

    static Stream<Case> corpus() {
        return Stream.of(traversals(), malformed(), responseSplitting()).flatMap(s -> s);
    }

    @BeforeAll
    static void start() throws Exception {
        server = CtkgServer.create().port(0).dataset(Stores.curatedScratch()).queryTimeoutMillis(1000).build().start();
        before = ServedData.of(server.baseUrl() + "/" + CtkgServer.DATASET + "/data", server.dataset());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }


    private static RawHttp.Response send(String request) throws Exception {
        try (RawHttp http = RawHttp.connect("127.0.0.1", server.port())) {
            return http.send(request).read();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void aHostileRequestGetsItsStatusNoInternalsNoInjectedHeaderAndChangesNothing(Case hostile) throws Exception {
        RawHttp.Response r = send(hostile.request());
        assertTrue(hostile.statuses().contains(r.status()), "status " + r.status() + ", expected one of " + hostile.statuses() + ":\n" + r.raw());
        Internals.assertNone(r.body(), hostile.name());
        for (Map.Entry<String, String> h : r.headers().entrySet()) {
            assertFalse(h.getKey().equals("x-injected") || h.getKey().equals("location") && h.getValue().contains("example.org"),
                    "a header the request wrote: " + h);
        }
        assertFalse(r.body().contains("<project") || r.body().contains("root:x:") || r.body().contains("Manifest-Version"),
                "no file of the server in the answer");
        assertFalse(r.body().contains("session=secret") || r.body().contains("c2VjcmV0"), "the request's cookies and credentials are not echoed");
        before.assertUnchanged("the data is unchanged");
    }

    @Test
    void theJsonpCallbackIsServedAsJsonThatNoBrowserRunsAsScript() throws Exception {
        RawHttp.Response r = send("GET /ctkg/sparql?query=ASK%7B%7D&output=json&callback=alert(1)// HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertEquals(200, r.status());
        assertTrue(r.header("Content-Type").startsWith("application/sparql-results+json"), r.raw());
        assertEquals("nosniff", r.header("X-Content-Type-Options"), "a browser refuses to run a script of a JSON type");
    }

    /**
     * A query body trickled a byte every 100 ms (a thousand bytes: well over a minute) is cut off
     * with 408 once the query timeout has passed; another client is answered meanwhile, and after.
     */
    @Test
    void aSlowSenderIsTimedOutAndTheServerKeepsAnswering() throws Exception {
        try (RawHttp slow = RawHttp.connect("127.0.0.41", server.port())) {
            slow.send("POST /ctkg/sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nContent-Length: 1000\r\n\r\n");
            CompletableFuture<Void> trickle = CompletableFuture.runAsync(() -> {
                try {
                    for (int i = 0; i < 1000; i++) {
                        slow.send(" ");
                        TimeUnit.MILLISECONDS.sleep(100);
                    }
                } catch (Exception e) {
                    // the server has closed the connection: the trickle ends
                }
            });
            assertTrue(SparqlHttp.select(server.sparqlUrl(), "SELECT ?s { ?s ?p ?o } LIMIT 1").size() == 1, "answering meanwhile");
            RawHttp.Response r = slow.read();
            assertEquals(408, r.status(), r.raw());
            assertTrue(r.body().contains("took longer than 1.0 s to arrive"), r.body());
            Internals.assertNone(r.body(), "the 408");
            trickle.cancel(true);
        }
        assertEquals(200, RawHttp.get("127.0.0.41", server.port(), query(CHEAP)).status(), "the slow sender's address is served again");
        before.assertUnchanged("the data is unchanged");
    }

    @Test
    void parametersThatCanBeReadStillWork() throws Exception {
        // The same query as a form (UTF-8, '+' for spaces), with a default graph, and by GET: all answered.
        String label = "SELECT ?l { <https://w3id.org/ctkg/id/instrument/palermo-protocol> <http://www.w3.org/2000/01/rdf-schema#label> ?l }";
        RawHttp.Response form = send("POST /ctkg/sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Accept: text/csv\r\nConnection: close\r\nContent-Length: " + ("query=" + URLEncoder.encode(label, StandardCharsets.UTF_8)).length()
                + "\r\n\r\nquery=" + URLEncoder.encode(label, StandardCharsets.UTF_8));
        assertEquals(200, form.status(), form.raw());
        assertTrue(form.body().contains("Palermo"), form.body());
        RawHttp.Response get = RawHttp.get("127.0.0.1", server.port(), query(label) + "&stylesheet=/ui/results.xsl", "Accept: application/sparql-results+xml");
        assertEquals(200, get.status(), get.raw());
        assertTrue(get.body().contains("href=\"/ui/results.xsl\""), "a stylesheet on this server is still offered: " + get.body());
    }
}
