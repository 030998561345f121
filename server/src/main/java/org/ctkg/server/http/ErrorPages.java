package org.ctkg.server.http;

import java.io.IOException;

import org.apache.jena.fuseki.main.sys.FusekiErrorHandler;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Fuseki's error pages, without what only the server's log should hold: for an error no code
 * answered (an exception that reached Jetty), Jetty's page says the exception's class and message
 * ({@code java.lang.IllegalStateException: …}); here a server error (5xx) says only its status, and
 * a client error keeps its reason unless that reason is the exception itself. The reasons ctkg and
 * Fuseki give on purpose ({@code sendError(400, "…")}) are kept.
 */
public final class ErrorPages extends FusekiErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) throws IOException {
        boolean internal = code >= 500 || cause != null && (message == null || message.contains(cause.getClass().getName()));
        super.generateResponse(request, response, code, internal ? HttpStatus.getMessage(code) : message, internal ? null : cause, callback);
    }
}
