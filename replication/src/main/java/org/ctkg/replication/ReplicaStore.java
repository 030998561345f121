package org.ctkg.replication;

import java.util.function.Predicate;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * The store a replica applies the log to, seen two ways: the served dataset, whose wrappers (the
 * full-text index) must see the quads of some predicates as they are written, and the TDB2 storage
 * under it, which takes every other added quad in sorted batches — several times faster than
 * adding quad by quad into six B+tree indexes, and what lets a replica keep up with a writer's
 * large loads. Transactions are begun, committed and aborted on the served dataset.
 *
 * @param served what the server serves (the search index's wrapper over the storage)
 * @param storage the TDB2 store under it; when it is no TDB2 store, every quad goes through the served dataset
 * @param watched the predicates whose quads must go through the served dataset
 */
public record ReplicaStore(DatasetGraph served, DatasetGraph storage, Predicate<Node> watched) {

    /** A store with no wrappers: every added quad of a named graph goes in sorted batches (when it is TDB2). */
    public static ReplicaStore of(DatasetGraph store) {
        return new ReplicaStore(store, store, p -> false);
    }
}
