package org.ctkg.server.ld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.ctkg.loader.Stores;
import org.ctkg.server.CtkgServer;
import org.ctkg.testkit.Pages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of hostile labels, descriptions and IRIs in the data: every HTML page that shows them
 * (the resource page with its picture, the class page, the search page, the graph page) renders
 * them as inert text: no element, attribute or script they did not come with, no {@code javascript:}
 * or {@code data:} link.
 */
class HostileValuesTest {
    static final List<String> HOSTILE = List.of(
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(2)>",
            "\" onmouseover=\"alert(3)",
            "' onfocus='alert(4)' autofocus='",
            "</title><script>alert(5)</script>",
            "<svg onload=alert(6)>",
            "<a href=\"javascript:alert(7)\">click</a>",
            "]]><!-- --><script>alert(8)</script>",
            "<iframe src=\"data:text/html,<script>alert(9)</script>\"></iframe>",
            "&lt;script&gt;alert(10)&lt;/script&gt;",
            "<style>body{display:none}</style>",
            "\u202Eevil\u202C <b>bold</b>");
    /** A tag of the page: its name and its attributes (a quoted value may hold a '>'). */
    private static final Pattern TAG = Pattern.compile("<([a-zA-Z][a-zA-Z0-9:-]*)((?:\"[^\"]*\"|'[^']*'|[^>\"'])*)>");
    private static final Pattern EVENT_ATTRIBUTE = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern SCRIPT_LINK = Pattern.compile("href\\s*=\\s*[\"']?\\s*(javascript|data|vbscript):", Pattern.CASE_INSENSITIVE);
    private static final java.util.Set<String> FORBIDDEN = java.util.Set.of("script", "iframe", "img", "object", "embed", "frame", "base");
    private static final Node GRAPH = NodeFactory.createURI("https://w3id.org/ctkg/graph/hostile");
    private static CtkgServer server;

    @BeforeAll
    static void start() {
        DatasetGraph dsg = Stores.curatedScratch();
        Node organization = NodeFactory.createURI("https://w3id.org/ctkg/ontology#Organization");
        Txn.executeWrite(dsg, () -> {
            for (int i = 0; i < HOSTILE.size(); i++) {
                Node s = NodeFactory.createURI("https://w3id.org/ctkg/id/organization/hostile-" + i);
                dsg.add(GRAPH, s, RDF.Nodes.type, organization);
                dsg.add(GRAPH, s, RDFS.Nodes.label, NodeFactory.createLiteralLang("Zyxwv " + HOSTILE.get(i), "en"));
                dsg.add(GRAPH, s, NodeFactory.createURI("http://purl.org/dc/terms/description"), NodeFactory.createLiteralString(HOSTILE.get(i)));
                dsg.add(GRAPH, s, NodeFactory.createURI("https://schema.org/url"), NodeFactory.createURI("javascript:alert(" + i + ")"));
                dsg.add(GRAPH, s, NodeFactory.createURI("https://w3id.org/ctkg/ontology#basedIn"), NodeFactory.createURI("https://w3id.org/ctkg/id/country/mex"));
                // A claim about it, which Mexico's dossier lists (through the organisation)
                Node claim = NodeFactory.createURI("https://w3id.org/ctkg/id/claim/hostile-" + i);
                dsg.add(GRAPH, claim, RDF.Nodes.type, NodeFactory.createURI("https://w3id.org/ctkg/ontology#Claim"));
                dsg.add(GRAPH, claim, RDFS.Nodes.label, NodeFactory.createLiteralLang("Zyxwv claim " + HOSTILE.get(i), "en"));
                dsg.add(GRAPH, claim, NodeFactory.createURI("https://w3id.org/ctkg/ontology#about"), s);
            }
        });
        server = CtkgServer.create().port(0).dataset(dsg).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static String page(String path) throws Exception {
        HttpResponse<String> r = Pages.get(server.baseUrl() + path);
        return r.body();
    }

    static List<Integer> cases() {
        return java.util.stream.IntStream.range(0, HOSTILE.size()).boxed().toList();
    }

    /** The page's own markup only: no forbidden element, event handler, script link or injected style sheet. */
    static void assertInert(String where, String html) {
        var tags = TAG.matcher(html);
        while (tags.find()) {
            String name = tags.group(1).toLowerCase(java.util.Locale.ROOT);
            String attributes = tags.group(2);
            String tag = tags.group();
            assertFalse(FORBIDDEN.contains(name), where + ": a <" + name + "> element: " + tag);
            String names = attributes.replaceAll("\"[^\"]*\"|'[^']*'", "\"\"");   // attribute names only, values emptied
            assertFalse(EVENT_ATTRIBUTE.matcher(names).find(), where + ": an event handler attribute: " + tag);
            assertFalse(SCRIPT_LINK.matcher(attributes).find(), where + ": a script link: " + tag);
        }
        assertFalse(html.contains("<style>body{display:none}"), where + ": an injected style sheet");
    }

    /**
     * What makes the corpus above impossible to get through by forgetting to escape: markup is
     * written only in templates, which JTE escapes for where each value stands; no template opts
     * out ($unsafe), and no page class writes markup of its own.
     */
    @org.junit.jupiter.api.Test
    void pagesAreMadeOnlyByEscapingTemplates() throws Exception {
        Pattern markupInJava = Pattern.compile("\"(?:[^\"\\\\\n]|\\\\.)*<(?:!|/?[a-zA-Z][a-zA-Z0-9]*[\\s>/])");   // a string with a tag in it
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main"))) {
            List<java.nio.file.Path> sources = files.filter(f -> f.toString().endsWith(".jte") || (f.toString().contains("/ld/") || f.toString().contains("/views/")) && f.toString().endsWith(".java")).toList();
            assertTrue(sources.stream().anyMatch(f -> f.toString().endsWith("layout.jte")), "the templates are found: " + sources);
            for (java.nio.file.Path f : sources) {
                String text = java.nio.file.Files.readString(f);
                if (f.toString().endsWith(".jte"))
                    assertFalse(text.contains("$unsafe"), f + " prints a value unescaped");
                else
                    assertFalse(markupInJava.matcher(text).find(), f + " writes markup outside the templates: " + markupInJava.matcher(text).results().map(m -> m.group()).toList());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theResourcePageShowsHostileValuesAsText(int i) throws Exception {
        String html = page("/id/organization/hostile-" + i + ".html");
        assertInert("resource page", html);
        assertTrue(html.contains("Zyxwv"), "the label is shown");
    }

    @org.junit.jupiter.api.Test
    void listsAndSearchShowHostileValuesAsText() throws Exception {
        assertInert("class page", page("/classes/Organization") + page("/classes/Organization?page=1"));
        String search = page("/search?q=" + URLEncoder.encode("zyxwv", StandardCharsets.UTF_8));
        assertTrue(search.contains("Zyxwv"), "found by search");
        assertInert("search page", search);
        assertInert("graph page", page("/graph/hostile.html"));
        String mexico = page("/id/country/mex.html");
        assertInert("the country page, linked from all of them", mexico);
        assertTrue(mexico.contains("<a href=\"/id/claim/hostile-0\">Zyxwv claim "), "its dossier lists the claims about them");
        assertInert("the tier map", page("/map/tip-tiers?year=2012"));
        for (String q : HOSTILE)
            assertInert("search for " + q, page("/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)));
    }
}
