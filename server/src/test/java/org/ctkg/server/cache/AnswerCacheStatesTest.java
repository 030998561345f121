package org.ctkg.server.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.ctkg.loader.tdb2.StoreInternals.WriteState;
import org.junit.jupiter.api.Test;

/**
 * The cache's states on a real TDB2 store, without a server: an answer is given in the state it
 * was computed from and never after a write; one whose computation a write overtook is not kept;
 * over a store that is not TDB2 nothing is.
 */
class AnswerCacheStatesTest {
    private static final AnswerKey KEY = new AnswerKey("GET", "/ctkg/sparql", "query=ASK%7B%7D", null, null, null, "*/*", null,
            "http://localhost:3030", java.util.Set.of(), false, null);

    private static CachedAnswer answer(WriteState state) {
        return new CachedAnswer("text/plain", List.of(), "yes".getBytes(StandardCharsets.UTF_8), state);
    }

    private static void write(DatasetGraph dsg) {
        Txn.executeWrite(dsg, () -> dsg.add(NodeFactory.createURI("urn:x:g"), NodeFactory.createURI("urn:x:s"),
                NodeFactory.createURI("urn:x:p"), NodeFactory.createURI("urn:x:o")));
    }

    @Test
    void anAnswerIsGivenInItsStateOnly() {
        DatasetGraph dsg = DatabaseMgr.createDatasetGraph();
        AnswerCache cache = new AnswerCache(dsg, 1 << 20);
        WriteState s = cache.settled();
        assertNotNull(s);
        CachedAnswer a = answer(s);
        cache.keep(KEY, a);
        assertSame(a, cache.answer(KEY), "given in its state");
        write(dsg);
        assertNull(cache.answer(KEY), "never after a write");
        assertEquals(0, cache.size(), "and dropped");
    }

    @Test
    void anAnswerAWriteOvertookIsNotKept() {
        DatasetGraph dsg = DatabaseMgr.createDatasetGraph();
        AnswerCache cache = new AnswerCache(dsg, 1 << 20);
        WriteState before = cache.settled();
        write(dsg);   // begun and committed while the answer was being computed
        cache.keep(KEY, answer(before));
        assertEquals(0, cache.size(), "not kept");
        assertNull(cache.answer(KEY));
    }

    @Test
    void overAStoreThatIsNotTdb2NothingIsKept() {
        AnswerCache cache = new AnswerCache(DatasetGraphFactory.createTxnMem(), 1 << 20);
        assertNull(cache.settled());
        assertNull(cache.answer(KEY));
    }
}
