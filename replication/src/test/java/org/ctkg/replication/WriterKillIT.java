package org.ctkg.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer killed with SIGKILL after Kafka committed a write and before its store did: restarted
 * on the same store and position file, it has the write before it takes any other, and a replica
 * that replays the topic from its start ends with the same quads. The writer runs in a process of
 * its own whose store commit holds once the publisher's has returned ({@link WriterProcess}), so
 * the moment of the kill is certain.
 */
class WriterKillIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    @TempDir
    Path dir;

    @Test
    void aWriterKilledBetweenKafkasCommitAndItsOwnCatchesUpBeforeItTakesWrites() throws Exception {
        try (KafkaBroker broker = TestBroker.start(dir.resolve("kafka"), 0)) {
            Settings settings = Settings.of(broker.bootstrap()).withTopic("writer-killed").withTimeout(Duration.ofSeconds(10));
            Path storeDir = dir.resolve("writer");
            Path position = Replication.positionFileOf(storeDir);
            long committed, held;
            try (ChildProcess writer = ChildProcess.start(WriterProcess.class, dir.resolve("writer.err"),
                    storeDir.toString(), position.toString(), settings.bootstrap(), settings.topic())) {
                committed = Long.parseLong(writer.awaitLine("committed ", WAIT).substring("committed ".length()));
                held = Long.parseLong(writer.awaitLine("held ", WAIT).substring("held ".length()));
                assertEquals(137, writer.kill(), "ended by SIGKILL (128 + 9)");
            }
            assertTrue(held > committed, "the held write was published after the committed one: " + committed + ", " + held);

            Quad inDoubt = Stores.named("in-doubt", "In doubt");
            DatasetGraph store = Stores.tdb2(storeDir);
            assertTrue(StoreContents.contains(store, Stores.named("committed", "Committed")));
            assertFalse(StoreContents.contains(store, inDoubt), "the killed writer's store never committed the held write");
            assertEquals(committed, new PositionFile(position, settings.topic()).read(), "its place is after the write it committed");

            try (PublishingDataset restarted = Replication.writer(store, settings, position)) {
                assertTrue(StoreContents.contains(store, inDoubt), "the restarted writer applied Kafka's write before taking any");
                assertEquals(held, new PositionFile(position, settings.topic()).read(), "and noted its place after it");
                Stores.add(restarted, Stores.named("after", "After"));
                DatasetGraph replicaStore = Stores.tdb2(dir.resolve("replica"));
                try (Replica replica = Replication.replica(replicaStore, settings, dir.resolve("replica.position"))) {
                    ReplicationIT.assertReaches(replica, restarted.publisher().position());
                    assertEquals(3, replica.applied(), "the replica applied the log from its start: three writes");
                }
                StoreContents expected = StoreContents.of(store);
                assertEquals(3, expected.quads(), expected.toString());
                assertEquals(expected, StoreContents.of(replicaStore), "writer and replica agree");
            }
        }
    }
}
