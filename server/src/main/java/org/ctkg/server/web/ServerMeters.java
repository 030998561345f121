package org.ctkg.server.web;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.metrics.MetricsProvider;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The meters a module puts in a server's {@code /$/metrics} for as long as the server runs.
 * Fuseki's registry is the JVM's: a stopped server's meters leave it, so that another server's can
 * enter.
 */
public final class ServerMeters {
    private final List<Meter> meters = new ArrayList<>();
    private MeterRegistry registry;

    /** The server's registry, or null when it keeps no metrics. */
    public MeterRegistry of(FusekiServer server) {
        MetricsProvider metrics = MetricsProvider.getMetricsProvider(server.getServletContext());
        registry = metrics == null ? null : metrics.getMeterRegistry();
        return registry;
    }

    /** Keeps the meter (registered in {@link #of}'s registry) to remove it when the server stops. */
    public void add(Meter meter) {
        meters.add(meter);
    }

    /** Removes the meters from the registry. */
    public void remove() {
        if (registry != null)
            meters.forEach(registry::remove);
        meters.clear();
    }
}
