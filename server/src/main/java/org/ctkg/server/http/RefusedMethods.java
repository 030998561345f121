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
 * Refuses {@code TRACE} (and {@code TRACK}) on every path with 405: the servlets' default answer
 * echoes the request back, its cookies and credentials with it, which a script on another site
 * could read (cross-site tracing). ctkg needs neither.
 */
public final class RefusedMethods implements Filter {
    private static final Set<String> REFUSED = Set.of("TRACE", "TRACK");

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        String method = ((HttpServletRequest) req).getMethod();
        if (REFUSED.contains(method)) {
            Responses.refuse((HttpServletResponse) res, 405, method + " is not allowed on this server");
            return;
        }
        chain.doFilter(req, res);
    }
}
