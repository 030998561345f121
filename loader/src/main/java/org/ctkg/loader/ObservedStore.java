package org.ctkg.loader;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * A store whose every change something must see as it is made — a replication writer records
 * each one to publish it before the store commits. A load job may still write such a store's
 * storage in sorted batches, past the store's own {@code add}, so long as it tells the store of
 * every quad it writes that way: a writer's live load then costs little more than a plain one.
 */
public interface ObservedStore extends DatasetGraph {

    /** The store under the observer, which takes the batches (in the transaction begun on this store). */
    DatasetGraph storage();

    /** Tells the observer of a quad written into the storage in this write transaction, in the order of the writes. */
    void observeAdd(Node g, Node s, Node p, Node o);
}
