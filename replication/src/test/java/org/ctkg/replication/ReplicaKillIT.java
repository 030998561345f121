package org.ctkg.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replica killed with SIGKILL inside a store transaction: on restart its store holds none of
 * that transaction, and it applies the transaction whole. The log is written by hand so that the
 * replica is certainly inside the transaction when killed: the transaction's first chunks are
 * committed to Kafka, its last chunk only after the kill.
 */
class ReplicaKillIT {
    private static final Node GRAPH = NodeFactory.createURI("https://example.org/graph/killed");
    @TempDir
    Path dir;

    @Test
    void aReplicaKilledInsideATransactionIsNeverPartialAndConverges() throws Exception {
        try (KafkaBroker broker = TestBroker.start(dir.resolve("kafka"), 0)) {
            Settings settings = Settings.of(broker.bootstrap()).withTopic("killed").withTimeout(Duration.ofSeconds(10));
            Topic.ensure(settings);
            List<byte[]> chunks = chunksOf(300);
            assertTrue(chunks.size() >= 3, "chunks: " + chunks.size());
            try (KafkaProducer<byte[], byte[]> log = producer(settings)) {
                log.initTransactions();
                send(log, settings, chunks.subList(0, chunks.size() - 1), 0, false);

                Path storeDir = dir.resolve("replica");
                Path position = dir.resolve("replica.position");
                try (ChildProcess replica = ChildProcess.start(ReplicaProcess.class, dir.resolve("replica.err"),
                        storeDir.toString(), position.toString(), settings.bootstrap(), settings.topic())) {
                    replica.awaitLine("applying transaction-1", Duration.ofSeconds(60));
                    assertEquals(137, replica.kill(), "ended by SIGKILL (128 + 9)");
                }

                DatasetGraph store = Stores.tdb2(storeDir);
                assertEquals(0, quadsIn(store), "nothing of the transaction the replica was inside when killed");
                assertEquals(0, new PositionFile(position, settings.topic()).read());

                send(log, settings, chunks.subList(chunks.size() - 1, chunks.size()), chunks.size() - 1, true);
                try (Replica restarted = Replica.start(store, settings, position)) {
                    ReplicationIT.assertReaches(restarted, 1 + chunks.size());
                    assertEquals(1, restarted.applied());
                }
                assertEquals(300, quadsIn(store), "the whole transaction, once");
            }
        }
    }

    /** The chunks of one store transaction adding that many quads, in chunks of 2 KiB. */
    private static List<byte[]> chunksOf(int quads) {
        PatchChunks changes = new PatchChunks(2048);
        Node label = NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#label");
        for (int i = 0; i < quads; i++)
            changes.add(GRAPH, NodeFactory.createURI("https://example.org/id/killed/" + i), label, NodeFactory.createLiteralString("Killed " + i));
        return changes.chunks();
    }

    /** Sends the chunks of store transaction "transaction-1" from that sequence number in one Kafka transaction. */
    private static void send(KafkaProducer<byte[], byte[]> log, Settings settings, List<byte[]> chunks, int first, boolean endsWithLast) {
        log.beginTransaction();
        for (int i = 0; i < chunks.size(); i++)
            log.send(new Chunk("transaction-1", first + i, endsWithLast && i == chunks.size() - 1, chunks.get(i)).toRecord(settings.topic()));
        log.commitTransaction();
    }

    private static KafkaProducer<byte[], byte[]> producer(Settings settings) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap());
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "test-log-writer");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, settings.timeoutMillis());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    private static long quadsIn(DatasetGraph store) {
        return Txn.calculateRead(store, () -> store.stream(GRAPH, Node.ANY, Node.ANY, Node.ANY).count());
    }
}
