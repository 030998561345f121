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
 * Refuses query requests whose body is larger than a bound with 413, before a byte of it is read:
 * a real query is a few kilobytes, and a 100 MB one would only be read into memory to be parsed.
 * Applies to the query services ({@code /ctkg}, {@code /ctkg/sparql}, {@code /ctkg/query});
 * bulk data goes to the Graph Store service and load jobs, which stream and need credentials.
 * A body without a declared length (chunked) is refused too: query clients always declare it.
 */
public final class QuerySizeFilter implements Filter {
    private final Set<String> queryPaths;
    private final long maxBytes;

    public QuerySizeFilter(Set<String> queryPaths, long maxBytes) {
        this.queryPaths = queryPaths;
        this.maxBytes = maxBytes;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        if (request.getMethod().equals("POST") && queryPaths.contains(request.getRequestURI())) {
            long length = request.getContentLengthLong();
            if (length < 0 || length > maxBytes) {
                Responses.refuse((HttpServletResponse) res, length < 0 ? 411 : 413, length < 0
                        ? "A query request must declare its length (Content-Length)"
                        : "The query request is " + length + " bytes; this server takes at most " + maxBytes + " (see ctkg serve --max-query-bytes)");
                return;
            }
        }
        chain.doFilter(req, res);
    }
}
