package org.ctkg.replication;

import org.apache.jena.graph.Node;
import org.apache.jena.rdfpatch.system.DatasetGraphChanges;
import org.apache.jena.sparql.core.DatasetGraph;
import org.ctkg.loader.ObservedStore;

/**
 * A dataset whose every committed write transaction is first published by its {@link Publisher}:
 * serve this in place of the store. jena-rdfpatch's {@link DatasetGraphChanges} calls the
 * publisher before the store commits and aborts the store when publishing fails. Load jobs write
 * its storage in sorted batches and tell the publisher of each quad ({@link ObservedStore}).
 */
public final class PublishingDataset extends DatasetGraphChanges implements ObservedStore, AutoCloseable {
    private final Publisher publisher;
    /** Where this writer keeps its place in the log (after each commit that published), or null. */
    private final PositionFile positions;

    PublishingDataset(DatasetGraph store, Publisher publisher, PositionFile positions) {
        super(store, publisher);
        this.publisher = publisher;
        this.positions = positions;
    }

    /**
     * Publishes, then commits; then notes the position, so that a restart catches up from there (a
     * crash before the note replays the last transaction, which changes nothing).
     */
    @Override
    public void commit() {
        long before = publisher.position();
        super.commit();
        if (positions != null && publisher.position() != before)
            positions.write(publisher.position());
    }

    @Override
    public DatasetGraph storage() {
        return getWrapped();
    }

    @Override
    public void observeAdd(Node g, Node s, Node p, Node o) {
        publisher.add(g, s, p, o);
    }

    public Publisher publisher() {
        return publisher;
    }

    /** Stops publishing, then closes the store. */
    @Override
    public void close() {
        publisher.close();
        super.close();
    }
}
