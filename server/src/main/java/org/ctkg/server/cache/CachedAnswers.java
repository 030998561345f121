package org.ctkg.server.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.ctkg.loader.tdb2.StoreInternals.WriteState;
import org.ctkg.server.http.QueryRoutes;
import org.ctkg.server.http.WholeQueryRequests;

/**
 * Answers queries and pages from the {@link AnswerCache} when it has them, and keeps what it
 * does not (a 200 answer within the size bound, computed while no write was under way). Applies
 * to GETs of the cached routes and to POSTed queries (read whole before, by
 * {@link WholeQueryRequests}); after the budget and the admission gate, so that a client over its
 * share is refused as before. A query whose answer is not the store's alone is not kept: one
 * with {@code SERVICE} (another endpoint's data) or with a function that differs from call to call
 * ({@code NOW}, {@code RAND}, {@code UUID}, {@code STRUUID}); the words are looked for in the
 * text, so a mention in a string or a comment also passes the cache by. Each answer says
 * {@value #HEADER}: {@code hit} or {@code miss}.
 */
final class CachedAnswers implements Filter {
    /** The response header that says whether the answer came from the cache. */
    static final String HEADER = "X-Ctkg-Cache";
    private static final Pattern NOT_THE_STORES_ALONE = Pattern.compile("(?i)\\bSERVICE\\b|\\b(NOW|RAND|UUID|STRUUID)\\s*\\(");

    private final AnswerCache cache;
    private final QueryRoutes routes;
    private final Set<String> queryPaths;
    private final Supplier<Object> also;

    /**
     * Over these routes (GET), and POSTs to {@code queryPaths}; {@code also}: the state of what else
     * the pages show besides the store (the releases), part of every key.
     */
    CachedAnswers(AnswerCache cache, QueryRoutes routes, Set<String> queryPaths, Supplier<Object> also) {
        this.cache = cache;
        this.routes = routes;
        this.queryPaths = queryPaths;
        this.also = also;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        AnswerKey key = key(request);
        if (key == null) {
            chain.doFilter(req, res);
            return;
        }
        CachedAnswer kept = cache.answer(key);
        if (kept != null) {
            response.setHeader(HEADER, "hit");
            kept.replay(response);
            return;
        }
        response.setHeader(HEADER, "miss");
        WriteState before = cache.settled();
        if (before == null) {
            chain.doFilter(req, res);
            return;
        }
        AnswerRecorder recorder = new AnswerRecorder(response, cache.maxAnswerBytes());
        chain.doFilter(req, recorder);
        cache.keep(key, recorder.answer(before));
    }

    /** The request's key, or null when its answer is not to be cached. */
    private AnswerKey key(HttpServletRequest request) {
        String path = request.getRequestURI();
        boolean query = queryPaths.contains(path);
        byte[] body = null;
        switch (request.getMethod()) {
            case "GET" -> {
                if (!routes.covers(path))
                    return null;
            }
            case "POST" -> {
                body = query ? WholeQueryRequests.bodyOf(request) : null;
                if (body == null)
                    return null;
            }
            default -> {
                return null;
            }
        }
        if (query && !theStoresAlone(request, body))
            return null;
        // Only the pages show the releases: a query's key need not look at the shelf.
        return AnswerKey.of(request, body, query ? null : also.get());
    }

    /**
     * Whether the query's answer depends on the store alone, as far as its text tells. The pattern
     * runs only over a text holding one of its words in any case (a plain scan): on a long query
     * the case-blind pattern alone cost a tenth of a cold query's time.
     */
    private static boolean theStoresAlone(HttpServletRequest request, byte[] body) {
        String text = request.getParameter("query");
        if (text == null && body != null)
            text = new String(body, StandardCharsets.UTF_8);
        return text == null || !mayName(text) || !NOT_THE_STORES_ALONE.matcher(text).find();
    }

    /** Whether the text holds one of the pattern's words ({@code service}, {@code now}, {@code rand}, {@code uuid}) in any case. */
    private static boolean mayName(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("service") || lower.contains("now") || lower.contains("rand") || lower.contains("uuid");
    }
}
