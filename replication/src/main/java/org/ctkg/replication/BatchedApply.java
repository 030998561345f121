package org.ctkg.replication;

import org.apache.jena.graph.Node;
import org.apache.jena.rdfpatch.RDFChanges;
import org.apache.jena.rdfpatch.changes.RDFChangesApply;
import org.apache.jena.rdfpatch.changes.RDFChangesBase;
import org.apache.jena.sparql.core.Quad;
import org.ctkg.loader.tdb2.SortedQuadWriter;

/**
 * One published store transaction's changes, applied inside the replica's open write transaction:
 * adds to named graphs in sorted batches straight into the TDB2 storage, everything else (deletes,
 * default-graph triples, quads the served dataset's wrappers watch, prefixes) through the served
 * dataset. The batch is written before every delete, so that each quad ends as the last change to
 * it says, and must be {@link #flush() flushed} before the commit. One per store transaction: an
 * aborted transaction's batch is dropped with it. The replica begins and ends the store
 * transaction itself (one per published transaction, across its chunks): the chunks carry no
 * header or transaction rows, and those of other patches are ignored.
 */
final class BatchedApply extends RDFChangesBase {
    private final RDFChanges direct;
    private final SortedQuadWriter sorted;
    private final ReplicaStore store;

    BatchedApply(ReplicaStore store) {
        this.store = store;
        this.direct = new RDFChangesApply(store.served());
        this.sorted = SortedQuadWriter.supports(store.storage()) ? new SortedQuadWriter(store.storage()) : null;
    }

    @Override
    public void add(Node g, Node s, Node p, Node o) {
        if (sorted == null || g == null || Quad.isDefaultGraph(g) || store.watched().test(p))
            direct.add(g, s, p, o);
        else
            sorted.add(g, s, p, o);
    }

    @Override
    public void delete(Node g, Node s, Node p, Node o) {
        flush();
        direct.delete(g, s, p, o);
    }

    /** Writes the batched adds into the storage. */
    void flush() {
        if (sorted != null)
            sorted.flush();
    }

    @Override
    public void addPrefix(Node gn, String prefix, String uriStr) {
        direct.addPrefix(gn, prefix, uriStr);
    }

    @Override
    public void deletePrefix(Node gn, String prefix) {
        direct.deletePrefix(gn, prefix);
    }
}
