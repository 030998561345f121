package org.ctkg.server.web;

import java.io.IOException;
import java.io.OutputStream;

import jakarta.servlet.http.HttpServletResponse;

/** Writes a whole response body with its status and type, as ctkg's own pages do. */
public final class Responses {
    private Responses() {}

    public static void send(HttpServletResponse resp, int status, String contentType, byte[] body) throws IOException {
        resp.setStatus(status);
        resp.setContentType(contentType);
        resp.setContentLength(body.length);
        try (OutputStream out = resp.getOutputStream()) {
            out.write(body);
        }
    }

    /** An error answer as plain text that says what is wrong, and closes the connection (the request body may be unread). */
    public static void refuse(HttpServletResponse resp, int status, String message) throws IOException {
        resp.setHeader("Connection", "close");
        send(resp, status, "text/plain;charset=utf-8", (message + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
