package org.ctkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.ctkg.loader.Stores;
import org.ctkg.server.http.CappedQuery;
import org.ctkg.testkit.Internals;
import org.ctkg.testkit.RawHttp;
import org.ctkg.testkit.ServedData;
import org.ctkg.testkit.SparqlHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Queries built to exhaust the server (cross products, deep and nested property paths, a huge
 * VALUES, a regex over everything, sorting and grouping everything, nesting deeper than the
 * parser's stack) and full-text queries built to break Lucene (its syntax in the search box and
 * in {@code text:query}, thousands of words, a word of thousands of letters): each is bounded by
 * the query timeout (one second here) or the row cap (1,000) or refused with a clear 400, nothing
 * internal shows, the data is unchanged and the server answers the next query.
 */
class QueryBombsTest {
    private static final String TEXT = "PREFIX text: <http://jena.apache.org/text#> ";
    private static CtkgServer server;
    private static ServedData before;

    /** A query (GET) or a page, the statuses it may get, and what its answer must say. */
    record Bomb(String name, String path, List<Integer> statuses, String says) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Bomb query(String name, String query, String says, Integer... statuses) {
        return new Bomb(name, "/ctkg/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8), List.of(statuses), says);
    }

    private static Bomb search(String words) {
        String name = words.length() > 40 ? words.substring(0, 40) + "… (" + words.length() + " characters)" : words;
        return new Bomb("search page: " + name, "/search?q=" + URLEncoder.encode(words, StandardCharsets.UTF_8), List.of(200), "Search");
    }

    static Stream<Bomb> bombs() {
        String timedOut = "Query timed out";
        String values = IntStream.range(0, 20_000).mapToObj(Integer::toString).collect(Collectors.joining(" "));
        String words = IntStream.range(0, 3000).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));
        return Stream.of(
            query("the count of a four-way cross product", "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }", timedOut, 503),
            query("a cross product's rows", "SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", "", 200),
            query("a cross product, constructed", "CONSTRUCT { ?a ?b ?c . ?d ?e ?f } { ?a ?b ?c . ?d ?e ?f }", "", 200),
            query("everything described", "DESCRIBE ?s { ?s ?p ?o }", "", 200),
            query("a path of any property, any length", "SELECT (COUNT(*) AS ?n) { ?s (<urn:p>|!<urn:x>)* ?o }", timedOut, 503),
            query("nested paths of any length", "SELECT (COUNT(*) AS ?n) { ?s ((!<urn:x>)*/(!<urn:x>)*/(!<urn:x>)*) ?o }", timedOut, 503),
            query("a VALUES of 20,000 rows joined with everything", "SELECT * { VALUES ?x { " + values + " } ?s ?p ?o }", "", 200, 503),
            query("a backtracking regex over every pair of literals", "SELECT (COUNT(*) AS ?n) { ?s ?p ?o . ?a ?b ?c FILTER(REGEX(CONCAT(STR(?o), STR(?c)), \"^(a|aa)+$\")) }",
                  timedOut, 503),
            query("everything grouped and concatenated", "SELECT ?a (GROUP_CONCAT(?c) AS ?g) { ?a ?b ?c . ?d ?e ?f } GROUP BY ?a", timedOut, 503),
            query("a cross product sorted", "SELECT * { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f LIMIT 1", timedOut, 503),
            query("3,000 groups within one another", "SELECT * { " + "{ ".repeat(3000) + "?s ?p ?o " + "} ".repeat(3000) + "}", "nests too deeply", 400),
            query("5,000 parentheses within one another", "ASK { FILTER(" + "(".repeat(5000) + "1" + ")".repeat(5000) + ") }", "nests too deeply", 400),
            query("2,000 OPTIONALs within one another", "SELECT * { ?s ?p ?o " + "OPTIONAL { ?s ?p ?o ".repeat(2000) + "}".repeat(2000) + " }",
                  "nests too deeply", 400),
            query("text:query: everything", TEXT + "SELECT ?s { ?s text:query \"*\" }", "", 200),
            query("text:query: a leading wildcard", TEXT + "SELECT ?s { ?s text:query \"*a*\" }", "", 200),
            query("text:query: a regular expression", TEXT + "SELECT ?s { ?s text:query \"/.*a.*b.*c.*/\" }", "", 200),
            query("text:query: a fuzzy word", TEXT + "SELECT ?s { ?s text:query \"a~2\" }", "", 200),
            query("text:query: a hundred million hits asked for", TEXT + "SELECT ?s { ?s text:query (\"a*\" 100000000) }", "", 200),
            query("text:query: an unterminated phrase", TEXT + "SELECT ?s { ?s text:query \"\\\"unterminated\" }", "Text search parse error", 400),
            query("text:query: unbalanced parentheses", TEXT + "SELECT ?s { ?s text:query \"(((((a\" }", "Text search parse error", 400),
            query("text:query: an operator alone", TEXT + "SELECT ?s { ?s text:query \"!!!!\" }", "Text search parse error", 400),
            query("text:query: 3,000 words", TEXT + "SELECT ?s { ?s text:query \"" + words + "\" }", "", 200, 400),
            search("*"), search("*a*"), search("a* OR b*"), search("\"unterminated"), search("a~100"), search("label:palermo"), search("(((((a"),
            search("a AND ("), search("/regex.*/"), search("[* TO *]"), search("{!lucene}"), search("a^1000000"), search("\\"), search("?"),
            search("a".repeat(5000)), search(words));
    }

    @BeforeAll
    static void start() throws Exception {
        server = CtkgServer.create().port(0).dataset(Stores.curatedScratch()).queryTimeoutMillis(1000).maxRows(1000).build().start();
        before = ServedData.of(server.baseUrl() + "/ctkg/data", server.dataset());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bombs")
    void aBombIsBoundedOrRefusedClearlyAndTheServerAnswersTheNextQuery(Bomb bomb) throws Exception {
        RawHttp.Response r = RawHttp.get("127.0.0.1", server.port(), bomb.path(), "Accept: application/sparql-results+json, text/turtle;q=0.9, */*;q=0.1");
        assertTrue(bomb.statuses().contains(r.status()), "status " + r.status() + ", expected one of " + bomb.statuses() + ": "
                + r.body().substring(0, Math.min(500, r.body().length())));
        assertTrue(r.body().contains(bomb.says()), "the answer says '" + bomb.says() + "': " + r.body().substring(0, Math.min(500, r.body().length())));
        if (r.status() == 200 && bomb.path().startsWith("/ctkg/"))
            assertEquals("1000", r.header(CappedQuery.HEADER), "bounded by the row cap");
        Internals.assertNone(r.body().substring(0, Math.min(20_000, r.body().length())), bomb.name());
        assertEquals(1, SparqlHttp.select(server.sparqlUrl(), "SELECT ?s { ?s ?p ?o } LIMIT 1").size(), "the server answers the next query");
        before.assertUnchanged("the data is unchanged");
    }
}
