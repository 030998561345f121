package org.ctkg.server.releases;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDFS;
import org.ctkg.loader.LoadJob;
import org.ctkg.loader.Store;
import org.ctkg.loader.source.RdfFile;
import org.ctkg.release.Checksums;
import org.ctkg.release.ReleaseJob;
import org.ctkg.server.CtkgServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Releases as a server offers them, over a real TDB2 store changed by three load jobs, with two
 * releases cut between them ({@code 1} after the first job, {@code 2} after the second, the third
 * after both): {@code /downloads}, the files, the links between VoID and DCAT, and each resource's
 * history and citation.
 * <pre>
 *   job 1: graph notes  = A "A shelter", B "B"        → release 1
 *   job 2: graph notes := A "A shelter, moved" (B gone) → release 2
 *   job 3: graph later  = B "B again", C "C"
 * </pre>
 */
class ServedReleasesTest {
    private static final String ID = "https://w3id.org/ctkg/id/organization/";
    private static final Node NOTES = NodeFactory.createURI("https://w3id.org/ctkg/graph/notes");
    private static final Node LATER = NodeFactory.createURI("https://w3id.org/ctkg/graph/later");
    private static final String LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>";
    /** What graph later is based on, with a name that would end the home page's script element if it were not escaped. */
    static final String HOSTILE = "</script><script>alert('source')</script>";
    private static final String LATER_SOURCE = "<https://w3id.org/ctkg/graph/later> <http://purl.org/dc/terms/source> <https://w3id.org/ctkg/id/source/evil> . "
            + "<https://w3id.org/ctkg/id/source/evil> " + LABEL + " \"" + HOSTILE + "\" .";

    @TempDir
    static Path tmp;
    private static Store store;
    private static CtkgServer server;
    private static Path releases;
    private static String job1, job2, job3;

    @BeforeAll
    static void start() throws Exception {
        store = Store.open(tmp.resolve("store"));
        releases = tmp.resolve("releases");
        job1 = load(NOTES, false, "<" + ID + "a> " + LABEL + " \"A shelter\" . <" + ID + "b> " + LABEL + " \"B\" .");
        ReleaseJob.create(store.dataset()).version("1").out(releases).build().run();
        job2 = load(NOTES, true, "<" + ID + "a> " + LABEL + " \"A shelter, moved\" .");
        ReleaseJob.create(store.dataset()).version("2").out(releases).previous(releases.resolve("1")).build().run();
        job3 = load(LATER, false, "<" + ID + "b> " + LABEL + " \"B again\" . <" + ID + "c> " + LABEL + " \"C\" . " + LATER_SOURCE);
        server = CtkgServer.create().port(0).dataset(store.dataset()).releases(releases).build().start();
    }

    @AfterAll
    static void stop() {
        if (server != null)
            server.stop();
        if (store != null)
            store.close();
    }

    private static String load(Node graph, boolean replace, String ntriples) throws IOException {
        Path file = Files.createTempFile(tmp, "job", ".nt");
        Files.writeString(file, ntriples + "\n", StandardCharsets.UTF_8);
        return LoadJob.create(store).source(RdfFile.of(file, null)).graph(graph).replace(replace).validate(false).build().run().job().getURI();
    }

