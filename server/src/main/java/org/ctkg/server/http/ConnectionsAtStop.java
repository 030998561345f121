package org.ctkg.server.http;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.component.Graceful;

/**
 * Knows which connections carry a request being handled, and when a graceful stop begins closes
 * all the others. Jetty's own way (a short idle timeout for every connection at shutdown) also
 * cuts a request whose client pauses while sending its body; this lets such a request finish and
 * closes only connections that carry none (a keep-alive connection between requests).
 *
 * <p>A connection whose request ends during the stop is closed shortly after, so that it too goes
 * rather than hold the stop up.
 */
final class ConnectionsAtStop extends Handler.Wrapper implements Graceful {
    /** How long after its request ends during the stop a connection is closed. */
    private static final long CLOSE_AFTER_STOP_MILLIS = 50;

    private final Set<Connection> busy = ConcurrentHashMap.newKeySet();
    private volatile boolean shutdown;

    ConnectionsAtStop(Handler handler) {
        super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Connection connection = request.getConnectionMetaData().getConnection();
        busy.add(connection);
        boolean handled = false;
        try {
            handled = super.handle(request, response, new Callback.Nested(callback) {
                @Override
                public void succeeded() {
                    done(connection);
                    super.succeeded();
                }

                @Override
                public void failed(Throwable failure) {
                    done(connection);
                    super.failed(failure);
                }
            });
            return handled;
        } finally {
            if (!handled)
                busy.remove(connection);
        }
    }

    /**
     * A request has ended. If the stop had begun (and found its connection busy), its connection
     * goes too once the response is on its way, unless it carries another request by then (which
     * the stopping server refuses, and which comes here in turn).
     */
    private void done(Connection connection) {
        busy.remove(connection);
        if (shutdown)
            getServer().getScheduler().schedule(() -> {
                if (!busy.contains(connection))
                    connection.getEndPoint().close();
            }, CLOSE_AFTER_STOP_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public CompletableFuture<Void> shutdown() {
        shutdown = true;
        for (Connector connector : getServer().getConnectors())
            for (EndPoint endPoint : connector.getConnectedEndPoints())
                if (!busy.contains(application(endPoint)))
                    endPoint.close();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    /** The connection that speaks HTTP on a network end point (under TLS, the one inside it). */
    private static Connection application(EndPoint endPoint) {
        Connection connection = endPoint.getConnection();
        while (connection instanceof SslConnection tls)
            connection = tls.getSslEndPoint().getConnection();
        return connection;
    }
}
