package org.ctkg.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;

import org.apache.jena.sparql.core.DatasetGraph;
import org.ctkg.loader.tdb2.StoreInternals;

/**
 * What a served store held at a moment, for tests that send a request and check that it changed
 * nothing. Data changes only in a write transaction: while the store has begun none since, it is
 * unchanged without a look; once one has begun, every quad is compared over HTTP (and, found
 * equal, that count is the new mark). Suites of a hundred hostile requests then dump the store
 * once, not a hundred times.
 */
public final class ServedData {
    private final String dataUrl;
    private final DatasetGraph store;
    private final List<String> quads;
    private long writesBegun;

    private ServedData(String dataUrl, DatasetGraph store) throws IOException, InterruptedException {
        this.dataUrl = dataUrl;
        this.store = store;
        this.writesBegun = StoreInternals.writesBegun(store);
        this.quads = SparqlHttp.quads(dataUrl);
    }

    /** The data now, read from the Graph Store endpoint {@code dataUrl} that serves {@code store}. */
    public static ServedData of(String dataUrl, DatasetGraph store) throws IOException, InterruptedException {
        return new ServedData(dataUrl, store);
    }

    /** Fails with {@code message} unless the served data is exactly as it was. */
    public void assertUnchanged(String message) throws IOException, InterruptedException {
        long now = StoreInternals.writesBegun(store);
        if (now == writesBegun && now >= 0)
            return;
        assertEquals(quads, SparqlHttp.quads(dataUrl), message);
        writesBegun = now;
    }
}
