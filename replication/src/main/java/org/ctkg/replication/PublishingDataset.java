package org.ctkg.replication;

import org.apache.jena.rdfpatch.system.DatasetGraphChanges;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * A dataset whose every committed write transaction is first published by its {@link Publisher}:
 * serve this in place of the store. jena-rdfpatch's {@link DatasetGraphChanges} calls the
 * publisher before the store commits and aborts the store when publishing fails.
 */
public final class PublishingDataset extends DatasetGraphChanges implements AutoCloseable {
    private final Publisher publisher;

    PublishingDataset(DatasetGraph store, Publisher publisher) {
        super(store, publisher);
        this.publisher = publisher;
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
