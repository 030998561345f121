package org.ctkg.server.http;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.ctkg.server.web.Responses;
import org.eclipse.jetty.util.UrlEncoded;

/**
 * Refuses, on every path, a query string that is not well-formed percent-encoded UTF-8, with 400
 * and a reason in the caller's terms. Jetty decodes it only when a servlet first asks for a
 * parameter, and fails there: inside Fuseki's Graph Store service that was a 500 with a stack trace
 * in the log, and on the pages a bare "Bad query". (Query services' forms are read, and refused
 * alike, by {@link WholeQueryRequests}.)
 */
public final class ReadableQueryString implements Filter {
    /** What is wrong with such a request, said alike for the query string and for a form. */
    static final String UNREADABLE = "The request's parameters cannot be read: they must be percent-encoded UTF-8 "
            + "(%XX escapes of whole characters)";

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        String query = ((HttpServletRequest) req).getQueryString();
        if (query != null && !readable(query)) {
            Responses.refuse((HttpServletResponse) res, 400, UNREADABLE);
            return;
        }
        chain.doFilter(req, res);
    }

    /** Whether Jetty's strict decoder (no bad escapes, no bad or truncated UTF-8) reads it. */
    private static boolean readable(String query) {
        try {
            return UrlEncoded.decodeUtf8To(query, 0, query.length(), (name, value) -> {}, false, false, false);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
