package org.ctkg.replication;

/** A change that could not be published or applied; the message says what and where. */
public class ReplicationException extends RuntimeException {
    public ReplicationException(String message, Throwable cause) {
        super(message, cause);
    }

    public ReplicationException(String message) {
        super(message);
    }
}
