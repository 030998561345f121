package org.ctkg.server.http;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.ctkg.server.web.Responses;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.Counter;

/**
 * The server's share of query time among anonymous clients: every query on the budgeted routes,
 * once read whole, waits for one of the server's running slots ({@link RunningQueries}), in fair
 * order. A client whose recent query time ({@link RecentUsage}, fading over the budget's window)
 * is over a tenth of that window (or was, within the last five windows), or that has a query
 * waiting or running already, is heavy, and so is a query that by its text visits the whole store
 * ({@link QueryShape}): its query gets a
 * heavy slot, of which there are few, so that the others never wait behind it. A heavy query that
 * waits too long gets 429 with {@code Retry-After} (the seconds until its client's usage has faded
 * below the share); a light one, 503 with {@code Retry-After: 1} (the server as a whole is full).
 * A query admitted as light that runs long while the heavy slots are taken is stopped, and its
 * client gets 429 ({@link CappedQuery}). Writers are not held. Counted in {@code /$/metrics} as
 * {@value QueryBudget#METRIC} with the reasons {@code heavy}, {@code busy} and {@code overrun}.
 */
public final class QueryGate implements Filter {
    /** A running query counts as heavy once it has run this long (a cheap lookup takes milliseconds). */
    static final Duration LONG_QUERY = Duration.ofSeconds(1);
    private static final long MAX_CLIENTS = 100_000;
    /** The characters of query text whose shapes are remembered. */
    private static final long SHAPES_WEIGHT = 4L << 20;
    /** A client over its share stays heavy this many windows after it last was (five minutes by default). */
    static final int HEAVY_MEMORY_WINDOWS = 5;
    /** How often the running queries are checked for overruns. */
    private static final Duration OVERRUN_CHECK = Duration.ofMillis(100);
    /** The seconds a client whose query was stopped for overrunning is asked to wait. */
    static final int OVERRUN_RETRY_AFTER_SECONDS = 10;
    /** The request attribute that holds a held query's slot, for {@link CappedQuery} to stop it by. */
    private static final String SLOT = QueryGate.class.getName() + ".slot";

    private final QueryRoutes routes;
    private final ClientAddress clients;
    private final RunningQueries slots;
    private final long decayNanos;
    private final double shareNanos;
    private final long memoryNanos;
    private final Cache<String, RecentUsage> usage;
    /** Whether a query text reads the whole store, for the texts seen lately: a parse each is 0.2 ms. */
    private final Cache<String, Boolean> shapes = Caffeine.newBuilder().maximumWeight(SHAPES_WEIGHT)
            .weigher((String text, Boolean scans) -> text.length()).build();
    private Counter heavyRefusals;
    private Counter busyRefusals;
    private Counter overruns;
    private ScheduledExecutorService overrunCheck;

    /** For these routes: at most {@code admission}'s queries at once; clients' usage fading over {@code windowNanos}. */
    public QueryGate(QueryRoutes routes, ClientAddress clients, Admission admission, long windowNanos) {
        this.routes = routes;
        this.clients = clients;
        this.slots = new RunningQueries(new RunningQueries.Limits(admission.maxRunningQueries(), admission.heavySlots(),
                LONG_QUERY.toNanos(), admission.maxQueueWait().toNanos()), System::nanoTime, RunningQueries::threadCpuTime);
        this.decayNanos = windowNanos;
        this.shareNanos = windowNanos / 10.0;
        this.memoryNanos = windowNanos * HEAVY_MEMORY_WINDOWS;
        this.usage = Caffeine.newBuilder().maximumSize(MAX_CLIENTS)
                .expireAfter(Expiry.<String, RecentUsage>writing((client, u) -> u.keepFor(System.nanoTime())))
                .build();
    }

    @Override
    public void init(FilterConfig config) {
        heavyRefusals = QueryBudget.refusals(config, "heavy");
        busyRefusals = QueryBudget.refusals(config, "busy");
        overruns = QueryBudget.refusals(config, "overrun");
        overrunCheck = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ctkg-overrun-check");
            t.setDaemon(true);
            return t;
        });
        overrunCheck.scheduleWithFixedDelay(() -> {
            int stopped = slots.stopOverruns();
            if (overruns != null && stopped > 0)
                overruns.increment(stopped);
        }, OVERRUN_CHECK.toMillis(), OVERRUN_CHECK.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        if (overrunCheck != null)
            overrunCheck.shutdownNow();
    }

    /** The slot the gate gave this request's query, if it held it. */
    static Optional<RunningQueries.Slot> slotOf(HttpServletRequest request) {
        return Optional.ofNullable((RunningQueries.Slot) request.getAttribute(SLOT));
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        if (!routes.holdAnonymous(request)) {
            chain.doFilter(req, res);
            return;
        }
        String client = clients.of(request);
        BufferedQueryRequest whole = request instanceof BufferedQueryRequest w ? w : null;
        String text = whole == null ? null : whole.parsedText();
        boolean scans = text != null && shapes.get(text, t -> QueryShape.scansEverything(whole.query()));
        double[] recent = new double[1];
        boolean[] overShare = new boolean[1];
        usage.asMap().compute(client, (key, u) -> {
            long now = System.nanoTime();
            RecentUsage mine = u != null ? u : new RecentUsage(decayNanos, shareNanos, memoryNanos, now);
            recent[0] = mine.at(now);
            overShare[0] = mine.arrived(now);
            return mine;
        });
        boolean heavy = overShare[0] || scans;
        RunningQueries.Slot entered = null;
        try {
            entered = slots.enter(heavy, recent[0]);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting to run a query", e);
        } finally {
            if (entered == null)
                usage.asMap().computeIfPresent(client, (key, u) -> {
                    u.leftWaiting();
                    return u;
                });
        }
        RunningQueries.Slot slot = entered;
        if (slot == null) {
            refuse((HttpServletResponse) res, client, heavy, scans && !overShare[0]);
            return;
        }
        long began = System.nanoTime();
        usage.asMap().computeIfPresent(client, (key, u) -> {
            u.began(began);
            return u;
        });
        request.setAttribute(SLOT, slot);
        try (slot) {
            chain.doFilter(req, res);
        } finally {
            usage.asMap().computeIfPresent(client, (key, u) -> {
                u.ended(began, System.nanoTime());
                return u;
            });
        }
    }

    private void refuse(HttpServletResponse response, String client, boolean heavy, boolean scans) throws IOException {
        long waited = slots.limits().maxWaitNanos() / 1_000_000_000L;
        if (!heavy) {
            count(busyRefusals);
            response.setHeader("Retry-After", "1");
            Responses.refuse(response, 503, "The server is running as many queries as it can, and this one waited "
                    + waited + " s for its turn; try again in a moment");
            return;
        }
        count(heavyRefusals);
        RecentUsage mine = usage.getIfPresent(client);
        long after = mine == null ? 1 : Math.max(1, (mine.fadesBelowShare(System.nanoTime()).toMillis() + 999) / 1000);
        response.setHeader("Retry-After", Long.toString(after));
        String why = scans ? "this query reads the whole store (a pattern with nothing fixed, or a repeated path open at both ends), "
                             + "and such queries run a few at a time"
                           : "this client has used more than its share of the server lately (or has a query running already)";
        Responses.refuse(response, 429, "Too much query time at once: " + why + ", and its query waited " + waited
                + " s for one of the few places for such queries; try again in " + after + " s");
    }

    private static void count(Counter counter) {
        if (counter != null)
            counter.increment();
    }
}
