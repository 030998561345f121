package org.ctkg.server.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.ctkg.server.web.Responses;
import org.eclipse.jetty.security.UserPrincipal;
import org.eclipse.jetty.security.UserStore;

/**
 * Decides each request's {@link Audience} and answers it for that audience. Jetty has already
 * authenticated writers on the write routes; elsewhere HTTP Basic credentials are checked here:
 * a reader's make the reader's audience, a writer's the writer's. Without credentials the request
 * is answered for the public. With credentials that are no one's, the answer is 401 when readers
 * are configured (a reader who mistyped must not silently get the public view), and the public
 * view otherwise (as before there were readers). Answers for a reader or writer are never stored
 * by shared caches, and readers' requests are logged without their text ({@link ReaderLog}).
 */
final class AccessFilter implements Filter {
    private final Readers readers;
    private final UserStore writers;
    private final String realm;
    private final ReaderLog log;

    AccessFilter(Readers readers, UserStore writers, String realm, ReaderLog log) {
        this.readers = readers;
        this.writers = writers;
        this.realm = realm;
        this.log = log;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        Audience audience = audience(request);
        if (audience == null) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + realm + "\", charset=\"UTF-8\"");
            Responses.refuse(response, 401, "These credentials are not a reader's or a writer's of this server");
            return;
        }
        if (audience == Audience.PUBLIC) {
            chain.doFilter(req, res);
            return;
        }
        response.setHeader("Cache-Control", "private, no-store");
        response.addHeader("Vary", "Authorization");
        HttpServletRequest asReader = audience.isReader() ? new AsUser(request, audience.name()) : request;
        long start = System.nanoTime();
        try {
            audience.during(() -> chain.doFilter(asReader, res));
        } finally {
            if (audience.isReader() && log != null)
                log.record(audience.name(), request.getMethod(), request.getRequestURI(), response.getStatus(), (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** The request's audience; null for credentials that are no one's on a server with readers. */
    private Audience audience(HttpServletRequest request) {
        if (request.getRemoteUser() != null)
            return Audience.WRITER;
        String[] credentials = basic(request.getHeader("Authorization"));
        if (credentials == null)
            return Audience.PUBLIC;
        Audience reader = readers.authenticate(credentials[0], credentials[1]);
        if (reader != null)
            return reader;
        if (writers != null) {
            UserPrincipal writer = writers.getUserPrincipal(credentials[0]);
            if (writer != null && writer.authenticate(credentials[1]))
                return Audience.WRITER;
        }
        return readers.isEmpty() ? Audience.PUBLIC : null;
    }

    /** User and password of HTTP Basic credentials; {"", ""} for a Basic header that cannot be read; null without Basic. */
    static String[] basic(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6))
            return null;
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? new String[] {"", ""} : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException notBase64) {
            return new String[] {"", ""};
        }
    }

    /** The request as authenticated for this user: the rest of the server treats readers as it treats writers (no row cap, no budget). */
    private static final class AsUser extends HttpServletRequestWrapper {
        private final String user;

        AsUser(HttpServletRequest request, String user) {
            super(request);
            this.user = user;
        }

        @Override
        public String getRemoteUser() {
            return user;
        }
    }
}
