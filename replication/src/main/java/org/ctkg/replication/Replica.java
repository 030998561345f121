package org.ctkg.replication;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.apache.jena.query.TxnType;
import org.apache.jena.rdfpatch.text.RDFPatchReaderText;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A replica's applier: a thread that reads the writer's log ({@code read_committed}, so aborted
 * Kafka transactions never show) and applies each published store transaction in one write
 * transaction of the replica's store, so that its readers see all of a transaction or none of it.
 * After each commit it records its place in a {@link PositionFile} and resumes from there after a
 * restart, a crash included.
 * <p>
 * It must run in the process that serves the store (TDB2 allows one process per database), and
 * should be the only writer of that store.
 */
public final class Replica implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Replica.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final ReplicaStore target;
    private final DatasetGraph store;
    private final Settings settings;
    private final PositionFile positions;
    private final TopicPartition partition;
    private final KafkaConsumer<byte[], byte[]> consumer;
    /** The changes of the store transaction being applied, or null between transactions. */
    private BatchedApply apply;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long position;
    private volatile long lag = -1;
    private volatile long applied;
    private volatile long applyNanos;
    /** When the store transaction being applied began (System.nanoTime). */
    private long applyStart;
    private volatile RuntimeException failure;
    /** The store transaction being applied (its chunks so far are in the store's open write transaction), or null. */
    private volatile String applying;
    private int nextSequence;

    private Replica(ReplicaStore target, Settings settings, Path positionFile) {
        this.target = target;
        this.store = target.served();
        this.settings = settings;
        this.positions = new PositionFile(positionFile, settings.topic());
        this.partition = Topic.partition(settings);
        this.position = positions.read();
        this.consumer = consumer(settings);
        this.thread = new Thread(this::run, "ctkg-replica-" + settings.topic());
        thread.setDaemon(true);
    }

    /**
     * Starts applying the settings' topic to the store, from the position in the file (from the
     * log's start when there is no file yet).
     * @throws ReplicationException when Kafka cannot be reached in time or the position file is not this topic's
     */
    public static Replica start(DatasetGraph store, Settings settings, Path positionFile) {
        return start(ReplicaStore.of(store), settings, positionFile);
    }

    /**
     * Starts applying the settings' topic to a served store (see {@link ReplicaStore}), from the
     * position in the file (from the log's start when there is no file yet).
     * @throws ReplicationException when Kafka cannot be reached in time or the position file is not this topic's
     */
    public static Replica start(ReplicaStore store, Settings settings, Path positionFile) {
        Topic.ensure(settings);
        Replica replica = new Replica(store, settings, positionFile);
        replica.thread.start();
        return replica;
    }

    /** The offset of the next record to apply: every store transaction published before it is in the store. */
    public long position() {
        return position;
    }

    /** Records between this replica's position and the end of the committed log, as last seen; -1 when not known yet. */
    public long lag() {
        return lag;
    }

    /** Store transactions applied since this replica started. */
    public long applied() {
        return applied;
    }

    /** Time spent applying those transactions, from the first chunk's arrival to the store's commit, in nanoseconds. */
    public long applyNanos() {
        return applyNanos;
    }

    /** The id of the store transaction being applied (begun in the store, not yet committed), or null between transactions. */
    public String applying() {
        return applying;
    }

    /** Why the replica stopped applying, or null while it runs. */
    public RuntimeException failure() {
        return failure;
    }

    /**
     * Waits until the replica has applied the log up to the position (a writer's
     * {@link Publisher#position()}), it fails, or the time is up.
     * @return true when the position is reached
     */
    public boolean awaitPosition(long target, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (position < target && failure == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0)
                    return false;
                wait(Math.max(1, left / 1_000_000));
            }
        }
        return position >= target;
    }

    /**
     * Waits until the replica has applied the log to its end, as far as it has seen: nothing left
     * to read, no transaction half applied. Bounded by progress: fails when the position has not
     * moved for {@code stall}.
     * @throws ReplicationException when it stops applying, or stalls
     */
    public void awaitEndOfLog(Duration stall) throws InterruptedException {
        long last = position, since = System.nanoTime();
        synchronized (this) {
            while (failure == null && !(lag == 0 && applying == null)) {
                if (position != last) {
                    last = position;
                    since = System.nanoTime();
                } else if (System.nanoTime() - since > stall.toNanos()) {
                    throw new ReplicationException("catching up with Kafka topic " + settings.topic() + " at " + settings.bootstrap()
                            + ": no progress for " + stall.toSeconds() + " s at position " + position + " (lag " + lag + ")");
                }
                wait(100);
            }
        }
        if (failure != null)
            throw failure;
    }

    private void run() {
        try {
            consumer.assign(List.of(partition));
            consumer.seek(partition, position);
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL))
                    apply(record);
                long seen = consumer.currentLag(partition).orElse(-1);
                synchronized (this) {
                    lag = seen;
                    notifyAll();
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (OffsetOutOfRangeException e) {
            fail(new ReplicationException("Kafka topic " + settings.topic() + " at " + settings.bootstrap() + " no longer holds offset "
                    + position + " (removed by retention?): this replica cannot catch up from the log", e));
        } catch (RuntimeException e) {
            fail(e);
        } finally {
            if (applying != null) {
                store.abort();
                store.end();
            }
            consumer.close(Duration.ZERO);
        }
    }

    /** Applies one chunk; the chunk marked last commits its store transaction and moves the position past it. */
    private void apply(ConsumerRecord<byte[], byte[]> record) {
        Chunk chunk = Chunk.of(record);
        if (chunk.sequence() == 0) {
            if (applying != null) {
                LOG.warn("store transaction {} in Kafka topic {} ends without its last chunk; record {} begins another: discarding the first",
                        applying, record.topic(), record.offset());
                store.abort();
                store.end();
            }
            store.begin(TxnType.WRITE);
            apply = new BatchedApply(target);
            applyStart = System.nanoTime();
            applying = chunk.transaction();
            nextSequence = 0;
        } else if (applying == null || !applying.equals(chunk.transaction()) || chunk.sequence() != nextSequence) {
            throw new ReplicationException("record " + record.offset() + " of Kafka topic " + record.topic() + " is chunk " + chunk.sequence()
                    + " of store transaction " + chunk.transaction() + ", but the replica expected "
                    + (applying == null ? "the first chunk of a transaction" : "chunk " + nextSequence + " of " + applying));
        }
        new RDFPatchReaderText(new ByteArrayInputStream(chunk.patch())).apply(apply);
        nextSequence++;
        if (!chunk.last())
            return;
        apply.flush();
        store.commit();
        store.end();
        applying = null;
        apply = null;
        positions.write(record.offset() + 1);
        synchronized (this) {
            position = record.offset() + 1;
            applied++;
            applyNanos += System.nanoTime() - applyStart;
            notifyAll();
        }
    }

    private void fail(RuntimeException e) {
        LOG.error("replica of Kafka topic {} stopped at offset {}: {}", settings.topic(), position, e.getMessage(), e);
        synchronized (this) {
            failure = e;
            notifyAll();
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer(Settings settings) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, settings.timeoutMillis());
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, settings.timeoutMillis());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }

    /** Stops applying; a store transaction not yet complete is aborted, to be applied whole after a restart. */
    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(settings.timeout().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive())
            thread.interrupt();
    }
}
