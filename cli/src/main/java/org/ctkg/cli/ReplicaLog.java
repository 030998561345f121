package org.ctkg.cli;

import java.time.Duration;
import java.util.Optional;

import org.ctkg.replication.Replica;
import org.ctkg.server.http.Readiness;
import org.ctkg.server.replication.ReplicationLog;

/**
 * A replica's place in the writer's log, as the server shows it: its position and figures, and
 * whether it is ready for readers (it has applied the log to its end and keeps applying it). The
 * replica applies through the served dataset, so it starts once the server is built: it is given
 * here then, before the server takes requests.
 */
final class ReplicaLog implements ReplicationLog, Readiness {
    private volatile Replica replica;

    void follow(Replica started) {
        this.replica = started;
    }

    @Override
    public Optional<String> notReadyBecause() {
        Replica r = replica;
        if (r == null)
            return Optional.of("this replica is starting");
        if (r.failure() != null)
            return Optional.of("this replica stopped applying the writer's log: " + r.failure().getMessage());
        long lag = r.lag();
        if (lag < 0)
            return Optional.of("this replica has not read the writer's log yet (position " + r.position() + ")");
        if (lag > 0 || r.applying() != null)
            return Optional.of("this replica is " + lag + " records behind the writer's log (position " + r.position() + ")");
        return Optional.empty();
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
