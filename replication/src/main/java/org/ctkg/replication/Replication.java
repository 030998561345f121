package org.ctkg.replication;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.sparql.core.DatasetGraph;

/**
 * Where a server starts replication. A writer serves
 * {@code Replication.writer(store, settings, positionFile)} in place of its store; a replica
 * serves its store read-only and runs {@code Replica.start(store, settings, positionFile)} beside
 * it. Promoting a replica is starting a writer on its store and position file.
 */
public final class Replication {
    private Replication() {}

    /**
     * Where a replicated store keeps its place in the log: {@code DIR.position}, beside the store
     * (inside, queries would see it). Its presence marks the store as a writer's or a replica's.
     */
    public static Path positionFileOf(Path store) {
        return Path.of(store + ".position");
    }

    /** {@link #replica(ReplicaStore, Settings, Path)} over a store with no wrappers. */
    public static Replica replica(DatasetGraph store, Settings settings, Path positionFile) {
        return replica(ReplicaStore.of(store), settings, positionFile);
    }

    /**
     * Starts applying the topic to the store from its place in the log, as {@link Replica#start}
     * does, and notes that place at once when the store has none yet (the log's start), so that
     * the store is known as replicated before the first job arrives (an offline load refuses it).
     * @throws ReplicationException when Kafka cannot be reached in time or the position file is not this topic's
     */
    public static Replica replica(ReplicaStore store, Settings settings, Path positionFile) {
        Topic.ensure(settings);
        if (!Files.exists(positionFile))
            new PositionFile(positionFile, settings.topic()).write(0);
        return Replica.start(store, settings, positionFile);
    }

    /**
     * The store, publishing every committed write transaction to the settings' topic first; no
     * place in the log is kept (for tests, and stores that never restart as writers).
     * @throws ReplicationException when Kafka cannot be reached in time
     */
    public static PublishingDataset publishing(DatasetGraph store, Settings settings) {
        return new PublishingDataset(store, Publisher.open(settings), null);
    }

    /**
     * The store as a writer: registers with Kafka as the topic's writer (which fences any other),
     * then applies what the log holds beyond the store's place in it (the position file; from the
     * log's start without one) — a transaction Kafka took before a crash stopped the store's
     * commit, or, for a replica being promoted, what it had not applied yet — and only then takes
     * writes, noting its place after each.
     * @throws ReplicationException when Kafka cannot be reached in time, or catching up fails
     */
    public static PublishingDataset writer(DatasetGraph store, Settings settings, Path positionFile) throws InterruptedException {
        Publisher publisher = Publisher.open(settings);
        try (Replica catchUp = replica(store, settings, positionFile)) {
            catchUp.awaitEndOfLog(settings.timeout());
        } catch (RuntimeException | InterruptedException e) {
            publisher.close();
            throw e;
        }
        return new PublishingDataset(store, publisher, new PositionFile(positionFile, settings.topic()));
    }
}
