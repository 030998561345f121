package org.ctkg.loader.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;

import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.main.QC;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.apache.jena.sparql.resultset.ResultSetCompare;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.solver.OpExecutorTDB2;
import org.ctkg.loader.Stores;
import org.ctkg.loader.tdb2.HiddenGraphs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Star matching answers exactly what TDB2's own executor answers on the same store: records in
 * several graphs (a triple held twice counts once), a subject with more triples than are read at
 * once, repeated variables, optional parts (their subject substituted by the record), filters
 * placed among the patterns, hidden graphs, and updates; and patterns whose probes repeat (a
 * country's label for each of its records), with more answers than are kept, or that never repeat.
 */
class StarQueryExecutorTest {
    private static final String PREFIX = "PREFIX : <urn:ex:> ";
    @TempDir
    static Path dir;
    static DatasetGraph store;
    static final Node HIDDEN = NodeFactory.createURI("urn:graph:hidden");

    @BeforeAll
    static void records() {
        store = DatabaseMgr.connectDatasetGraph(Location.create(dir));
        Stores.unionDefaultGraph(store);
        Node a = NodeFactory.createURI("urn:graph:a"), b = NodeFactory.createURI("urn:graph:b");
        Txn.executeWrite(store, () -> {
            for (int i = 0; i < 300; i++) {
                Node record = uri("record" + i);
                Node g = i % 10 == 0 ? HIDDEN : a;
                store.add(g, record, org.apache.jena.vocabulary.RDF.Nodes.type, uri("Record"));
                store.add(g, record, uri("country"), uri("country" + i % 7));
                if (i % 5 != 0)
                    store.add(g, record, uri("year"), NodeFactory.createLiteralString(Integer.toString(2000 + i % 4)));
                if (i % 3 == 0)
                    store.add(g, record, uri("gender"), NodeFactory.createLiteralString(i % 2 == 0 ? "Woman" : "Man"));
                if (i % 4 == 0) // the same triples again in another graph
                    store.add(b, record, uri("country"), uri("country" + i % 7));
                if (i % 11 == 0)
                    store.add(b, record, uri("country"), uri("country" + (i + 1) % 7));
                if (i % 10 == 5) // a visible record with one triple in the hidden graph
                    store.add(HIDDEN, record, uri("year"), NodeFactory.createLiteralString("1999"));
                if (i % 13 == 0)
                    store.add(a, record, uri("knows"), record);
            }
            for (int c = 0; c < 7; c++) {
                store.add(a, uri("country" + c), uri("label"), NodeFactory.createLiteralString("Country " + c));
                for (int k = 0; k < 100; k++) // more triples than one read takes
                    store.add(a, uri("country" + c), uri("note"), NodeFactory.createLiteralString("note " + k));
                store.add(a, uri("country" + c), uri("region"), uri("region" + c % 2));
            }
        });
    }

    private static Node uri(String local) {
        return NodeFactory.createURI("urn:ex:" + local);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT ?c ?y (COUNT(?r) AS ?n) { ?r a :Record ; :country ?c ; :year ?y } GROUP BY ?c ?y",
        "SELECT ?c ?y (COUNT(?r) AS ?n) { ?r a :Record ; :country ?c ; :year ?y FILTER(?c != :country3) } GROUP BY ?c ?y",
        "SELECT * { ?r :country :country2 ; :year '2001' OPTIONAL { ?r :gender ?g } OPTIONAL { ?r :country/:label ?l } OPTIONAL { ?r :knows ?k } }",
        "SELECT * { ?r :knows ?r ; :country ?c }",
        "SELECT * { ?c :label ?l ; :note ?n ; :region ?region }",
        "SELECT * { ?r :country ?c . ?c :region ?region ; :label ?l }",
        "SELECT * { ?r a :Record ; ?p ?o }",
        "SELECT * { ?r :country ?c ; :country ?d FILTER(?c != ?d) }",
        "SELECT * { ?r :year ?y ; :unknown ?u }",
        "SELECT ?r { ?r a :Record ; :country ?c FILTER NOT EXISTS { ?r :year ?y ; :gender ?g } }",
        "SELECT * { GRAPH ?g { ?r a :Record ; :country ?c } }",
        "SELECT * { { SELECT ?r ?c { ?r :country ?c ; :gender 'Woman' } } ?r :year ?y }",
        "SELECT * { ?r a :Record OPTIONAL { ?r :country ?c . ?c :region :region1 } OPTIONAL { ?r :year ?y } }",
        "SELECT * { ?r :gender ?g ; :country ?c OPTIONAL { ?r :year ?y . ?x :year ?y ; :gender ?g } }",
        "SELECT * { ?r a :Record OPTIONAL { ?r :year ?y } OPTIONAL { ?r :gender ?y } }",
        // no star: probes that repeat (seven countries' labels), that have more answers than are kept, by object, that never repeat
        "SELECT ?r ?l { ?r :country ?c . ?c :label ?l } ORDER BY ?r LIMIT 100",
        "SELECT ?r (COUNT(?n) AS ?notes) { ?r :country ?c . ?c :note ?n } GROUP BY ?r",
        "SELECT * { ?r :gender 'Woman' . ?x :year ?y . ?r :year ?y }",
        "SELECT * { ?r a :Record . ?r :country ?c }",
        "SELECT * { ?r :country ?c OPTIONAL { ?c :label ?l } }",
    })
    void answersAsTdb2Does(String query) {
        for (boolean hideOne : new boolean[] {false, true}) {
            RowSetRewindable star = select(query, hideOne, false), tdb2 = select(query, hideOne, true);
            assertTrue(tdb2.size() > 0 || query.contains(":unknown"), "the test query matches something: " + query);
            assertTrue(ResultSetCompare.equalsByTerm(star, tdb2),
                    () -> "hidden graph " + hideOne + ", " + query + ": " + star.size() + " rows against TDB2's " + tdb2.size());
        }
    }

    @Test
    void runsTheStoresQueries() {
        assertSame(StarQueryExecutor.FACTORY, QC.getFactory(store.getContext()));
    }

    @Test
    void aContextUsedAgainAfterAWriteReadsTheNewState() {
        String counts = "SELECT ?r ?y { VALUES ?r { :record1 :record2 } ?r a :Record ; :country ?c ; :year ?y }";
        Context shared = Context.setupContextForDataset(ARQ.getContext(), store);
        RowSetRewindable before = Txn.calculateRead(store, () -> rows(counts, shared));
        String moved = PREFIX + "DELETE { GRAPH ?g { ?r :year ?y } } INSERT { GRAPH ?g { ?r :year '1990' } } "
                + "WHERE { GRAPH ?g { ?r a :Record ; :year ?y } }";
        Txn.executeWrite(store, () -> org.apache.jena.sparql.exec.UpdateExec.dataset(store).update(moved).execute());
        try {
            RowSetRewindable after = Txn.calculateRead(store, () -> rows(counts, shared));
            RowSetRewindable tdb2 = select(counts, false, true);
            assertTrue(ResultSetCompare.equalsByTerm(after, tdb2), () -> "after the write: " + after.size() + " rows against TDB2's " + tdb2.size());
            assertTrue(!ResultSetCompare.equalsByTerm(before, after), "the write changed the years");
        } finally {
            Txn.executeWrite(store, () -> store.clear());
            records();
        }
    }

    private static RowSetRewindable rows(String query, Context cxt) {
        try (QueryExec q = QueryExec.dataset(store).query(PREFIX + query).context(cxt).build()) {
            return q.select().rewindable();
        }
    }

    @Test
    void anUpdateWritesWhatItsPatternMatches() {
        String update = PREFIX + "INSERT { GRAPH <urn:graph:checks> { ?r :checked ?y } } WHERE { ?r a :Record ; :year ?y ; :country :country1 }";
        Txn.executeWrite(store, () -> org.apache.jena.sparql.exec.UpdateExec.dataset(store).update(update).execute());
        RowSetRewindable checked = select("SELECT * { ?r :checked ?y ; :year ?y }", false, false);
        assertEquals(select("SELECT * { ?r a :Record ; :year ?y ; :country :country1 }", false, true).size(), checked.size());
        Txn.executeWrite(store, () -> org.apache.jena.sparql.exec.UpdateExec.dataset(store).update(PREFIX + "DROP GRAPH <urn:graph:checks>").execute());
    }

    private static RowSetRewindable select(String query, boolean hideOne, boolean tdb2Executor) {
        return Txn.calculateRead(store, () -> {
            Context cxt = Context.setupContextForDataset(ARQ.getContext(), store);
            if (tdb2Executor)
                cxt.set(ARQConstants.sysOpExecutorFactory, OpExecutorTDB2.OpExecFactoryTDB);
            if (hideOne)
                HiddenGraphs.hide(cxt, store, () -> Set.of(HIDDEN));
            QueryExecBuilder exec = QueryExec.dataset(store).query(PREFIX + query).context(cxt);
            try (QueryExec q = exec.build()) {
                RowSet rows = q.select();
                return rows.rewindable();
            }
        });
    }
}
