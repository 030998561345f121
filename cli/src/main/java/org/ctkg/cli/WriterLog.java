package org.ctkg.cli;

import java.time.Duration;

import org.ctkg.replication.Publisher;
import org.ctkg.server.replication.ReplicationLog;

/** A writer's place in the log it publishes, as the server shows it: its last publication. */
final class WriterLog implements ReplicationLog {
    private final Publisher publisher;

    WriterLog(Publisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public Role role() {
        return Role.WRITER;
    }

    /** 0 before the first publication (every reader has reached it). */
    @Override
    public long position() {
        return Math.max(0, publisher.position());
    }

    /** A writer holds every change it published. */
    @Override
    public boolean awaitPosition(long target, Duration timeout) {
        return true;
    }

    @Override
    public long lag() {
        return 0;
    }

    @Override
    public long transactions() {
        return publisher.published();
    }

    @Override
    public long applyNanos() {
        return 0;
    }
}
