package org.ctkg.cli;

import java.time.Duration;

import org.ctkg.replication.Replica;
import org.ctkg.server.replication.ReplicationLog;

/**
 * A replica's place in the writer's log, as the server shows it. The replica applies through the
 * served dataset, so it starts once the server is built: it is given here then, before the
 * server takes requests.
 */
final class ReplicaLog implements ReplicationLog {
    private volatile Replica replica;

    void follow(Replica started) {
        this.replica = started;
    }

    @Override
    public Role role() {
        return Role.REPLICA;
    }

    @Override
    public long position() {
        Replica r = replica;
        return r == null ? 0 : r.position();
    }

    @Override
    public boolean awaitPosition(long target, Duration timeout) throws InterruptedException {
        Replica r = replica;
        return r == null ? target <= 0 : r.awaitPosition(target, timeout);
    }

    @Override
    public long lag() {
        Replica r = replica;
        return r == null ? -1 : r.lag();
    }

    @Override
    public long transactions() {
        Replica r = replica;
        return r == null ? 0 : r.applied();
    }

    @Override
    public long applyNanos() {
        Replica r = replica;
        return r == null ? 0 : r.applyNanos();
    }
}
