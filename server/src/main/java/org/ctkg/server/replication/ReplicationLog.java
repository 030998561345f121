package org.ctkg.server.replication;

import java.time.Duration;

/**
 * Where this server stands in the replication log it writes to or follows: what the HTTP face of
 * replication needs to know, without the server depending on Kafka.
 */
public interface ReplicationLog {
    /** A writer publishes the log; a replica applies it. */
    enum Role { WRITER, REPLICA }

    Role role();

    /** The log position just after the last change this server published (writer) or applied (replica). */
    long position();

    /**
     * Waits until {@link #position()} has reached the target or the time is up.
     * @return true when it has
     */
    boolean awaitPosition(long target, Duration timeout) throws InterruptedException;

    /** Records between a replica's position and the end of the log, as last seen; -1 when not known yet; 0 for a writer. */
    long lag();

    /** Store transactions published (writer) or applied (replica) since this server started. */
    long transactions();

    /** Time spent applying them, in nanoseconds (a replica's; 0 for a writer). */
    long applyNanos();
}
