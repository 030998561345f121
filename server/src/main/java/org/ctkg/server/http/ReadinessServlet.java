package org.ctkg.server.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.ctkg.server.web.Responses;

/** {@code /$/ready}: 200 {@code ready} when the server's {@link Readiness} says so, else 503 with the reason. */
public final class ReadinessServlet extends HttpServlet {
    private final transient Readiness readiness;

    public ReadinessServlet(Readiness readiness) {
        this.readiness = readiness;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Optional<String> reason = readiness.notReadyBecause();
        resp.setHeader("Cache-Control", "no-store");
        Responses.send(resp, reason.isEmpty() ? 200 : 503, "text/plain;charset=utf-8",
                (reason.orElse("ready") + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
