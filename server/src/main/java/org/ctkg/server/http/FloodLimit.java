package org.ctkg.server.http;

import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.DoSHandler;
import org.eclipse.jetty.util.Callback;

/**
 * A bound on the rate of requests from one client (by {@link ClientAddress}), of any kind, against
 * floods: Jetty's {@link DoSHandler} with a leaking bucket of {@code maxPerSecond} requests,
 * draining at {@code maxPerSecond} a second (so a burst of that many is let through, as a browser
 * loading a page and its files sends). Past it: 429 with {@code Retry-After: 1}, answered before
 * any servlet or filter, a second later ({@link #REFUSAL_DELAY_MILLIS}), and the connection closed. A refused request costs the server a lookup
 * and a line of text, where the budget's own 429 costs the request's parsing and the filters.
 */
public final class FloodLimit {
    /** The answer to a request over the rate. */
    static final String REFUSED = "Too many requests: this client sends more than this server answers for one client; "
            + "slow down, and try again in a second\n";
    /**
     * How long a refusal is held before it is sent: a flooder that does not wait for {@code
     * Retry-After} is slowed to one request a connection this often, instead of costing the
     * server thousands of refusals a second. Held without a thread (Jetty's scheduler).
     */
    static final long REFUSAL_DELAY_MILLIS = 1000;
    /** The most refusals held at once; past it, Jetty refuses at once. */
    private static final int MAX_HELD_REFUSALS = 10_000;
    /** The most clients tracked at once; past it, requests from new clients are refused until the idle ones are forgotten. */
    private static final int MAX_CLIENTS = 100_000;

    private FloodLimit() {}

    /** {@code next} behind a limit of {@code maxPerSecond} requests a second per client. */
    public static Handler around(Handler next, int maxPerSecond, ClientAddress clients) {
        return new DoSHandler(next,
                request -> clients.of(Request.getRemoteAddr(request), request.getHeaders().get(HttpHeader.X_FORWARDED_FOR)),
                new DoSHandler.LeakingBucketTrackerFactory(maxPerSecond),
                new DoSHandler.DelayedRejectHandler(REFUSAL_DELAY_MILLIS, MAX_HELD_REFUSALS, FloodLimit::refuse), MAX_CLIENTS);
    }

    private static boolean refuse(Request request, Response response, Callback callback) {
        response.setStatus(429);
        response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain;charset=utf-8");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(REFUSED.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }
}
