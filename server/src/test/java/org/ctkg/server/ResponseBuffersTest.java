package org.ctkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.ctkg.loader.Stores;
import org.ctkg.testkit.SparqlHttp;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.junit.jupiter.api.Test;

/**
 * Each response's output buffer (Fuseki's 5 MB) comes from the pool and goes back to it, rather
 * than being allocated, zeroed and dropped for every response (docs/benchmarks.md, "The slow mode").
 */
class ResponseBuffersTest {
    @Test
    void responsesReuseTheirOutputBuffers() throws Exception {
        CtkgServer server = CtkgServer.create().port(0).dataset(Stores.curatedScratch()).build().start();
        try {
            Connector connector = server.connectors()[0];
            int outputBuffer = connector.getConnectionFactory(HttpConnectionFactory.class).getHttpConfiguration().getOutputBufferSize();
            ArrayByteBufferPool pool = (ArrayByteBufferPool) connector.getByteBufferPool();
            pool.setStatisticsEnabled(true);
            for (int i = 1; i <= 20; i++)
                assertEquals(200, SparqlHttp.post(server.sparqlUrl(), "ASK { FILTER(" + i + " > 0) }", "application/sparql-results+json").statusCode());

            assertEquals(Map.of(), pool.getNoBucketDirectAcquires(), "direct buffers too large for the pool");
            assertEquals(Map.of(), pool.getNoBucketHeapAcquires(), "heap buffers too large for the pool");
            assertTrue(pool.getDirectMemory() + pool.getHeapMemory() >= outputBuffer,
                    "a response's " + outputBuffer + "-byte buffer is kept for the next: " + pool);
        } finally {
            server.stop();
        }
    }
}
