package org.ctkg.replication;

import org.apache.jena.sparql.core.DatasetGraph;

/**
 * Where a server starts replication. A writer serves
 * {@code Replication.publishing(store, settings)} in place of its store; a replica serves its
 * store read-only and runs {@code Replica.start(store, settings, positionFile)} beside it.
 */
public final class Replication {
    private Replication() {}

    /**
     * The store, publishing every committed write transaction to the settings' topic first.
     * @throws ReplicationException when Kafka cannot be reached in time
     */
    public static PublishingDataset publishing(DatasetGraph store, Settings settings) {
        return new PublishingDataset(store, Publisher.open(settings));
    }
}
