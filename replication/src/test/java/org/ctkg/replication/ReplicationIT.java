package org.ctkg.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.jena.graph.NodeFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.ctkg.loader.LoadException;
import org.ctkg.loader.LoadJob;
import org.ctkg.loader.Store;
import org.ctkg.loader.source.RdfFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A writer and replicas on one real broker, each test on a topic of its own. */
class ReplicationIT {
    private static final Duration CATCH_UP = Duration.ofSeconds(30);
    @TempDir
    static Path dir;
    private static KafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = TestBroker.start(dir.resolve("kafka"), 0);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null)
            broker.close();
    }

    private static Settings settings(String topic) {
        return Settings.of(broker.bootstrap()).withTopic(topic).withTimeout(Duration.ofSeconds(10));
    }

    @Test
    void aReplicaEndsWithTheWritersQuads() throws Exception {
        try (Pair pair = Pair.on("applied")) {
            PublishingDataset writer = pair.writer();
            Replica replica = pair.replica();
            DatasetGraph store = pair.store(), replicaStore = pair.replicaStore();
            Stores.update(writer, "INSERT DATA { GRAPH <" + Stores.GRAPH.getURI() + "> { <https://example.org/id/a> <http://www.w3.org/2000/01/rdf-schema#label> 'A', 'gone' . _:x <https://example.org/p> 1 } }");
            long beforeLoad = writer.publisher().position();
            LoadJob.create(Store.serving(writer)).source(RdfFile.of(triples(dir.resolve("20k.nt"), 20_000), null)).validate(false).build().run();
            long afterLoad = writer.publisher().position();
            Stores.update(writer, "DELETE DATA { GRAPH <" + Stores.GRAPH.getURI() + "> { <https://example.org/id/a> <http://www.w3.org/2000/01/rdf-schema#label> 'gone' } }");

            assertTrue(afterLoad - beforeLoad >= 3, "the 20k-triple job went out in several chunks: " + (afterLoad - beforeLoad) + " records");
            assertReaches(replica, writer.publisher().position());
            StoreContents expected = StoreContents.of(store);
            assertTrue(expected.quads() > 20_000, expected.toString());
            assertEquals(expected, StoreContents.of(replicaStore));
            assertFalse(StoreContents.contains(replicaStore, Stores.named("a", "gone")));
            assertEquals(3, replica.applied());
        }
    }

    @Test
    void anAbortedWritePublishesNothing() throws Exception {
        try (Pair pair = Pair.on("aborted")) {
            PublishingDataset writer = pair.writer();
            Replica replica = pair.replica();
            DatasetGraph store = pair.store(), replicaStore = pair.replicaStore();
            Stores.add(writer, Stores.named("kept", "Kept"));
            long before = writer.publisher().position();
            Quad aborted = Stores.named("aborted", "Aborted");
            assertThrows(IllegalStateException.class, () -> Txn.executeWrite(writer, () -> {
                writer.add(aborted);
                throw new IllegalStateException("the write fails after its change");
            }));
            Path invalid = Files.writeString(dir.resolve("nameless.ttl"),
                    "<https://w3id.org/ctkg/id/test/nameless> a <https://w3id.org/ctkg/ontology#Company> .\n");
            LoadException failed = assertThrows(LoadException.class,
                    () -> LoadJob.create(Store.serving(writer)).source(RdfFile.of(invalid, null)).build().run());
            assertEquals(LoadException.Kind.INVALID, failed.kind());
            assertEquals(before, writer.publisher().position(), "nothing published for the aborted write and the failed job");

            Stores.add(writer, Stores.named("after", "After"));
            assertReaches(replica, writer.publisher().position());
            assertFalse(StoreContents.contains(replicaStore, aborted));
            assertEquals(StoreContents.of(store), StoreContents.of(replicaStore));
            assertEquals(2, replica.applied());
        }
    }

    @Test
    void aRestartedReplicaResumesAndReplayChangesNothing() throws Exception {
        Settings settings = settings("restarted");
        DatasetGraph store = Stores.tdb2(dir.resolve("restarted-writer"));
        DatasetGraph replicaStore = Stores.tdb2(dir.resolve("restarted-replica"));
        Path position = dir.resolve("restarted.position");
        try (PublishingDataset writer = Replication.publishing(store, settings)) {
            Stores.add(writer, Stores.named("one", "One"));
            long afterOne = writer.publisher().position();
            Stores.add(writer, Stores.named("two", "Two"));
            long afterTwo = writer.publisher().position();
            try (Replica first = Replica.start(replicaStore, settings, position)) {
                assertReaches(first, afterTwo);
            }
            // while the replica is down: a delete of what it has, and a re-add of the same quad
            Stores.update(writer, "DELETE DATA { GRAPH <" + Stores.GRAPH.getURI() + "> { <https://example.org/id/one> <http://www.w3.org/2000/01/rdf-schema#label> 'One' } }");
            Stores.add(writer, Stores.named("three", "Three"));
            Stores.add(writer, Stores.named("one", "One"));
            try (Replica second = Replica.start(replicaStore, settings, position)) {
                assertReaches(second, writer.publisher().position());
                assertEquals(3, second.applied(), "resumed after the two transactions it had");
            }
            StoreContents converged = StoreContents.of(replicaStore);
            assertEquals(StoreContents.of(store), converged);

            // as after a crash between a store commit and the position's write: the applied suffix comes again
            new PositionFile(position, settings.topic()).write(afterOne);
            try (Replica replay = Replica.start(replicaStore, settings, position)) {
                assertReaches(replay, writer.publisher().position());
                assertEquals(4, replay.applied());
                assertNull(replay.failure());
            }
            assertEquals(converged, StoreContents.of(replicaStore));
        }
    }

    @Test
    void aReplicaWhosePlaceTheTopicNoLongerHoldsStopsAndSaysSo() throws Exception {
        Settings settings = settings("retention");
        DatasetGraph store = Stores.tdb2(dir.resolve("retention-writer"));
        DatasetGraph replicaStore = Stores.tdb2(dir.resolve("retention-replica"));
        Path position = dir.resolve("retention.position");
        try (PublishingDataset writer = Replication.publishing(store, settings)) {
            Stores.add(writer, Stores.named("one", "One"));
            long afterOne = writer.publisher().position();
            try (Replica first = Replica.start(replicaStore, settings, position)) {
                assertReaches(first, afterOne);
            }
            Stores.add(writer, Stores.named("two", "Two"));
            Stores.add(writer, Stores.named("three", "Three"));
            StoreContents before = StoreContents.of(replicaStore);
            // What retention does to an old log: its start moves past the replica's place.
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap()))) {
                admin.deleteRecords(Map.of(Topic.partition(settings), RecordsToDelete.beforeOffset(writer.publisher().position())))
                     .all().get(30, TimeUnit.SECONDS);
            }

            try (Replica behind = Replica.start(replicaStore, settings, position)) {
                assertFalse(behind.awaitPosition(writer.publisher().position(), CATCH_UP), "a replica never skips what the log lost");
                assertNotNull(behind.failure(), "it stopped, rather than waiting");
                assertTrue(behind.failure().getMessage().contains("no longer holds offset " + afterOne), behind.failure().getMessage());
                assertEquals(afterOne, behind.position());
            }
            assertEquals(before, StoreContents.of(replicaStore), "the replica's store is as it was");
            assertEquals(afterOne, new PositionFile(position, settings.topic()).read());
        }
    }

    @Test
    void aRecordThatIsNotTheNextChunkStopsTheReplicaNamingIt() throws Exception {
        for (boolean ctkgChunk : new boolean[] {true, false}) {
            Settings settings = settings("out-of-order-" + ctkgChunk);
            Topic.ensure(settings);
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap()),
                    new ByteArraySerializer(), new ByteArraySerializer())) {
                byte[] patch = "A <https://example.org/id/x> <http://www.w3.org/2000/01/rdf-schema#label> \"X\" <https://example.org/graph/updates> .\n"
                        .getBytes(StandardCharsets.UTF_8);
                // the second chunk of a store transaction whose first never came; or a record of something else
                producer.send(ctkgChunk ? new Chunk("t-lost-its-start", 1, true, patch).toRecord(settings.topic())
                                        : new ProducerRecord<>(settings.topic(), 0, null, patch)).get(30, TimeUnit.SECONDS);
            }
            DatasetGraph replicaStore = Stores.tdb2(dir.resolve("out-of-order-" + ctkgChunk + "-replica"));
            try (Replica replica = Replica.start(replicaStore, settings, dir.resolve("out-of-order-" + ctkgChunk + ".position"))) {
                assertFalse(replica.awaitPosition(1, CATCH_UP), "the record is not applied");
                assertNotNull(replica.failure(), "it stopped, rather than skipping the record");
                String expected = ctkgChunk ? "record 0 of Kafka topic " + settings.topic() + " is chunk 1 of store transaction t-lost-its-start, but the replica expected the first chunk"
                                            : "record 0 of Kafka topic " + settings.topic() + " is not a ctkg change";
                assertTrue(replica.failure().getMessage().contains(expected), replica.failure().getMessage());
                assertEquals(0, replica.position());
            }
            assertEquals(0, StoreContents.of(replicaStore).quads(), "nothing of it is in the replica's store");
        }
    }

    @Test
    void aSecondWriterFencesTheFirst() throws Exception {
        Settings settings = settings("fenced");
        DatasetGraph firstStore = Stores.tdb2(dir.resolve("fenced-first"));
        DatasetGraph secondStore = Stores.tdb2(dir.resolve("fenced-second"));
        DatasetGraph replicaStore = Stores.tdb2(dir.resolve("fenced-replica"));
        try (PublishingDataset first = Replication.publishing(firstStore, settings)) {
            Stores.add(first, Stores.named("before", "Before"));
            try (PublishingDataset second = Replication.publishing(secondStore, settings);
                 Replica replica = Replica.start(replicaStore, settings, dir.resolve("fenced.position"))) {
                Quad stale = Stores.named("stale", "Stale");
                ReplicationException fenced = assertThrows(ReplicationException.class, () -> Stores.add(first, stale));
                assertTrue(fenced.getMessage().contains("fenced"), fenced.getMessage());
                assertFalse(StoreContents.contains(firstStore, stale), "the fenced writer's store is unchanged");
                ReplicationException again = assertThrows(ReplicationException.class, () -> Stores.add(first, Stores.named("later", "Later")));
                assertTrue(again.getMessage().contains("refused"), again.getMessage());

                Stores.add(second, Stores.named("after", "After"));
                assertReaches(replica, second.publisher().position());
                assertTrue(StoreContents.contains(replicaStore, Stores.named("before", "Before")));
                assertTrue(StoreContents.contains(replicaStore, Stores.named("after", "After")));
                assertFalse(StoreContents.contains(replicaStore, stale));
            }
        }
    }

    @Test
    void aWriterRestartedAfterACommitInDoubtCatchesUpFromTheLogBeforeItTakesWrites() throws Exception {
        Settings settings = settings("in-doubt");
        DatasetGraph store = Stores.tdb2(dir.resolve("in-doubt-writer"));
        Path position = dir.resolve("in-doubt-writer.position");
        try (PublishingDataset writer = Replication.writer(store, settings, position)) {
            Stores.add(writer, Stores.named("one", "One"));
            assertEquals(writer.publisher().position(), new PositionFile(position, settings.topic()).read(), "the writer notes its place after each commit");
        }
        // As when the writer died after Kafka took a transaction and before its store committed it:
        // the log holds a change the store does not.
        Quad inDoubt = Stores.named("in-doubt", "In doubt");
        try (Publisher crashed = Publisher.open(settings)) {
            crashed.txnBegin();
            crashed.add(inDoubt.getGraph(), inDoubt.getSubject(), inDoubt.getPredicate(), inDoubt.getObject());
            crashed.txnCommit();
        }
        assertFalse(StoreContents.contains(store, inDoubt));
        try (PublishingDataset restarted = Replication.writer(store, settings, position)) {
            assertTrue(StoreContents.contains(store, inDoubt), "the restarted writer applied the log's change before taking writes");
            Stores.add(restarted, Stores.named("two", "Two"));
            DatasetGraph replicaStore = Stores.tdb2(dir.resolve("in-doubt-replica"));
            try (Replica replica = Replica.start(replicaStore, settings, dir.resolve("in-doubt-replica.position"))) {
                assertReaches(replica, restarted.publisher().position());
            }
            assertEquals(StoreContents.of(store), StoreContents.of(replicaStore), "writer and replica agree again");
        }
    }

    @Test
    void aWriterAndAReplicaNoteTheirPlaceBeforeTheFirstJobSoTheirStoresAreKnownAsReplicated() throws Exception {
        Settings settings = settings("noted");
        Path writerPosition = Replication.positionFileOf(dir.resolve("noted-writer"));
        Path replicaPosition = Replication.positionFileOf(dir.resolve("noted-replica"));
        assertEquals(dir.resolve("noted-writer.position"), writerPosition);
        try (PublishingDataset writer = Replication.writer(Stores.tdb2(dir.resolve("noted-writer")), settings, writerPosition);
             Replica replica = Replication.replica(Stores.tdb2(dir.resolve("noted-replica")), settings, replicaPosition)) {
            assertEquals(-1, writer.publisher().position(), "nothing published yet");
            assertEquals(0, new PositionFile(writerPosition, settings.topic()).read());
            assertEquals(0, new PositionFile(replicaPosition, settings.topic()).read());
            assertTrue(Files.exists(writerPosition) && Files.exists(replicaPosition), "an empty topic's writer and replica have their files");
        }
    }

    @Test
    void aReplicaJoinedFromASnapshotConvergesBlankNodeTriplesIncluded() throws Exception {
        Settings settings = settings("snapshot");
        DatasetGraph store = Stores.tdb2(dir.resolve("snapshot-writer"));
        DatasetGraph first = Stores.tdb2(dir.resolve("snapshot-first"));
        Path firstPosition = dir.resolve("snapshot-first.position");
        String graph = Stores.GRAPH.getURI();
        try (PublishingDataset writer = Replication.publishing(store, settings)) {
            Stores.update(writer, "INSERT DATA { GRAPH <" + graph + "> { _:b <https://example.org/p> 'blank one' . _:c <https://example.org/p> 'blank two' } }");
            Stores.add(writer, Stores.named("one", "One"));
            try (Replica replica = Replica.start(first, settings, firstPosition)) {
                assertReaches(replica, writer.publisher().position());
            }
            Path file = dir.resolve("snapshot.nq.gz");
            Snapshot.write(first, firstPosition, file);
            // After the snapshot: a delete of a blank-node triple, which the writer publishes by the node's label, and an add.
            Stores.update(writer, "DELETE WHERE { GRAPH <" + graph + "> { ?b <https://example.org/p> 'blank one' } }");
            Stores.add(writer, Stores.named("two", "Two"));

            DatasetGraph joined = Stores.tdb2(dir.resolve("snapshot-joined"));
            Path joinedPosition = dir.resolve("snapshot-joined.position");
            Snapshot.restore(file, joined, joinedPosition);
            try (Replica replica = Replica.start(joined, settings, joinedPosition)) {
                assertReaches(replica, writer.publisher().position());
                assertEquals(2, replica.applied(), "it applied what came after the snapshot, and only that");
                assertNull(replica.failure());
            }
            assertEquals(StoreContents.of(store), StoreContents.of(joined), "the same quads, under the same blank-node labels");
            Txn.executeRead(joined, () -> {
                assertFalse(joined.find(null, null, null, NodeFactory.createLiteralString("blank one")).hasNext(), "the blank-node triple deleted after the snapshot is gone");
                assertTrue(joined.find(null, null, null, NodeFactory.createLiteralString("blank two")).hasNext());
            });
        }
    }

    @Test
    void promotingAReplicaIsStartingAWriterOnItsStoreWhichCatchesUpAndFencesTheOldWriter() throws Exception {
        Settings settings = settings("promoted");
        DatasetGraph oldStore = Stores.tdb2(dir.resolve("promoted-writer"));
        DatasetGraph replicaStore = Stores.tdb2(dir.resolve("promoted-replica"));
        Path replicaPosition = dir.resolve("promoted-replica.position");
        try (PublishingDataset old = Replication.writer(oldStore, settings, dir.resolve("promoted-writer.position"))) {
            Stores.add(old, Stores.named("one", "One"));
            try (Replica replica = Replica.start(replicaStore, settings, replicaPosition)) {
                assertReaches(replica, old.publisher().position());
            }
            Stores.add(old, Stores.named("two", "Two"));   // the replica is down and has not applied it
            try (PublishingDataset promoted = Replication.writer(replicaStore, settings, replicaPosition)) {
                assertTrue(StoreContents.contains(replicaStore, Stores.named("two", "Two")), "the promoted replica caught up first");
                Quad stale = Stores.named("stale", "Stale");
                ReplicationException fenced = assertThrows(ReplicationException.class, () -> Stores.add(old, stale));
                assertTrue(fenced.getMessage().contains("fenced"), fenced.getMessage());
                assertFalse(StoreContents.contains(oldStore, stale), "the old writer's store is unchanged");

                Stores.add(promoted, Stores.named("three", "Three"));
                DatasetGraph other = Stores.tdb2(dir.resolve("promoted-other"));
                try (Replica follower = Replica.start(other, settings, dir.resolve("promoted-other.position"))) {
                    assertReaches(follower, promoted.publisher().position());
                }
                assertEquals(StoreContents.of(replicaStore), StoreContents.of(other), "another replica follows the new writer");
            }
        }
    }

    /**
     * A writer and a replica of a topic, each with a TDB2 store of its own named after the topic.
     * The writer keeps only 600 KiB of a transaction's patch in memory, so that the 20k-triple job
     * (some 2 MB of patch) is published from its temporary file.
     */
    private record Pair(DatasetGraph store, PublishingDataset writer, DatasetGraph replicaStore, Replica replica) implements AutoCloseable {
        static Pair on(String topic) {
            Settings settings = settings(topic);
            DatasetGraph store = Stores.tdb2(dir.resolve(topic + "-writer"));
            DatasetGraph replicaStore = Stores.tdb2(dir.resolve(topic + "-replica"));
            PublishingDataset writer = new PublishingDataset(store, Publisher.open(settings, PatchChunks.DEFAULT_LIMIT, 600 * 1024), null);
            return new Pair(store, writer, replicaStore, Replica.start(replicaStore, settings, dir.resolve(topic + ".position")));
        }

        @Override
        public void close() {
            replica.close();
            writer.close();
        }
    }

    /** Waits, bounded, until the replica has applied the log up to the writer's position. */
    static void assertReaches(Replica replica, long position) throws InterruptedException {
        assertTrue(replica.awaitPosition(position, CATCH_UP),
                "replica at " + replica.position() + " after " + CATCH_UP.toSeconds() + " s, not at " + position + "; failure: " + replica.failure());
    }

    /** An N-Triples file of that many triples about people, every tenth subject a blank node. */
    static Path triples(Path file, int count) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < count / 2; i++) {
                String s = i % 10 == 0 ? "_:p" + i : "<https://example.org/id/person/" + i + ">";
                out.write(s + " <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/ctkg/ontology#Person> .\n");
                out.write(s + " <http://www.w3.org/2000/01/rdf-schema#label> \"Person " + i + " — née Müller\" .\n");
            }
        }
        return file;
    }
}
