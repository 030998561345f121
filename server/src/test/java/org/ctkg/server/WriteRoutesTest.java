package org.ctkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import org.ctkg.loader.Stores;
import org.ctkg.server.http.Admission;
import org.ctkg.server.http.CappedQuery;
import org.ctkg.testkit.Internals;
import org.ctkg.testkit.RawHttp;
import org.ctkg.testkit.ServedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every write route (SPARQL Update as a body and as a form, Graph Store PUT, POST, DELETE and
 * PATCH, live load jobs) without credentials and with every kind of bad ones (a wrong password, an
 * unknown user, no password, not base64, another scheme) on a server with a writer: 401; and with
 * the writer's own credentials, or none, on a read-only server: 403. Nothing internal shows, and
 * the data of both servers is unchanged. (Writing with good credentials: {@link WriteAccessTest}.)
 */
class WriteRoutesTest {
    private static CtkgServer writable;
    private static CtkgServer readOnly;
    private static ServedData writableBefore;
    private static ServedData readOnlyBefore;

    /** A write: method, path, type and body. */
    record Write(String name, String method, String path, String type, String body) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Write> WRITES = List.of(
        new Write("update", "POST", "/ctkg/update", "application/sparql-update", "CLEAR ALL"),
        new Write("update as a form", "POST", "/ctkg/update", "application/x-www-form-urlencoded", "update=CLEAR%20ALL"),
        new Write("Graph Store PUT", "PUT", "/ctkg/data?default", "text/turtle", "<urn:a> <urn:b> <urn:c> ."),
        new Write("Graph Store POST", "POST", "/ctkg/data?graph=urn:test:g", "text/turtle", "<urn:a> <urn:b> <urn:c> ."),
        new Write("Graph Store DELETE", "DELETE", "/ctkg/data?graph=https://w3id.org/ctkg/graph/vocabulary", null, null),
        new Write("Graph Store PATCH", "PATCH", "/ctkg/data?default", "application/rdf-patch", "A <urn:a> <urn:b> <urn:c> ."),
        new Write("load job", "POST", CtkgServer.LOAD_PATH + "?graph=urn:test:g&name=a.nt", "application/n-triples", "<urn:a> <urn:b> <urn:c> ."));

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    static Stream<Arguments> badCredentials() {
        List<String[]> credentials = List.of(new String[] {"none", null}, new String[] {"a wrong password", basic("alice:guess")},
                new String[] {"an unknown user", basic("mallory:s3cret")}, new String[] {"no password", basic("alice:")},
                new String[] {"no colon", basic("alice")}, new String[] {"not base64", "Basic %%%"},
                new String[] {"another scheme", "Bearer s3cret"}, new String[] {"an empty header", ""});
        return WRITES.stream().flatMap(w -> credentials.stream().map(c -> Arguments.of(w, c[0], c[1])));
    }

    static Stream<Arguments> onAReadOnlyServer() {
        return WRITES.stream().flatMap(w -> Stream.of(Arguments.of(w, "none", null), Arguments.of(w, "a writer's credentials", basic("alice:s3cret"))));
    }

    @BeforeAll
    static void start() throws Exception {
        // Some 150 requests from one client in about a second on a quiet machine: past the default
        // flood limit (50 a second), which this class does not test (FloodLimitTest does).
        Admission unlimited = Admission.defaults().withMaxRequestsPerSecond(0);
        writable = CtkgServer.create().port(0).dataset(Stores.curatedScratch()).writer("alice", "s3cret").admission(unlimited).build().start();
        readOnly = CtkgServer.create().port(0).dataset(Stores.curatedScratch()).admission(unlimited).build().start();
        writableBefore = ServedData.of(writable.baseUrl() + "/ctkg/data", writable.dataset());
        readOnlyBefore = ServedData.of(readOnly.baseUrl() + "/ctkg/data", readOnly.dataset());
    }

    @AfterAll
    static void stop() {
        writable.stop();
        readOnly.stop();
    }

    private static RawHttp.Response send(CtkgServer server, Write write, String authorization) throws Exception {
        StringBuilder request = new StringBuilder(write.method() + " " + write.path() + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
        if (authorization != null)
            request.append("Authorization: ").append(authorization).append("\r\n");
        if (write.type() != null)
            request.append("Content-Type: ").append(write.type()).append("\r\n");
        String body = write.body() == null ? "" : write.body();
        request.append("Content-Length: ").append(body.length()).append("\r\n\r\n").append(body);
        try (RawHttp http = RawHttp.connect("127.0.0.1", server.port())) {
            return http.send(request.toString()).read();
        }
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("badCredentials")
    void aWriteWithoutGoodCredentialsGets401AndChangesNothing(Write write, String who, String authorization) throws Exception {
        RawHttp.Response r = send(writable, write, authorization);
        assertEquals(401, r.status(), r.raw());
        assertTrue(r.header("WWW-Authenticate") != null && r.header("WWW-Authenticate").startsWith("Basic realm="), "a challenge: " + r.raw());
        Internals.assertNone(r.body(), write + " with " + who);
        writableBefore.assertUnchanged("the data is unchanged");
    }

    /** Reads need no credentials: bad ones make a reader anonymous (and budgeted as such), not refused. */
    @ParameterizedTest(name = "a query with {0}")
    @ValueSource(strings = {"a wrong password", "not base64", "another scheme"})
    void aReadWithBadCredentialsIsAnsweredAsAnonymous(String who) throws Exception {
        String authorization = switch (who) {
            case "a wrong password" -> basic("alice:guess");
            case "not base64" -> "Basic %%%";
            default -> "Bearer s3cret";
        };
        RawHttp.Response r = RawHttp.get("127.0.0.1", writable.port(), RawHttp.queryPath("SELECT ?s { ?s ?p ?o } LIMIT 200000"),
                "Authorization: " + authorization);
        assertEquals(200, r.status(), r.raw());
        assertEquals(Long.toString(Defaults.MAX_ROWS), r.header(CappedQuery.HEADER), "capped, as anonymous queries are");
        Internals.assertNone(r.body().substring(0, Math.min(2000, r.body().length())), "the answer");
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("onAReadOnlyServer")
    void aWriteToAReadOnlyServerGets403AndChangesNothing(Write write, String who, String authorization) throws Exception {
        RawHttp.Response r = send(readOnly, write, authorization);
        assertEquals(403, r.status(), r.raw());
        assertTrue(r.body().contains("read-only") || r.body().contains("no writers"), "says why: " + r.body());
        Internals.assertNone(r.body(), write + " with " + who);
        readOnlyBefore.assertUnchanged("the data is unchanged");
    }
}
