package org.ctkg.loader;

/**
 * Hears how a load job goes, so that a terminal can show progress and tests can stay silent.
 * Calls come from the job's thread.
 */
public interface LoadMonitor {
    /** A monitor that does nothing. */
    LoadMonitor SILENT = new LoadMonitor() {};

    /** The job has started reading a source. */
    default void startSource(String name) {}

    /** Progress: triples and quads received so far by the whole job. Called every few thousand. */
    default void progress(long triplesSoFar) {}

    /**
     * Every source has been read: in one transaction, its triples are in the indexes; in a new
     * store generation, the index threads may still be writing.
     */
    default void written(long triples) {}

    /** The job is checking the loaded data against the shapes. */
    default void validating(long focusNodes) {}

    /** The job's provenance is recorded and it is about to commit. */
    default void committing() {}

    /** The job ended (committed or not). */
    default void finished() {}
}
