package org.ctkg.server.cache;

import java.util.Arrays;

import jakarta.servlet.http.HttpServletRequest;

import org.ctkg.server.access.Audience;

/**
 * Everything an answer depends on besides the store: the request (method, path, query string, a
 * POST's type, encoding and body), the headers the servlets negotiate by ({@code Accept},
 * {@code Accept-Charset}), the server as the client named it (pages link to it), who asks (what
 * the audience may see, and whether they are signed in: the row cap spares readers and writers),
 * and the state of whatever else the pages show ({@code also}: the releases on the shelf).
 */
record AnswerKey(String method, String path, String query, String contentType, String contentEncoding, Body body,
                 String accept, String acceptCharset, String server, Object sight, boolean signedIn, Object also) {

    /** The key of this request, with this body (null for none) and this state of what else pages depend on. */
    static AnswerKey of(HttpServletRequest request, byte[] body, Object also) {
        return new AnswerKey(request.getMethod(), request.getRequestURI(), request.getQueryString(),
                body == null ? null : request.getContentType(), request.getHeader("Content-Encoding"),
                body == null ? null : new Body(body),
                request.getHeader("Accept"), request.getHeader("Accept-Charset"),
                request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort(),
                Audience.current().sight(), request.getRemoteUser() != null, also);
    }

    /** About what the key holds in memory, in bytes. */
    int weight() {
        return 96 + 2 * (length(path) + length(query) + length(contentType) + length(contentEncoding) + length(accept) + length(acceptCharset)
                + length(server)) + (body == null ? 0 : body.bytes().length);
    }

    /**
     * A request's body, its hash computed once: a key is hashed at each look-up and each keeping,
     * and hashing a long POSTed query byte by byte each time showed in a cold query's profile.
     */
    record Body(byte[] bytes, int hash) {
        Body(byte[] bytes) {
            this(bytes, Arrays.hashCode(bytes));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Body b && hash == b.hash && Arrays.equals(bytes, b.bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public String toString() {
            return bytes.length + " bytes";
        }
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
