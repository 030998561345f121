package org.ctkg.server.http;

import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.fuseki.metrics.MetricsProvider;
import org.ctkg.server.http.QueryAllowance.Reason;
import org.ctkg.server.http.QueryAllowance.Refusal;
import org.ctkg.server.web.Responses;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.Counter;

/**
 * Fair shares of query time: each anonymous client (by {@link ClientAddress}) may spend a budget of
 * query time per window (the time from a request's arrival to its answer's end, on the query
 * routes) and run a bounded number of queries at once; past either, it gets 429 with
 * {@code Retry-After} and a reason, before any work is done, so that everyone else keeps their
 * latency. Writers (authenticated) are not budgeted. Refusals are counted in {@code /$/metrics} as
 * {@value #METRIC} by reason. The clients are kept in an expiring map of bounded size: a client is
 * forgotten once its allowance is full again, when a new one would be the same.
 */
public final class QueryBudget implements Filter {
    /** The Prometheus name of the refusal counter ({@code ctkg_query_refusals_total{reason="budget"|"concurrency"}}). */
    public static final String METRIC = "ctkg.query.refusals";
    /** The most clients remembered at once (some 100 bytes each). */
    private static final long MAX_CLIENTS = 100_000;

    /** The limits: {@code budgetNanos} of query time per {@code windowNanos} (0: no budget), {@code maxConcurrent} (0: no bound). */
    public record Limits(long budgetNanos, long windowNanos, int maxConcurrent) {
        public Limits {
            if (budgetNanos < 0 || windowNanos <= 0 || maxConcurrent < 0)
                throw new IllegalArgumentException("a query budget and a bound on concurrent queries are 0 (none) or positive");
        }

        public static Limits of(Duration budget, Duration window, int maxConcurrent) {
            return new Limits(budget.toNanos(), window.toNanos(), maxConcurrent);
        }

        /** Whether these limits limit anything. */
        public boolean any() {
            return budgetNanos > 0 || maxConcurrent > 0;
        }
    }

    private final QueryRoutes routes;
    private final Limits limits;
    private final ClientAddress clients;
    private final Cache<String, QueryAllowance> allowances;
    private final Map<Reason, Counter> refusals = new EnumMap<>(Reason.class);

    /** Budgets requests to these routes. */
    public QueryBudget(QueryRoutes routes, Limits limits, ClientAddress clients) {
        this.routes = routes;
        this.limits = limits;
        this.clients = clients;
        this.allowances = Caffeine.newBuilder().maximumSize(MAX_CLIENTS)
                .expireAfter(Expiry.<String, QueryAllowance>writing((client, allowance) -> allowance.keepFor(System.nanoTime())))
                .build();
    }

    @Override
    public void init(FilterConfig config) {
        for (Reason reason : Reason.values()) {
            Counter counter = refusals(config, reason.name().toLowerCase());
            if (counter != null)
                refusals.put(reason, counter);
        }
    }

    /** The refusal counter for this reason in the server's metrics, or null when it has none. */
    static Counter refusals(FilterConfig config, String reason) {
        MetricsProvider metrics = MetricsProvider.getMetricsProvider(config.getServletContext());
        return metrics == null ? null : Counter.builder(METRIC).tag("reason", reason)
                .description("Queries refused (429, or 503 when the server is full): a client's share was used up, or the server's")
                .register(metrics.getMeterRegistry());
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        if (!routes.holdAnonymous(request)) {
            chain.doFilter(req, res);
            return;
        }
        String client = clients.of(request);
        AtomicReference<Refusal> refused = new AtomicReference<>();
        allowances.asMap().compute(client, (key, allowance) -> {
            QueryAllowance a = allowance != null ? allowance : new QueryAllowance(limits, System.nanoTime());
            refused.set(a.start(System.nanoTime()));
            return a;
        });
        if (refused.get() != null) {
            refuse((HttpServletResponse) res, refused.get());
            return;
        }
        try {
            chain.doFilter(req, res);
        } finally {
            allowances.asMap().computeIfPresent(client, (key, allowance) -> {
                allowance.finish(System.nanoTime());
                return allowance;
            });
        }
    }

    private void refuse(HttpServletResponse response, Refusal refusal) throws IOException {
        Counter counter = refusals.get(refusal.reason());
        if (counter != null)
            counter.increment();
        response.setHeader("Retry-After", Long.toString(refusal.retryAfterSeconds()));
        Responses.refuse(response, 429, refusal.reason() == Reason.CONCURRENCY
                ? "Too many queries at once: this client already has " + limits.maxConcurrent()
                  + " running, the most this server runs for one client; try again when one has finished"
                : "Too much query time: this client has used its share (" + seconds(limits.budgetNanos()) + " s of query time per "
                  + seconds(limits.windowNanos()) + " s); try again in " + refusal.retryAfterSeconds() + " s");
    }

    private static String seconds(long nanos) {
        double s = nanos / 1e9;
        return s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s);
    }
}
