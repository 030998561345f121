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

import org.ctkg.server.web.Responses;

/**
 * On a server with no writers configured, refuses SPARQL Update on {@code /ctkg/update} and Graph
 * Store writes on {@code /ctkg/data} with 403 and a message saying why, in plain text whatever the
 * method (Jetty's error pages have no body for a PUT, DELETE or PATCH), instead of Fuseki's bare
 * "Forbidden" or 405: the operation exists, this server just does not allow it.
 */
public final class ReadOnlyFilter implements Filter {
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private final String updatePath;
    private final String dataPath;

    public ReadOnlyFilter(String updatePath, String dataPath) {
        this.updatePath = updatePath;
        this.dataPath = dataPath;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        String path = request.getRequestURI();
        if (path.equals(updatePath) || path.equals(dataPath) && !READS.contains(request.getMethod())) {
            Responses.refuse((HttpServletResponse) res, 403, "This ctkg server is read-only: no writers are configured (see ctkg serve --help)");
            return;
        }
        chain.doFilter(req, res);
    }
}
