/**
 * The HTTP face of replication: the log position in a writer's answers, reads on a replica that
 * wait for a position (read-your-writes), and the log's figures in {@code /$/metrics}. The log
 * itself (Kafka, RDF Patch) is the {@code replication} module's; the server sees it only as a
 * {@link org.ctkg.server.replication.ReplicationLog}.
 */
package org.ctkg.server.replication;
