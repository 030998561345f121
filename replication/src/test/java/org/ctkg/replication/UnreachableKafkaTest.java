package org.ctkg.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka unreachable when a writer or a replica starts (nothing listens at the address): each
 * fails within its bound on Kafka calls, with a message naming the topic and the address, and its
 * store and place in the log are as they were.
 */
class UnreachableKafkaTest {
    private static final Duration BOUND = Duration.ofSeconds(3);
    /** Far past the bound, so that a busy machine cannot fail the test; a start that ignored the bound would hang past it. */
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    @TempDir
    Path dir;

    private static Settings nobodyListening() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return Settings.of("127.0.0.1:" + port).withTopic("unreachable").withTimeout(BOUND);
    }

    /** Starts a writer or a replica of the store, its place in the log kept in the file. */
    private interface Start {
        AutoCloseable on(DatasetGraph store, Settings settings, Path position) throws Exception;
    }

    @Test
    void aReplicaDoesNotStartAndItsStoreAndPlaceAreAsTheyWere() throws Exception {
        assertFailsChangingNothing("replica", Replica::start);
    }

    @Test
    void aWriterDoesNotStartAndItsStoreAndPlaceAreAsTheyWere() throws Exception {
        assertFailsChangingNothing("writer", Replication::writer);
    }

    private void assertFailsChangingNothing(String role, Start start) throws Exception {
        Settings settings = nobodyListening();
        DatasetGraph store = Stores.tdb2(dir.resolve(role));
        Stores.add(store, Stores.named("kept", "Kept"));
        StoreContents before = StoreContents.of(store);
        Path position = dir.resolve(role + ".position");
        ReplicationException e = assertTimeoutPreemptively(PATIENCE,
                () -> assertThrows(ReplicationException.class, () -> start.on(store, settings, position)));
        assertTrue(e.getMessage().contains("Kafka topic unreachable at " + settings.bootstrap()), role + ": " + e.getMessage());
        assertEquals(before, StoreContents.of(store), role);
        assertFalse(Files.exists(position), role + ": no place in the log is noted");
    }
}
