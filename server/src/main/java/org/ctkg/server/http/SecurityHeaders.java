package org.ctkg.server.http;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Puts the browser's security headers on every answer, before anything is written, so that pages,
 * the query UI, error pages and data alike carry them. The Content-Security-Policy lets a page run
 * only script and style sheets from this server (the pages and the query UI have no inline script,
 * and no inline style but two style elements known by hash), so a value that slipped past escaping
 * could not run; no page may be framed (clickjacking), no {@code <base>} can redirect relative
 * links, forms post only here, and no plugin loads. On data
 * (SPARQL results, RDF) the policy is inert and {@code nosniff} stops a browser from reading them as
 * HTML. {@code Referrer-Policy: no-referrer}: ctkg uses no referrer, and what a reader searched for or
 * looked at ({@code /search?q=…}, {@code /id/…}) is nobody else's business, nor the access log's.
 */
public final class SecurityHeaders implements Filter {
    /**
     * The style elements the query UI's results table adds from script (YASGUI's column resizer:
     * its fixed table rules, and the cursor while a column is dragged), allowed by their SHA-256 and
     * so only with exactly that text; any other inline style stays blocked.
     */
    public static final List<String> UI_STYLE_HASHES = List.of(
            "'sha256-zCK2EVMoPc04mRF/g5CotUvxbJPWS+8V0b+s9ptqQIk='", "'sha256-c0O6TmFAkgpNbHxKAa1BrveWHHopjEtC47i0PzMudxg='");
    /** The policy on every answer. {@code data:} images are YASGUI's style sheet's own icons. */
    public static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'", "script-src 'self'", "style-src 'self' " + String.join(" ", UI_STYLE_HASHES),
            "img-src 'self' data:", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'");

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletResponse response = (HttpServletResponse) res;
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        chain.doFilter(req, res);
    }
}
