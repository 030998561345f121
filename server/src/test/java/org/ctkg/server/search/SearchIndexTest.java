package org.ctkg.server.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.ctkg.loader.LoadJob;
import org.ctkg.loader.LoadReport;
import org.ctkg.loader.Store;
import org.ctkg.loader.Stores;
import org.ctkg.loader.prov.Provenance;
import org.ctkg.loader.source.RdfFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a load job, which writes the store past the index, the index is brought up to date with
 * what the job wrote alone: its graphs' entries are indexed anew, the rest are left as they are.
 */
class SearchIndexTest {
    private static final Node SHELTERS = NodeFactory.createURI("https://w3id.org/ctkg/graph/test-shelters");

    @TempDir
    Path tmp;

    private LoadReport load(DatasetGraph store, String label, boolean replace) throws IOException {
        String turtle = "<https://w3id.org/ctkg/id/organization/" + label.toLowerCase().replace(' ', '-') + ">"
                + " a <https://w3id.org/ctkg/ontology#Organization> ; <http://www.w3.org/2000/01/rdf-schema#label> \"" + label + "\"@en .\n";
        Path file = Files.writeString(tmp.resolve("shelters.ttl"), turtle);
        return LoadJob.create(Store.serving(store)).graph(SHELTERS).replace(replace).source(RdfFile.of(file, null)).build().run();
    }

    private static List<Node> graphsOf(LoadReport report) {
        List<Node> graphs = new ArrayList<>(report.changes().keySet());
        graphs.add(Provenance.GRAPH);
        return graphs;
    }

    @Test
    void aJobsGraphsAreIndexedAnewAndTheRestIsLeftAlone() throws IOException {
        DatasetGraph store = Stores.curatedScratch();
        SearchIndex index = new SearchIndex(store);
        long wholeStore = index.entitiesIndexed();
        assertFalse(index.search("palermo", 5).isEmpty(), "the curated graph is indexed");

        LoadReport first = load(store, "Quokkabrook Refuge", false);
        long before = index.entitiesIndexed();
        index.reindex(graphsOf(first));
        long cost = index.entitiesIndexed() - before;
        assertTrue(cost > 0 && cost < 10, "the job's label and its provenance, not the store's " + wholeStore + ": " + cost);
        assertEquals(1, index.search("quokkabrook", 5).size());

        LoadReport second = load(store, "Wombatfield Refuge", true);
        index.reindex(graphsOf(second));
        assertTrue(index.search("quokkabrook", 5).isEmpty(), "what the job replaced is no longer found");
        assertEquals(1, index.search("wombatfield", 5).size());
        assertFalse(index.search("palermo", 5).isEmpty(), "the other graphs' entries are kept");
    }
}
