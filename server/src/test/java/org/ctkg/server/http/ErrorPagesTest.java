package org.ctkg.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On a real Jetty server (ctkg's servers have no route that fails uncaught, so a servlet here
 * does): an exception that reaches Jetty gets a 500 page without its class or message, in HTML,
 * plain text and JSON; a reason given on purpose is kept.
 */
class ErrorPagesTest {
    private static Server jetty;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
                throw new IllegalStateException("the secret detail of a failure");
            }
        }), "/fails");
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
                resp.sendError(400, "the graph IRI is not absolute");
            }
        }), "/refuses");
        ErrorPages errors = new ErrorPages();
        context.setErrorHandler(errors);
        jetty.setErrorHandler(errors);
        jetty.setHandler(context);
        jetty.start();
        base = "http://127.0.0.1:" + connector.getLocalPort();
    }

    @AfterAll
    static void stop() throws Exception {
        jetty.stop();
    }

    private static HttpResponse<String> get(String path, String accept) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anUncaughtExceptionIsAServerErrorThatNamesNothingInside() throws Exception {
        for (String accept : new String[] {"text/html", "text/plain", "application/json"}) {
            HttpResponse<String> r = get("/fails", accept);
            assertEquals(500, r.statusCode(), accept);
            assertFalse(r.body().contains("IllegalStateException") || r.body().contains("java.") || r.body().contains("secret detail"),
                    accept + ": " + r.body());
            assertTrue(r.body().contains("Server Error"), accept + ": " + r.body());
        }
    }

    @Test
    void aReasonGivenOnPurposeIsKept() throws Exception {
        HttpResponse<String> r = get("/refuses", "text/plain");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("the graph IRI is not absolute"), r.body());
    }
}
