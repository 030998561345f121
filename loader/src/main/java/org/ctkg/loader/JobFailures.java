package org.ctkg.loader;

import java.util.function.Supplier;

import org.apache.jena.dboe.base.file.FileException;

/**
 * How a job's failures reach its caller: always as a {@link LoadException}. Those the job's parts
 * throw pass as they are; anything else is {@link LoadException.Kind#INTERNAL}.
 */
final class JobFailures {
    private JobFailures() {}

    /** Runs the job, turning whatever else it throws into a {@link LoadException}. */
    static LoadReport translated(Supplier<LoadReport> job) {
        try {
            return job.get();
        } catch (LoadException e) {
            throw e;
        } catch (RuntimeException e) {
            if (isStorageWrite(e))
                throw cannotWrite(e);
            throw new LoadException(LoadException.Kind.INTERNAL, "load failed: " + e.getMessage(), e);
        } catch (InternalError e) {
            // a memory-mapped write that found no space on the disk (writing, validating or committing)
            throw cannotWrite(e);
        }
    }

    /**
     * Whether the failure is the store's files refusing a write: TDB2 throws a {@link FileException}
     * (over the {@code IOException}) when it cannot grow a file, wherever in the job that happens,
     * such as in a new generation's index threads.
     */
    private static boolean isStorageWrite(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause())
            if (t instanceof FileException)
                return true;
        return false;
    }

    /**
     * A write the store refused: an I/O error, or (on a full file system) the JVM's InternalError
     * for a memory-mapped page that could not be backed by the disk.
     */
    static LoadException cannotWrite(Throwable e) {
        return new LoadException(LoadException.Kind.INTERNAL, "cannot write to the store (is the disk full, or a file-size"
                + " limit reached?): " + e.getMessage(), e);
    }
}
