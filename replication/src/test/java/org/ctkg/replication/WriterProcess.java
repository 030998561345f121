package org.ctkg.replication;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;

/**
 * A writer in a process of its own, for a test to kill between Kafka's commit and the store's:
 * it starts as {@code ctkg serve --publish-to} does ({@link Replication#writer}), commits one
 * write and prints "committed N" (its log position), then makes a second write whose store commit
 * holds once the publisher's commit has returned: it prints "held N" and waits there to be killed.
 * Ends by itself after two minutes without committing, so that a failed test leaves no process.
 * Arguments: store directory, position file, bootstrap address, topic.
 */
public final class WriterProcess {
    private WriterProcess() {}

    public static void main(String[] args) throws InterruptedException {
        HeldCommits store = new HeldCommits(Stores.tdb2(Path.of(args[0])));
        Settings settings = Settings.of(args[2]).withTopic(args[3]).withTimeout(Duration.ofSeconds(10));
        PublishingDataset writer = Replication.writer(store, settings, Path.of(args[1]));
        Stores.add(writer, Stores.named("committed", "Committed"));
        System.out.println("committed " + writer.publisher().position());
        store.holdNext(() -> System.out.println("held " + writer.publisher().position()));
        Stores.add(writer, Stores.named("in-doubt", "In doubt"));
        System.exit(1);   // never here: the commit holds until the process is killed or halts
    }

    /** A store whose next commit, once asked, runs a note and then never happens. */
    private static final class HeldCommits extends DatasetGraphWrapper {
        private volatile Runnable held;

        HeldCommits(DatasetGraph store) {
            super(store);
        }

        void holdNext(Runnable note) {
            held = note;
        }

        @Override
        public void commit() {
            if (held == null) {
                super.commit();
                return;
            }
            // The publisher (the PublishingDataset's monitor) has published: Kafka holds the change.
            held.run();
            System.out.flush();
            try {
                new CountDownLatch(1).await(2, TimeUnit.MINUTES);   // nothing counts it down: held until killed
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(3);   // the store never commits the held transaction
        }
    }
}