    private static HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path));
        for (int i = 0; i < headers.length; i += 2)
            b.header(headers[i], headers[i + 1]);
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String page(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return r.body();
    }

    /** The part of a page from the heading with this id to the end of its section. */
    private static String section(String html, String id) {
        int start = html.indexOf("<h2 id=\"" + id + "\">");
        assertTrue(start >= 0, "the page has a section " + id);
        return html.substring(start, html.indexOf("</section>", start));
    }

    @Test
    void theHistoryOfAResourceChangedByTwoJobsListsBothNewestFirstAndItsCitationNamesTheLatestReleaseThatHoldsIt() throws Exception {
        String a = page("/id/organization/a.html");
        String history = section(a, "history");
        String local1 = job1.substring(job1.lastIndexOf('/') + 1), local2 = job2.substring(job2.lastIndexOf('/') + 1);
        assertTrue(history.contains(local1) && history.contains(local2), "both jobs: " + history);
        assertTrue(history.indexOf(local2) < history.indexOf(local1), "the second job first: " + history);
        assertFalse(history.contains(job3.substring(job3.lastIndexOf('/') + 1)), "not the job that wrote another graph: " + history);
        assertTrue(history.indexOf("Release 2") < history.indexOf("Release 1"), "release 2, then 1: " + history);
        assertTrue(history.contains("1 statement added, 1 removed since release 1"), history);
        String cite = section(a, "cite");
        assertTrue(cite.contains("release 2</a> (" ), cite);
        assertTrue(cite.contains("A shelter, moved. In Counter-Trafficking Knowledge Graph (ctkg), release 2, "), cite);
    }

    @Test
    void theCitationNamesTheLatestReleaseThatHoldsTheResourceNotTheLatestRelease() throws Exception {
        String b = section(page("/id/organization/b.html"), "cite");
        assertTrue(b.contains("as of <a href=\"/downloads.html#release-1\">release 1</a>"), "B left in job 2, back in job 3: " + b);
        String bHistory = section(page("/id/organization/b.html"), "history");
        assertTrue(bHistory.contains("0 statements added, 1 removed since release 1"), bHistory);
        String c = section(page("/id/organization/c.html"), "cite");
        assertTrue(c.contains("no release offered here holds it"), c);
        assertTrue(c.contains("(in no release yet)"), c);
    }

    @Test
    void theCitationDownloadsAsTextBibtexAndCslJson() throws Exception {
        String iri = java.net.URLEncoder.encode(ID + "a", StandardCharsets.UTF_8);
        HttpResponse<String> bib = get("/cite?iri=" + iri + "&format=bibtex");
        assertEquals(200, bib.statusCode());
        assertTrue(bib.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        assertTrue(bib.body().startsWith("@misc{ctkg:a:2,") && bib.body().contains("version = {2}") && bib.body().contains("url = {" + ID + "a}"), bib.body());
        HttpResponse<String> csl = get("/cite?iri=" + iri + "&format=csl-json");
        var item = org.apache.jena.atlas.json.JSON.parseAny(csl.body()).getAsArray().get(0).getAsObject();
        assertEquals("dataset", item.getString("type"));
        assertEquals("2", item.getString("version"));
        assertEquals(ID + "a", item.getString("URL"));
        assertEquals("A shelter, moved", item.getString("title"));
        assertEquals(404, get("/cite?iri=" + java.net.URLEncoder.encode(ID + "nobody", StandardCharsets.UTF_8) + "&format=text").statusCode());
        assertEquals(400, get("/cite?iri=" + iri + "&format=ris").statusCode());
        assertEquals(400, get("/cite?iri=not%20an%20iri&format=text").statusCode());
    }

    @Test
    void downloadsListsTheReleasesNewestFirstWithEachFilesSizeAndChecksumAndTheChange() throws Exception {
        HttpResponse<String> redirect = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/downloads")).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, redirect.statusCode());
        assertEquals("/downloads.html", redirect.headers().firstValue("Location").orElse(""));
        String html = page("/downloads.html");
        assertTrue(html.indexOf("Release 2,") < html.indexOf("Release 1,"), "newest first");
        for (String version : new String[] {"1", "2"}) {
            Path dir = releases.resolve(version);
            Map<String, String> sums = Checksums.read(dir);
            for (Map.Entry<String, String> e : sums.entrySet()) {
                String row = "<a href=\"/releases/" + version + "/" + e.getKey() + "\" download>" + e.getKey() + "</a>";
                assertTrue(html.contains(row), row);
                assertTrue(html.contains("data-bytes=\"" + Files.size(dir.resolve(e.getKey())) + "\""), e.getKey());
                assertTrue(html.contains("<code>" + e.getValue() + "</code>"), e.getKey());
            }
        }
        String changes = Files.readString(releases.resolve("2/CHANGES.md"));
        assertTrue(changes.contains(ID + "a") && changes.contains(ID + "b"), changes);
        assertTrue(section(html, "release-2").contains("&lt;" + ID + "a&gt;"), "release 2's change summary is on the page");
    }

    @Test
    void theFilesDownloadAsTheyAreWithTheirMediaTypesRangesAndETags() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String dump = "/releases/2/ctkg-2.nq.gz";
        HttpResponse<byte[]> whole = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + dump)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, whole.statusCode());
        assertArrayEquals(Files.readAllBytes(releases.resolve("2/ctkg-2.nq.gz")), whole.body(), "the dump as it is, not unpacked");
        assertEquals("application/gzip", whole.headers().firstValue("Content-Type").orElse(""));
        assertTrue(whole.headers().firstValue("Content-Encoding").isEmpty());
        assertEquals("nosniff", whole.headers().firstValue("X-Content-Type-Options").orElse(""));
        String etag = whole.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + dump)).header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
        HttpResponse<byte[]> range = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + dump)).header("Range", "bytes=0-9").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(206, range.statusCode());
        assertArrayEquals(java.util.Arrays.copyOf(whole.body(), 10), range.body());
        HttpResponse<Void> head = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + dump)).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(200, head.statusCode());
        assertEquals(Long.toString(whole.body().length), head.headers().firstValue("Content-Length").orElse(""));
        assertTrue(get("/releases/2/graphs/notes.ttl").headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
        assertTrue(get("/releases/2/changes.rdfp").headers().firstValue("Content-Type").orElse("").startsWith("application/rdf-patch"));
        assertEquals(Files.readString(releases.resolve("2/SHA256SUMS")), page("/releases/2/SHA256SUMS"));
    }

    @Test
    void onlyTheFilesAReleaseListsAreServedAndOnlyWhileTheyMatchTheirChecksums() throws Exception {
        Files.writeString(releases.resolve("2/extra.txt"), "not in SHA256SUMS");
        Path hidden = Files.createDirectories(releases.resolve(".3.part-123"));
        Files.writeString(hidden.resolve("SHA256SUMS"), "half-written");
        Files.writeString(tmp.resolve("secret.txt"), "beside the releases");
        org.apache.commons.io.file.PathUtils.copyDirectory(releases.resolve("1"), releases.resolve("copy-of-1"));
        try {
            for (String path : new String[] {"/releases/2/extra.txt", "/releases/.3.part-123/SHA256SUMS", "/releases/2/../../secret.txt",
                    "/releases/2/%2e%2e/%2e%2e/secret.txt", "/releases/2/..%2f..%2fsecret.txt", "/releases/3/SHA256SUMS", "/releases/2/graphs/",
                    "/releases/2", "/releases/"}) {
                int status = get(path).statusCode();
                assertTrue(status == 404 || status == 400, path + " answered " + status);
            }
            String listed = page("/downloads.html");
            assertFalse(listed.contains("extra.txt") || listed.contains(".part"), "the page lists only what SHA256SUMS lists");
            assertEquals(1, listed.split("Release 1,", -1).length - 1, "a copy of release 1 under another name is not offered");
        } finally {
            org.apache.commons.io.file.PathUtils.deleteDirectory(releases.resolve("copy-of-1"));
            Files.delete(releases.resolve("2/extra.txt"));
            Files.delete(hidden.resolve("SHA256SUMS"));
            Files.delete(hidden);
        }
        Path notes = releases.resolve("1/graphs/notes.ttl");
        byte[] original = Files.readAllBytes(notes);
        Files.write(notes, (new String(original, StandardCharsets.UTF_8) + "# altered\n").getBytes(StandardCharsets.UTF_8));
        try {
            assertEquals(503, get("/releases/1/graphs/notes.ttl").statusCode());
            assertTrue(page("/downloads.html").contains("graphs/notes.ttl (does not match its SHA-256; not served)"));
        } finally {
            Files.write(notes, original);
        }
        assertEquals(200, get("/releases/1/graphs/notes.ttl").statusCode(), "served again once restored");
    }

    @Test
    void theVoidAndDcatDescriptionsLinkEachOther() throws Exception {
        Graph dcat = parse(page("/downloads.ttl"), Lang.TURTLE);
        Graph voidDescription = parse(page("/ctkg/void"), Lang.TURTLE);
        Node dataset = NodeFactory.createURI("https://w3id.org/ctkg/dataset");
        Node release2 = NodeFactory.createURI("https://w3id.org/ctkg/release/2");
        Node hasVersion = NodeFactory.createURI("http://www.w3.org/ns/dcat#hasVersion");
        Node current = NodeFactory.createURI("http://www.w3.org/ns/dcat#hasCurrentVersion");
        assertTrue(dcat.contains(NodeFactory.createURI("https://w3id.org/ctkg/releases"), NodeFactory.createURI("http://www.w3.org/ns/dcat#dataset"), dataset));
        assertTrue(dcat.contains(dataset, RDFS.Nodes.seeAlso, NodeFactory.createURI(server.baseUrl() + "/ctkg/void")), "DCAT → VoID");
        assertTrue(dcat.contains(dataset, current, release2));
        assertTrue(dcat.contains(release2, NodeFactory.createURI("http://www.w3.org/ns/dcat#previousVersion"), NodeFactory.createURI("https://w3id.org/ctkg/release/1")),
                "each release's catalogue is in it");
        assertTrue(voidDescription.contains(dataset, RDFS.Nodes.seeAlso, NodeFactory.createURI(server.baseUrl() + "/downloads")), "VoID → DCAT");
        assertTrue(voidDescription.contains(dataset, hasVersion, release2) && voidDescription.contains(dataset, hasVersion, NodeFactory.createURI("https://w3id.org/ctkg/release/1")));
        assertTrue(voidDescription.contains(dataset, current, release2));
        assertTrue(voidDescription.contains(dataset, NodeFactory.createURI("http://rdfs.org/ns/void#dataDump"), NodeFactory.createURI(server.baseUrl() + "/releases/2/ctkg-2.nq.gz")));
        assertEquals(1, voidDescription.find(dataset, NodeFactory.createURI("http://rdfs.org/ns/void#dataDump"), Node.ANY).toList().size(), "the latest dump only");
    }

    @Test
    void theHomePagesDatasetMarkupParsesAsJsonLdWithWhatDatasetSearchAsksAndItsFilesDownloadWithTheirChecksums() throws Exception {
        String json = DatasetMarkupCheck.script(page("/"));
        assertFalse(json.contains("<"), "no '<' in the script element, so neither '</script' nor '<!--' in a value can change how HTML reads it");
        Graph g = parse(json, Lang.JSONLD);
        Node dataset = NodeFactory.createURI("https://w3id.org/ctkg/dataset");
        DatasetMarkupCheck.assertStated(g, dataset, DatasetMarkupCheck.STATED);
        DatasetMarkupCheck.assertStated(g, dataset, DatasetMarkupCheck.WITH_RELEASES);
        DatasetMarkupCheck.assertNotMadeUp(g, dataset);
        assertEquals("2", DatasetMarkupCheck.value(g, dataset, "version"));
        assertTrue(DatasetMarkupCheck.values(g, dataset, "isBasedOn").stream()
                .anyMatch(work -> HOSTILE.equals(DatasetMarkupCheck.value(g, work, "name"))), "the source, its name as it is");
        var downloads = DatasetMarkupCheck.values(g, dataset, "distribution");
        assertFalse(downloads.isEmpty());
        for (Node download : downloads) {
            DatasetMarkupCheck.assertStated(g, download, java.util.List.of("contentUrl", "encodingFormat", "contentSize", "sha256"));
            String url = DatasetMarkupCheck.value(g, download, "contentUrl");
            HttpResponse<byte[]> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, file.statusCode(), url);
            assertEquals(DatasetMarkupCheck.value(g, download, "sha256"), java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(file.body())), url);
            assertEquals(file.body().length + " B", DatasetMarkupCheck.value(g, download, "contentSize"));
        }
    }

    static Graph parse(String text, Lang lang) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(text, lang).parse(g);
        return g;
    }
}
