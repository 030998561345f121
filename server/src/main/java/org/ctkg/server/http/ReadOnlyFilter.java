package org.ctkg.server.http;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * On a server with no writers configured, refuses Graph Store writes on {@code /ctkg/data} with
 * 403 and a message saying why, instead of Fuseki's 405: the operation exists, this server just
 * does not allow it.
 */
public final class ReadOnlyFilter implements Filter {
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private final String dataPath;

    public ReadOnlyFilter(String dataPath) {
        this.dataPath = dataPath;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        if (request.getRequestURI().equals(dataPath) && !READS.contains(request.getMethod())) {
            ((HttpServletResponse) res).sendError(403, "This ctkg server is read-only: no writers are configured (see ctkg serve --help)");
            return;
        }
        chain.doFilter(req, res);
    }
}
