package org.ctkg.server;

/**
 * A {@link CtkgServer}'s settings' defaults: constants, so that a command line can name them in
 * its own defaults ({@code defaultValue = "" + Defaults.PORT}) and there is one default per setting.
 */
public final class Defaults {
    private Defaults() {}

    public static final int PORT = 3030;
    public static final int QUERY_TIMEOUT_SECONDS = 30;
    public static final long MAX_ROWS = 100_000;
    public static final long MAX_QUERY_BYTES = 1 << 20;
    public static final long MAX_UPLOAD_BYTES = 1L << 30;
    public static final long STOP_TIMEOUT_MILLIS = 10_000;
    /**
     * Query time per client per {@link #QUERY_BUDGET_WINDOW_SECONDS}, as the Wikidata Query
     * Service gives: a client running one query at a time never runs out, one running several
     * in parallel gets, on average, the time of one.
     */
    public static final int QUERY_BUDGET_SECONDS = 60;
    public static final int QUERY_BUDGET_WINDOW_SECONDS = 60;
    /**
     * Queries one client may run at once: a person or a well-behaved program needs one or two;
     * four leaves room for a few browser tabs but keeps one client from holding many threads.
     */
    public static final int MAX_CONCURRENT_QUERIES = 4;
    /** The answer cache's size in bytes: some thousands of pages and result sets, a small part of a server's memory. */
    public static final long CACHE_BYTES = 64L << 20;
}
