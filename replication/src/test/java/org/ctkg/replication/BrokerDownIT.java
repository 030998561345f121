package org.ctkg.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With its broker stopped, a writer refuses writes and keeps its store as it was; with the broker back, it publishes again. */
class BrokerDownIT {
    @TempDir
    Path dir;

    @Test
    void aWriteFailsWhileKafkaIsDownAndTheStoreIsUnchanged() throws Exception {
        KafkaBroker broker = TestBroker.start(dir.resolve("kafka"), 0);
        int port = broker.port();
        Settings settings = Settings.of(broker.bootstrap()).withTopic("down").withTimeout(Duration.ofSeconds(6));
        DatasetGraph store = Stores.tdb2(dir.resolve("writer"));
        DatasetGraph replicaStore = Stores.tdb2(dir.resolve("replica"));
        try (PublishingDataset writer = Replication.publishing(store, settings)) {
            Stores.add(writer, Stores.named("before", "Before"));
            long published = writer.publisher().position();
            StoreContents before = StoreContents.of(store);

            broker.stop(Duration.ofSeconds(15));
            Quad refused = Stores.named("refused", "Refused");
            ReplicationException failed = assertThrows(ReplicationException.class, () -> Stores.add(writer, refused));
            assertTrue(failed.getMessage().contains("not committed") && failed.getMessage().contains("topic down at " + settings.bootstrap()),
                    failed.getMessage());
            assertEquals(before, StoreContents.of(store), "the writer's store is as it was");
            assertEquals(published, writer.publisher().position());

            broker = TestBroker.start(dir.resolve("kafka"), port);
            Stores.add(writer, Stores.named("after", "After"));
            try (Replica replica = Replica.start(replicaStore, settings.withTimeout(Duration.ofSeconds(10)), dir.resolve("replica.position"))) {
                ReplicationIT.assertReaches(replica, writer.publisher().position());
                assertEquals(2, replica.applied(), "the records from before the stop survived it");
            }
            assertFalse(StoreContents.contains(replicaStore, refused));
            assertEquals(StoreContents.of(store), StoreContents.of(replicaStore));
        } finally {
            broker.close();
        }
    }
}
