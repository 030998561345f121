package org.ctkg.server.releases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.ctkg.loader.Stores;
import org.ctkg.server.CtkgServer;
import org.ctkg.testkit.Pages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A server started without a releases directory: it says there are none and how to cut one, and cites the store's state. */
class NoReleasesTest {
    private static CtkgServer server;

    @BeforeAll
    static void start() {
        server = CtkgServer.create().port(0).dataset(Stores.curatedScratch()).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void downloadsSaysThereAreNoneAndHowToCutOne() throws Exception {
        String html = Pages.get(server.baseUrl() + "/downloads.html").body();
        assertTrue(html.contains("This server offers no releases."), html);
        assertTrue(html.contains("ctkg release --loc STORE --version 1.0 --out DIR") && html.contains("ctkg serve --releases DIR"), html);
        assertEquals(404, java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(server.baseUrl() + "/releases/1/SHA256SUMS")).build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode());
        Graph dcat = ServedReleasesTest.parse(Pages.get(server.baseUrl() + "/downloads.ttl").body(), Lang.TURTLE);
        assertFalse(dcat.contains(Node.ANY, NodeFactory.createURI("http://www.w3.org/ns/dcat#hasVersion"), Node.ANY));
        Graph voidDescription = ServedReleasesTest.parse(Pages.get(server.baseUrl() + "/ctkg/void").body(), Lang.TURTLE);
        assertFalse(voidDescription.contains(Node.ANY, NodeFactory.createURI("http://www.w3.org/ns/dcat#hasVersion"), Node.ANY));
    }

    @Test
    void theHomePagesMarkupStatesWhatTheStoreSaysAndNoRelease() throws Exception {
        Graph g = ServedReleasesTest.parse(DatasetMarkupCheck.script(Pages.get(server.baseUrl() + "/").body()), Lang.JSONLD);
        Node dataset = NodeFactory.createURI("https://w3id.org/ctkg/dataset");
        DatasetMarkupCheck.assertStated(g, dataset, DatasetMarkupCheck.STATED);
        DatasetMarkupCheck.assertNotMadeUp(g, dataset);
        for (String p : DatasetMarkupCheck.WITH_RELEASES)
            assertTrue(DatasetMarkupCheck.values(g, dataset, p).isEmpty(), p + " without a release");
        Node creator = DatasetMarkupCheck.values(g, dataset, "creator").get(0);
        assertEquals("The ctkg project", DatasetMarkupCheck.value(g, creator, "name"));
        assertTrue(DatasetMarkupCheck.values(g, dataset, "isBasedOn").contains(NodeFactory.createURI("https://w3id.org/ctkg/id/source/cfr-ending-human-trafficking-2021"))
                || DatasetMarkupCheck.values(g, dataset, "isBasedOn").contains(NodeFactory.createURI("https://w3id.org/ctkg/id/source/tcr-2021-strategic-threat")),
                "the curated graph's sources");
    }

    @Test
    void aResourceIsCitedAsTheStoreIsWhenNoReleaseHoldsIt() throws Exception {
        String html = Pages.get(server.baseUrl() + "/id/instrument/palermo-protocol.html").body();
        assertTrue(html.contains("no release offered here holds it"), html);
        assertFalse(html.contains("No release offered here changed"), "no release list without releases");
    }
}
