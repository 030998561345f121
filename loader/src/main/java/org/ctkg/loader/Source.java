package org.ctkg.loader;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;

/**
 * Anything that produces RDF for a load job: an RDF file, and later a table through a mapping.
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

    /** What was read, for provenance: known after {@link #send}. */
    InputRecord record();

    /** A file as read by a job: its name, its size in bytes and the SHA-256 of those bytes. */
    record InputRecord(String name, long bytes, String sha256) {}
}
