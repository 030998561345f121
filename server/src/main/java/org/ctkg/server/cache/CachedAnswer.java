package org.ctkg.server.cache;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.ctkg.loader.tdb2.StoreInternals.WriteState;

/**
 * A whole 200 answer as the server gave it: its type, the headers that describe it (in the order
 * they were set), its bytes, and the state of the store it was computed from, which it may only
 * answer for.
 */
record CachedAnswer(String contentType, List<Header> headers, byte[] body, WriteState state) {
    /** A header as the servlet set it: replacing ({@code set}) or adding to ({@code add}) those of its name. */
    record Header(boolean add, String name, String value) {
        void applyTo(HttpServletResponse response) {
            if (add)
                response.addHeader(name, value);
            else
                response.setHeader(name, value);
        }
    }

    /** About what the answer holds in memory, in bytes: what the cache's bound counts. */
    int weight() {
        int w = 64 + body.length + (contentType == null ? 0 : 2 * contentType.length());
        for (Header h : headers)
            w += 32 + 2 * (h.name().length() + h.value().length());
        return w;
    }

    /** Answers again, as the first time. */
    void replay(HttpServletResponse response) throws IOException {
        response.setStatus(200);
        headers.forEach(h -> h.applyTo(response));
        if (contentType != null)
            response.setContentType(contentType);
        response.setContentLength(body.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(body);
        }
    }
}
