package org.ctkg.replication;

import java.nio.file.Path;
import java.time.Duration;

import org.apache.jena.sparql.core.DatasetGraph;

/**
 * A replica in a process of its own, for a test to kill: applies the topic to the store and prints
 * "applying ID" when it is inside a store transaction and has applied everything the log holds
 * (no lag: it waits for the transaction's last chunk), and "position N" when it moves on. Ends by
 * itself after two minutes, so that a failed test leaves no process behind.
 * Arguments: store directory, position file, bootstrap address, topic.
 */
public final class ReplicaProcess {
    private ReplicaProcess() {}

    public static void main(String[] args) throws InterruptedException {
        DatasetGraph store = Stores.tdb2(Path.of(args[0]));
        Settings settings = Settings.of(args[2]).withTopic(args[3]).withTimeout(Duration.ofSeconds(10));
        Replica replica = Replica.start(store, settings, Path.of(args[1]));
        long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        String seen = null;
        long position = -1;
        while (System.nanoTime() < end && replica.failure() == null) {
            String applying = replica.applying();
            if (applying != null && !applying.equals(seen) && replica.lag() == 0) {
                System.out.println("applying " + applying);
                seen = applying;
            }
            if (replica.position() != position)
                System.out.println("position " + (position = replica.position()));
            Thread.sleep(10);
        }
        System.exit(replica.failure() == null ? 0 : 1);
    }
}
