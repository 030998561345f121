package org.ctkg.server.web;

import java.util.Objects;
import java.util.function.Supplier;

import org.apache.jena.sparql.core.DatasetGraph;
import org.ctkg.loader.tdb2.StoreInternals;

/**
 * A value computed from the store and kept until the store is written to (any write transaction:
 * updates, Graph Store writes, load jobs), so that what scans a large store (counts for discovery
 * and for the home page) does it once per state of the store yet never shows an old state. TDB2
 * counts its write transactions; over any other store the value is computed each time.
 */
public final class UntilWritten<T> {
    private final DatasetGraph dsg;
    private T value;
    private long version = -1;
    private Object key;

    public UntilWritten(DatasetGraph dsg) {
        this.dsg = dsg;
    }

    /** The value for this key (what else it depends on, or null), computed anew if the store or the key changed. */
    public synchronized T get(Object key, Supplier<T> compute) {
        long now = StoreInternals.writesBegun(dsg);
        if (value == null || now < 0 || now != version || !Objects.equals(key, this.key)) {
            value = compute.get();
            version = now;
            this.key = key;
        }
        return value;
    }
}
