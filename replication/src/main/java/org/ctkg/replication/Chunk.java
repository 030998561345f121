package org.ctkg.replication;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/**
 * One Kafka record of a published store transaction: a chunk of RDF Patch text, with headers that
 * name the store transaction, the chunk's place in it, and whether it is the last.
 * @param transaction the store transaction's id, the same on all its chunks
 * @param sequence 0, 1, 2, ... within the transaction
 * @param last true on the transaction's final chunk: a replica commits after applying it
 * @param patch RDF Patch text, rows only
 */
record Chunk(String transaction, int sequence, boolean last, byte[] patch) {
    static final String CONTENT_TYPE = "Content-Type";
    static final String RDF_PATCH = "application/rdf-patch";
    static final String TRANSACTION = "ctkg-transaction";
    static final String SEQUENCE = "ctkg-sequence";
    static final String LAST = "ctkg-last";

    static String newTransactionId() {
        return UUID.randomUUID().toString();
    }

    ProducerRecord<byte[], byte[]> toRecord(String topic) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, 0, null, patch);
        record.headers()
              .add(CONTENT_TYPE, bytes(RDF_PATCH))
              .add(TRANSACTION, bytes(transaction))
              .add(SEQUENCE, bytes(Integer.toString(sequence)))
              .add(LAST, bytes(Boolean.toString(last)));
        return record;
    }

    /**
     * Reads a record of the log.
     * @throws ReplicationException when it is not a ctkg chunk, naming its offset
     */
    static Chunk of(ConsumerRecord<byte[], byte[]> record) {
        String type = header(record, CONTENT_TYPE);
        String transaction = header(record, TRANSACTION);
        String sequence = header(record, SEQUENCE);
        String last = header(record, LAST);
        if (!RDF_PATCH.equals(type) || transaction == null || sequence == null || last == null || record.value() == null)
            throw new ReplicationException("record " + record.offset() + " of Kafka topic " + record.topic()
                    + " is not a ctkg change (headers " + CONTENT_TYPE + ": " + RDF_PATCH + ", " + TRANSACTION + ", " + SEQUENCE + ", " + LAST + ")");
        try {
            return new Chunk(transaction, Integer.parseInt(sequence), Boolean.parseBoolean(last), record.value());
        } catch (NumberFormatException e) {
            throw new ReplicationException("record " + record.offset() + " of Kafka topic " + record.topic()
                    + ": " + SEQUENCE + " is not a number: " + sequence, e);
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
