package org.ctkg.loader;

import org.apache.jena.graph.Node;

/** Where a job's quads go, and what its graphs held before: one per commit protocol. */
interface Destination {
    void add(Node g, Node s, Node p, Node o);

    /** Writes anything still buffered. */
    default void flush() {}

    /** Quads in the graph before the job (and before any replacement). */
    long sizeBefore(Node g);
}
