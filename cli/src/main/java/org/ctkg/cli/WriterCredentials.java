package org.ctkg.cli;

/**
 * A writer's name and password. Both {@code serve} and the commands that work on a running server
 * take them from the environment by default, never from the command line, where other users of
 * the machine could read them.
 */
record WriterCredentials(String user, String password) {
    /** The user a writer is when nothing names one. */
    static final String DEFAULT_USER = "writer";

    /** {@code CTKG_WRITER_USER} (default {@value #DEFAULT_USER}) and {@code CTKG_WRITER_PASSWORD} (null when unset). */
    static WriterCredentials fromEnvironment() {
        return new WriterCredentials(System.getenv().getOrDefault("CTKG_WRITER_USER", DEFAULT_USER), System.getenv("CTKG_WRITER_PASSWORD"));
    }

    /** Whether there is a password to send. */
    boolean present() {
        return password != null && !password.isEmpty();
    }
}
