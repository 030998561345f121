package org.ctkg.server.http;

import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A buffer pool that keeps the response buffers Fuseki asks for. Fuseki 5.6 gives every response a
 * 5 MB output buffer (so that an answer of up to that size is sent whole, its status settled) but
 * leaves Jetty's default pool, which keeps buffers of up to 64 KB: every response allocated and
 * zeroed a new 5 MB direct buffer, freed only by a later garbage collection. That was about 2 ms
 * of server CPU on each millisecond query, in one of two latency modes as the allocator found
 * fresh or reused pages (apache/jena#4084, fixed in Fuseki after 5.6; docs/benchmarks.md).
 */
public final class ResponseBufferPool {
    private ResponseBufferPool() {}

    /**
     * Replaces each of the server's connectors, before it starts, by one with the same port, host,
     * timeouts and protocols on a pool that keeps buffers as large as the largest output buffer.
     * (A connector takes its pool when it is made, and Fuseki makes the server's own.) The pool keeps
     * one such buffer for each response in flight at once, up to Jetty's default bound on its idle
     * memory (an eighth of the maximum heap), past which it lets buffers go.
     */
    public static void install(Server jetty) {
        ByteBufferPool pool = new ArrayByteBufferPool(0, -1, largestOutputBuffer(jetty), Integer.MAX_VALUE);
        for (Connector connector : jetty.getConnectors()) {
            if (!(connector instanceof ServerConnector old))
                continue;
            ServerConnector pooled = new ServerConnector(jetty, null, null, pool, old.getAcceptors(),
                    old.getSelectorManager().getSelectorCount(), old.getConnectionFactories().toArray(ConnectionFactory[]::new));
            pooled.setHost(old.getHost());
            pooled.setPort(old.getPort());
            pooled.setIdleTimeout(old.getIdleTimeout());
            pooled.setShutdownIdleTimeout(old.getShutdownIdleTimeout());
            pooled.setAcceptQueueSize(old.getAcceptQueueSize());
            pooled.setReuseAddress(old.getReuseAddress());
            jetty.removeConnector(old);
            jetty.addConnector(pooled);
        }
    }

    /** The largest output buffer the connectors' HTTP configurations ask for; at least Jetty's default pool's largest. */
    private static int largestOutputBuffer(Server jetty) {
        int largest = 64 * 1024;
        for (Connector connector : jetty.getConnectors()) {
            HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
            if (http != null)
                largest = Math.max(largest, http.getHttpConfiguration().getOutputBufferSize());
        }
        return largest;
    }
}
