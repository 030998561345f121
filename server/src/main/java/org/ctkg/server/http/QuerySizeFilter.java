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
 *
 * <p>A refused body of moderate size is read and thrown away before the answer, a buffer at a time
 * ({@value #DRAIN_BYTES} bytes at most, for {@value #DRAIN_MILLIS} ms at most): a client still
 * sending when the server closes gets a TCP reset that wipes the 413 before it reads it, and would
 * see only a broken connection instead of the reason.
 */
public final class QuerySizeFilter implements Filter {
    /** The most of a refused body read and discarded, so that its sender sees the answer. */
    static final long DRAIN_BYTES = 16L << 20;
    /** How long a refused body is read for at most. */
    static final long DRAIN_MILLIS = 2_000;
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
                if (length > 0 && length <= DRAIN_BYTES)
                    drain(request, length);
                Responses.refuse((HttpServletResponse) res, length < 0 ? 411 : 413, length < 0
                        ? "A query request must declare its length (Content-Length)"
                        : "The query request is " + length + " bytes; this server takes at most " + maxBytes + " (see ctkg serve --max-query-bytes)");
                return;
            }
        }
        chain.doFilter(req, res);
    }

    /** Reads and discards the body, up to its declared length or the drain deadline, whichever comes first. */
    private static void drain(HttpServletRequest request, long length) {
        long deadline = System.nanoTime() + DRAIN_MILLIS * 1_000_000;
        byte[] buffer = new byte[64 * 1024];
        try {
            var in = request.getInputStream();
            long read = 0;
            for (int n; read < length && System.nanoTime() < deadline && (n = in.read(buffer)) >= 0; )
                read += n;
        } catch (IOException e) {
            // The sender went away: there is nobody left to answer, and nothing to keep.
        }
    }
}
