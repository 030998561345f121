package org.ctkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.ctkg.loader.Store;
import org.ctkg.testkit.RecordingListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Offline jobs make no request either: a JSON-LD file (data or shapes) whose {@code @context}
 * names a listener on loopback fails with exit 2 and a message naming the IRI, the listener
 * records nothing and the store is unchanged; ctkg's own context resolves without a request; a
 * shapes file's {@code owl:imports} is not followed.
 */
class OutboundJobsTest {
    @TempDir
    Path tmp;
    private RecordingListener listener;

    @BeforeEach
    void listen() throws Exception {
        listener = new RecordingListener();
    }

    @AfterEach
    void close() {
        listener.close();
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(tmp.resolve(name), content, StandardCharsets.UTF_8);
    }

    private Path remoteContextDocument() throws Exception {
        return write("remote.jsonld", "{\"@context\": \"" + listener.url() + "/context.jsonld\", \"@id\": \"https://w3id.org/ctkg/id/organization/a\", \"name\": \"A\"}");
    }

    private void assertRefusedContext(CommandLineTest.Run run) {
        assertEquals(2, run.code(), run.err());
        assertTrue(run.err().contains("the remote JSON-LD context <" + listener.url() + "/context.jsonld> is not fetched"), run.err());
        for (String internal : new String[] {"Exception", "\tat "})
            assertFalse(run.err().contains(internal), run.err());
        assertEquals(List.of(), listener.requests());
    }

    private static long quads(Path loc) {
        try (Store store = Store.openExisting(loc)) {
            DatasetGraph dsg = store.dataset();
            return Txn.calculateRead(dsg, () -> dsg.stream().count());
        }
    }

    @Test
    void validatingAJsonLdFileWithARemoteContextFetchesNothing() throws Exception {
        assertRefusedContext(CommandLineTest.ctkg("validate", remoteContextDocument().toString()));
    }

    @Test
    void loadingAJsonLdFileWithARemoteContextFetchesNothingAndLeavesTheStore() throws Exception {
        Path loc = tmp.resolve("store");
        String own = "{\"@context\": \"https://w3id.org/ctkg/context.jsonld\", \"@id\": \"https://w3id.org/ctkg/id/organization/b\","
                     + " \"type\": \"Organization\", \"label\": {\"@value\": \"B\", \"@language\": \"en\"}}";
        CommandLineTest.Run first = CommandLineTest.ctkg("load", "--quiet", "--loc", loc.toString(), write("own.jsonld", own).toString());
        assertEquals(0, first.code(), "ctkg's own context resolves locally: " + first.err());
        long before = quads(loc);
        assertRefusedContext(CommandLineTest.ctkg("load", "--quiet", "--loc", loc.toString(), remoteContextDocument().toString()));
        assertEquals(before, quads(loc));
    }

    @Test
    void aShapesFileWithARemoteContextFetchesNothing() throws Exception {
        Path data = write("a.ttl", "<https://w3id.org/ctkg/id/organization/a> <http://www.w3.org/2000/01/rdf-schema#label> \"A\"@en .\n");
        Path shapes = write("shapes.jsonld", "{\"@context\": \"" + listener.url() + "/context.jsonld\", \"@id\": \"urn:test:shape\"}");
        assertRefusedContext(CommandLineTest.ctkg("validate", "--shapes", shapes.toString(), data.toString()));
    }

    @Test
    void aShapesFilesImportsAreNotFollowed() throws Exception {
        Path data = write("a.ttl", "<https://w3id.org/ctkg/id/organization/a> <http://www.w3.org/2000/01/rdf-schema#label> \"A\"@en .\n");
        Path shapes = write("shapes.ttl", """
                @prefix sh: <http://www.w3.org/ns/shacl#> .
                @prefix owl: <http://www.w3.org/2002/07/owl#> .
                <urn:test:shapes> owl:imports <%s/shapes.ttl> .
                <urn:test:shape> a sh:NodeShape ; sh:targetNode <https://w3id.org/ctkg/id/organization/a> ;
                    sh:property [ sh:path <http://www.w3.org/2000/01/rdf-schema#label> ; sh:minCount 1 ] .
                """.formatted(listener.url()));
        CommandLineTest.Run run = CommandLineTest.ctkg("validate", "--shapes", shapes.toString(), data.toString());
        assertEquals(0, run.code(), run.err());
        assertEquals(List.of(), listener.requests());
    }
}
