/**
 * Replication through Apache Kafka: a writer publishes each committed store transaction to a topic
 * as RDF Patch ({@link org.ctkg.replication.Replication#publishing}), and replicas apply each one in
 * a single TDB2 write transaction ({@link org.ctkg.replication.Replica#start}). See docs/replication.md.
 */
package org.ctkg.replication;
