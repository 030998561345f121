package org.ctkg.server.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.apache.jena.sparql.core.DatasetGraph;
import org.ctkg.loader.tdb2.StoreInternals;
import org.ctkg.server.access.Audience;

/**
 * A value computed from the store and kept until the store is written to (any write transaction:
 * updates, Graph Store writes, load jobs), so that what scans a large store (counts for discovery
 * and for the home page) does it once per state of the store yet never shows an old state. TDB2
 * counts its write transactions; over any other store, or while a write is under way, the value is
 * computed each time. Kept apart for each {@link Audience#sight}: what a reader may see is never
 * answered to the public.
 */
public final class UntilWritten<T> {
    private final DatasetGraph dsg;
    private final Map<Object, Kept<T>> kept = new HashMap<>();

    private record Kept<T>(T value, long version, Object key) {}

    public UntilWritten(DatasetGraph dsg) {
        this.dsg = dsg;
    }

    /** The value for this key (what else it depends on, or null), computed anew if the store or the key changed. */
    public synchronized T get(Object key, Supplier<T> compute) {
        long now = StoreInternals.writesBegun(dsg);
        Object sight = Audience.current().sight();
        Kept<T> k = kept.get(sight);
        if (k == null || now < 0 || now != k.version() || !Objects.equals(key, k.key())) {
            k = new Kept<>(compute.get(), now, key);
            if (kept.size() > 64)
                kept.clear();
            kept.put(sight, k);
        }
        return k.value();
    }
}
