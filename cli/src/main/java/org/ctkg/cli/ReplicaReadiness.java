package org.ctkg.cli;

import java.util.Optional;

import org.ctkg.replication.Replica;
import org.ctkg.server.http.Readiness;

/** A replica is ready for readers once it has applied the writer's log to its end, and while it keeps applying it. */
final class ReplicaReadiness implements Readiness {
    private final Replica replica;

    ReplicaReadiness(Replica replica) {
        this.replica = replica;
    }

    @Override
    public Optional<String> notReadyBecause() {
        if (replica.failure() != null)
            return Optional.of("this replica stopped applying the writer's log: " + replica.failure().getMessage());
        long lag = replica.lag();
        if (lag < 0)
            return Optional.of("this replica has not read the writer's log yet (position " + replica.position() + ")");
        if (lag > 0 || replica.applying() != null)
            return Optional.of("this replica is " + lag + " records behind the writer's log (position " + replica.position() + ")");
        return Optional.empty();
    }
}
