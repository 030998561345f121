package org.ctkg.loader;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;

/**
 * Anything that produces RDF for a load job: an RDF file, or tables through a mapping.
 * Each sends its triples or quads to a stream, so every producer goes through the same
 * validate, write and provenance steps.
 */
public interface Source {
    /** The name to show in messages and provenance, as the user gave it. */
    String name();

    /** The named graph that this source's triples go to when the job names none. */
    Node defaultGraph();

    /**
     * Sends the source's content to the destination.
     * @throws LoadException of kind {@link LoadException.Kind#BAD_INPUT} naming the place at fault
     */
    void send(StreamRDF destination);

    /**
     * About how many bytes of RDF or tables the source will read, to choose how to write them
     * (see {@link LoadJob.Builder#newGeneration}); -1 when not known.
     */
    default long bytes() {
        return -1;
    }

    /** False only when every statement the source sends is a triple, so its graph is known before it is read. */
    default boolean sendsQuads() {
        return true;
    }

    /** What was read, for provenance: known after {@link #send}. */
    InputRecord record();

    /** Every file read (a mapping reads the mapping and its tables), for provenance: known after {@link #send}. */
    default java.util.List<InputRecord> records() {
        return java.util.List.of(record());
    }

    /** What the job should tell its user about this source, such as rows left out on purpose: known after {@link #send}. */
    default java.util.List<String> notes() {
        return java.util.List.of();
    }

    /** A file as read by a job: its name, its size in bytes and the SHA-256 of those bytes. */
    record InputRecord(String name, long bytes, String sha256) {}
}
