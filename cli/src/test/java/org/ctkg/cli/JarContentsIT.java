package org.ctkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

/** The runnable jar has Kafka's client, for publishing and replicas, and none of a Kafka broker. */
class JarContentsIT {
    @Test
    void theJarHasKafkasClientAndNoBroker() throws Exception {
        try (ZipFile jar = new ZipFile(JarRuns.jar().toFile())) {
            assertNotNull(jar.getEntry("org/apache/kafka/clients/producer/KafkaProducer.class"));
            // The broker: Kafka's Scala core (package kafka), KRaft, the storage and server modules, Scala itself.
            List<String> broker = jar.stream().map(ZipEntry::getName)
                    .filter(n -> n.endsWith(".class"))
                    .filter(n -> n.startsWith("kafka/") || n.startsWith("scala/") || n.startsWith("org/apache/kafka/raft/")
                                 || n.startsWith("org/apache/kafka/storage/") || n.startsWith("org/apache/kafka/metadata/")
                                 || n.equals("org/apache/kafka/security/authorizer/AclEntry.class"))
                    .limit(10).toList();
            assertEquals(List.of(), broker, "broker classes in the product jar");
        }
    }
}
