package org.ctkg.server;

import java.util.Objects;
import java.util.function.Supplier;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * A value computed from the store and kept until the store is written to (any write transaction:
 * updates, Graph Store writes, load jobs), so that what scans a large store (counts for discovery
 * and for the home page) does it once per state of the store yet never shows an old state. TDB2
 * counts its write transactions; over any other store the value is computed each time.
 */
final class UntilWritten<T> {
    private final DatasetGraph dsg;
    private T value;
    private long version = -1;
    private Object key;

    UntilWritten(DatasetGraph dsg) {
        this.dsg = dsg;
    }

    /** The value for this key (what else it depends on, or null), computed anew if the store or the key changed. */
    synchronized T get(Object key, Supplier<T> compute) {
        long now = writesBegun(dsg);
        if (value == null || now < 0 || now != version || !Objects.equals(key, this.key)) {
            value = compute.get();
            version = now;
            this.key = key;
        }
        return value;
    }

    /** How many write transactions the store has begun (TDB2), or -1 when it cannot tell. */
    static long writesBegun(DatasetGraph dsg) {
        DatasetGraph base = dsg;
        // Unwrap down to TDB2's own dataset (itself a wrapper of its current generation, so stop there).
        while (!TDBInternal.isTDB2(base) && base instanceof DatasetGraphWrapper w)
            base = w.getWrapped();
        return TDBInternal.isTDB2(base) ? TDBInternal.getTransactionCoordinator(base).countBeginWrite() : -1;
    }
}
