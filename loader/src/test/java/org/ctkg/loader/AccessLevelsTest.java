package org.ctkg.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.ctkg.loader.prov.Provenance;
import org.ctkg.loader.source.RdfFile;
import org.ctkg.ontology.Ids;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Access levels as a store records them through load jobs (real TDB2 stores). */
class AccessLevelsTest {
    private static final Node ORGS = Ids.graph("organisations");
    @TempDir
    Path tmp;

    private static LoadReport load(Store store, String file, Access access, boolean change, boolean newGeneration) {
        return LoadJob.create(store).source(RdfFile.of(LoadJobTest.good(file), null)).graph(ORGS).replace(true)
                      .access(access).changeAccess(change).newGeneration(newGeneration).build().run();
    }

    private static <T> T read(Store store, java.util.function.Function<DatasetGraph, T> f) {
        DatasetGraph dsg = store.dataset();
        return Txn.calculateRead(dsg, () -> f.apply(dsg));
    }

    @Test
    void aRestrictedLoadIsRememberedWithItsProvenanceApart() {
        try (Store store = Store.open(tmp.resolve("store"))) {
            assertEquals(Set.of(), read(store, AccessLevels::restricted), "a new store restricts nothing");
            LoadReport report = load(store, "organisations.ttl", Access.RESTRICTED, false, false);
            assertEquals(Set.of(ORGS, AccessLevels.GRAPH, AccessLevels.RESTRICTED_PROVENANCE), read(store, AccessLevels::restricted));
            assertEquals(Access.RESTRICTED, read(store, d -> AccessLevels.of(d, ORGS)));
            assertTrue((boolean) read(store, d -> d.contains(AccessLevels.RESTRICTED_PROVENANCE, report.job(), Node.ANY, Node.ANY)), "the job is recorded apart");
            assertFalse((boolean) read(store, d -> d.contains(Provenance.GRAPH, report.job(), Node.ANY, Node.ANY)), "the public provenance does not have the job");
            assertFalse((boolean) read(store, d -> d.find(Provenance.GRAPH, Node.ANY, Node.ANY, ORGS).hasNext()), "nor names the graph");
        }
        try (Store again = Store.openExisting(tmp.resolve("store"))) {
            assertEquals(Access.RESTRICTED, read(again, d -> AccessLevels.of(d, ORGS)), "survives a restart");
        }
    }

    @Test
    void aPublicLoadIntoARestrictedGraphIsRefusedAndTheStoreUnchanged() {
        for (boolean newGeneration : new boolean[] {false, true}) {
            try (Store store = Store.open(tmp.resolve("store-" + newGeneration))) {
                load(store, "organisations.ttl", Access.RESTRICTED, false, false);
                long before = read(store, d -> d.stream().count());
                LoadException e = assertThrows(LoadException.class, () -> load(store, "organisations-v2.ttl", Access.PUBLIC, false, newGeneration));
                assertEquals(LoadException.Kind.BAD_INPUT, e.kind());
                assertTrue(e.getMessage().contains(ORGS.getURI()) && e.getMessage().contains("--change-access"), e.getMessage());
                assertEquals(before, (long) read(store, d -> d.stream().count()), "store unchanged (new generation: " + newGeneration + ")");
                assertEquals(Access.RESTRICTED, read(store, d -> AccessLevels.of(d, ORGS)));
            }
        }
    }

    @Test
    void restrictedReplaceStaysRestrictedAndAnOperatorCanMakeItPublic() {
        try (Store store = Store.open(tmp.resolve("store"))) {
            load(store, "organisations.ttl", Access.RESTRICTED, false, false);
            LoadJob.create(store).source(RdfFile.of(LoadJobTest.good("organisations-v2.ttl"), null)).graph(ORGS).replace(true)
                   .access(Access.RESTRICTED).build().run();
            assertEquals(Access.RESTRICTED, read(store, d -> AccessLevels.of(d, ORGS)));
            load(store, "organisations.ttl", Access.PUBLIC, true, false);
            assertEquals(Access.PUBLIC, read(store, d -> AccessLevels.of(d, ORGS)));
        }
    }

    @Test
    void noJobWritesTheRecordOfLevels() {
        try (Store store = Store.open(tmp.resolve("store"))) {
            LoadException e = assertThrows(LoadException.class, () -> LoadJob.create(store)
                    .source(RdfFile.of(LoadJobTest.good("organisations.ttl"), null)).graph(AccessLevels.GRAPH).build().run());
            assertEquals(LoadException.Kind.BAD_INPUT, e.kind());
        }
    }
}
