package org.ctkg.loader;

import org.apache.jena.shacl.ValidationReport;

/**
 * Why a job failed, as a kind with its exit code and a message that names the file, line and
 * column (or the IRI) at fault. The store is always left as it was before the job.
 */
public final class LoadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, with the command-line exit code for it. */
    public enum Kind {
        /** Something inside ctkg or the machine failed (disk full, store locked, a bug). */
        INTERNAL(1),
        /** The input cannot be read: syntax error, bad IRI or literal, empty file, bad encoding, truncated gzip. */
        BAD_INPUT(2),
        /** The input parsed but violates the shapes. */
        INVALID(3);

        public final int exitCode;

        Kind(int exitCode) {
            this.exitCode = exitCode;
        }
    }

    private final Kind kind;
    private final transient ValidationReport report;

    public LoadException(Kind kind, String message) {
        this(kind, message, null, null);
    }

    public LoadException(Kind kind, String message, Throwable cause) {
        this(kind, message, null, cause);
    }

    public LoadException(Kind kind, String message, ValidationReport report, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.report = report;
    }

    public Kind kind() {
        return kind;
    }

    /** The SHACL report of an {@link Kind#INVALID} failure; null otherwise. */
    public ValidationReport report() {
        return report;
    }
}
