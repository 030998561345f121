package org.ctkg.server.cache;

import java.util.Set;
import java.util.function.Supplier;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.rdf.model.Model;
import org.ctkg.server.http.QueryRoutes;
import org.ctkg.server.web.ServerMeters;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The answer cache as a Fuseki module: its filter ({@link CachedAnswers}) on the query services
 * and the pages that read the store, and its figures in {@code /$/metrics}: requests that were
 * hits and misses ({@code ctkg_cache_requests_total{result=…}}), evictions for room, answers and
 * bytes kept.
 */
public final class CacheModule implements FusekiModule {
    private final AnswerCache cache;
    private final QueryRoutes routes;
    private final Set<String> queryPaths;
    private final Supplier<Object> also;
    private final ServerMeters meters = new ServerMeters();

    /** Caches GETs of these routes and POSTs to the query paths; {@code also}: the state of what pages show besides the store. */
    public CacheModule(AnswerCache cache, QueryRoutes routes, Set<String> queryPaths, Supplier<Object> also) {
        this.cache = cache;
        this.routes = routes;
        this.queryPaths = queryPaths;
        this.also = also;
    }

    @Override
    public String name() {
        return "ctkg answer cache";
    }

    @Override
    public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
        builder.addFilter("/*", new CachedAnswers(cache, routes, queryPaths, also));
    }

    @Override
    public void server(FusekiServer server) {
        MeterRegistry registry = meters.of(server);
        // Fuseki's registry is the JVM's: while another server's cache is in it, its figures stay.
        if (registry == null || registry.find("ctkg.cache.requests").meter() != null)
            return;
        meters.add(FunctionCounter.builder("ctkg.cache.requests", cache, AnswerCache::hits).tag("result", "hit")
                .description("requests answered from the answer cache").register(registry));
        meters.add(FunctionCounter.builder("ctkg.cache.requests", cache, AnswerCache::misses).tag("result", "miss")
                .description("cacheable requests the answer cache did not have").register(registry));
        meters.add(FunctionCounter.builder("ctkg.cache.evictions", cache, AnswerCache::evictions)
                .description("answers dropped from the answer cache to make room").register(registry));
        meters.add(Gauge.builder("ctkg.cache.answers", cache, AnswerCache::size).description("answers kept").register(registry));
        meters.add(Gauge.builder("ctkg.cache.size", cache, AnswerCache::bytes).baseUnit("bytes")
                .description("about how much memory the kept answers take").register(registry));
    }

    /** A stopped server's figures leave the registry, and its answers go. */
    @Override
    public void serverStopped(FusekiServer server) {
        meters.remove();
        cache.clear();
    }
}
