package org.ctkg.replication;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.jena.graph.Node;
import org.apache.jena.rdfpatch.changes.RDFChangesBase;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The writer's side: the monitor of a {@link PublishingDataset}. It gathers each write
 * transaction's changes as {@link PatchChunks} and, when the transaction commits and before the
 * store does, sends them to the topic in one Kafka transaction. If Kafka does not take them, it
 * throws, and the store's transaction is aborted: the store never holds a change the log lacks.
 * <p>
 * Its transactional producer has a fixed {@code transactional.id} per topic, so a second writer
 * on the topic fences this one; a fenced writer refuses every later write.
 */
public final class Publisher extends RDFChangesBase implements AutoCloseable {
    private final Settings settings;
    /** A Jena transaction belongs to one thread; the changes of each thread's write transaction. */
    private final ThreadLocal<PatchChunks> pending = new ThreadLocal<>();
    private final int chunkLimit;
    /** Bytes of a transaction's chunks kept in memory; the rest wait in a temporary file. */
    private final long memoryLimit;
    private KafkaProducer<byte[], byte[]> producer;
    /** Why this writer refuses writes for good (fenced, or a commit in doubt), or null. */
    private volatile String refusal;
    private volatile long position = -1;
    private volatile long published;

    private Publisher(Settings settings, int chunkLimit, long memoryLimit) {
        this.settings = settings;
        this.chunkLimit = chunkLimit;
        this.memoryLimit = memoryLimit;
    }

    /**
     * A publisher to the settings' topic, created with one partition if missing. Its producer is
     * registered at once, which fences any earlier writer on the topic.
     * @throws ReplicationException when Kafka cannot be reached in time
     */
    public static Publisher open(Settings settings) {
        return open(settings, PatchChunks.DEFAULT_LIMIT, PatchChunks.DEFAULT_MEMORY);
    }

    static Publisher open(Settings settings, int chunkLimit, long memoryLimit) {
        Topic.ensure(settings);
        Publisher publisher = new Publisher(settings, chunkLimit, memoryLimit);
        synchronized (publisher) {
            publisher.producer();
        }
        return publisher;
    }

    /**
     * The log offset just after this writer's last published transaction, or -1 before its first:
     * a replica whose {@link Replica#position()} has reached it holds every change written here.
     */
    public long position() {
        return position;
    }

    /** Store transactions this writer has published since it opened. */
    public long published() {
        return published;
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public void txnBegin() {
        if (refusal != null)
            throw new ReplicationException(refusal);
        PatchChunks left = pending.get();
        if (left != null)
            left.discard();
        pending.set(new PatchChunks(chunkLimit, memoryLimit));
    }

    @Override
    public void add(Node g, Node s, Node p, Node o) {
        changes().add(g, s, p, o);
    }

    @Override
    public void delete(Node g, Node s, Node p, Node o) {
        changes().delete(g, s, p, o);
    }

    @Override
    public void addPrefix(Node gn, String prefix, String uriStr) {
        changes().addPrefix(gn, prefix, uriStr);
    }

    @Override
    public void deletePrefix(Node gn, String prefix) {
        changes().deletePrefix(gn, prefix);
    }

    private PatchChunks changes() {
        PatchChunks changes = pending.get();
        if (changes == null) {
            changes = new PatchChunks(chunkLimit, memoryLimit);
            pending.set(changes);
        }
        return changes;
    }

    /** Called before the store commits: publishes the transaction's changes, or throws so that the store aborts. */
    @Override
    public void txnCommit() {
        PatchChunks changes = pending.get();
        pending.remove();
        if (changes != null) {
            try (changes) {
                if (!changes.isEmpty())
                    publish(changes);
            }
        }
    }

    @Override
    public void txnAbort() {
        PatchChunks changes = pending.get();
        pending.remove();
        if (changes != null)
            changes.discard();
    }

    /** Sends the chunks in one Kafka transaction; the store is committed only if this returns. */
    private synchronized void publish(PatchChunks chunks) {
        if (refusal != null)
            throw new ReplicationException(refusal);
        KafkaProducer<byte[], byte[]> kafka = producer();
        String id = Chunk.newTransactionId();
        boolean committing = false;
        try {
            kafka.beginTransaction();
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            chunks.forEach((sequence, last, patch) -> sent.add(kafka.send(new Chunk(id, sequence, last, patch).toRecord(settings.topic()))));
            kafka.flush();
            RecordMetadata last = null;
            for (Future<RecordMetadata> f : sent)
                last = f.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
            committing = true;
            kafka.commitTransaction();
            position = last.offset() + 1;
            published++;
        } catch (Exception e) {
            if (e instanceof InterruptedException)
                Thread.currentThread().interrupt();
            throw failed(kafka, e, committing);
        }
    }

    /** What a failed publication means for this writer, as the exception the write fails with. */
    private ReplicationException failed(KafkaProducer<byte[], byte[]> kafka, Exception e, boolean committing) {
        String where = "Kafka topic " + settings.topic() + " at " + settings.bootstrap();
        if (isFenced(e)) {
            refusal = "another writer publishes to " + where + " now (this one was fenced): writes here are refused; the change was not committed";
            closeProducer(Duration.ZERO);
            return new ReplicationException(refusal, e);
        }
        if (committing) {
            refusal = "Kafka did not confirm the commit of a change to " + where + " (" + e + "): whether replicas will apply it is in doubt,"
                    + " so writes here are refused; the change was not committed to this store; restart the writer";
            closeProducer(Duration.ZERO);
            return new ReplicationException(refusal, e);
        }
        try {
            kafka.abortTransaction();
        } catch (RuntimeException abortFailed) {
            closeProducer(Duration.ZERO);
        }
        return new ReplicationException("cannot publish the change to " + where + " within " + settings.timeout().toSeconds()
                + " s, so it was not committed (the store is unchanged): " + rootCause(e), e);
    }

    private static boolean isFenced(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause())
            if (t instanceof ProducerFencedException || t instanceof InvalidProducerEpochException)
                return true;
        return false;
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t)
            t = t.getCause();
        return t.toString();
    }

    /** The transactional producer, registered with the coordinator; made again after a failure closed it. */
    private KafkaProducer<byte[], byte[]> producer() {
        if (producer != null)
            return producer;
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap());
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, settings.transactionalId());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        int bound = settings.timeoutMillis();
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, bound);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1, bound / 2));
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, bound);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        KafkaProducer<byte[], byte[]> made = new KafkaProducer<>(props);
        try {
            made.initTransactions();
        } catch (RuntimeException e) {
            made.close(Duration.ZERO);
            throw new ReplicationException("cannot register as the writer of Kafka topic " + settings.topic() + " at "
                    + settings.bootstrap() + " within " + settings.timeout().toSeconds() + " s: " + rootCause(e), e);
        }
        producer = made;
        return made;
    }

    private void closeProducer(Duration bound) {
        if (producer != null)
            producer.close(bound);
        producer = null;
    }

    @Override
    public synchronized void close() {
        closeProducer(settings.timeout());
    }
}
