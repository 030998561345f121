package org.ctkg.server.http;

import java.io.IOException;
import java.util.Locale;
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
 * Refuses quads (N-Quads, TriG) sent into one graph of the Graph Store service ({@code ?graph=} or
 * {@code ?default}) with 400. Fuseki would answer 201 and keep only the default-graph triples,
 * dropping the rest without a word; a client that sends quads means them for the dataset, where
 * they keep their graphs (a PUT or POST without {@code ?graph}).
 */
public final class GraphUploadFilter implements Filter {
    private static final Set<String> QUAD_TYPES = Set.of("application/n-quads", "text/x-nquads", "text/nquads", "application/trig", "application/x-trig");
    private final String dataPath;

    public GraphUploadFilter(String dataPath) {
        this.dataPath = dataPath;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        String method = request.getMethod();
        String type = request.getContentType() == null ? "" : request.getContentType().split(";")[0].strip();
        if ((method.equals("PUT") || method.equals("POST")) && dataPath.equals(request.getRequestURI()) && intoOneGraph(request.getQueryString())
                && QUAD_TYPES.contains(type.toLowerCase(Locale.ROOT))) {
            Responses.refuse((HttpServletResponse) res, 400, "Quads (" + type + ") cannot go into one graph: "
                    + "send them to " + dataPath + " without ?graph or ?default, where each keeps its own graph");
            return;
        }
        chain.doFilter(req, res);
    }

    private static boolean intoOneGraph(String query) {
        if (query == null)
            return false;
        for (String param : query.split("&"))
            if (param.startsWith("graph=") || param.equals("default") || param.startsWith("default="))
                return true;
        return false;
    }
}
