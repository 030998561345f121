package org.ctkg.replication;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * A dataset's change log: one partition, so that deletes stay in order after the adds they undo.
 * Created when missing, kept forever ({@code retention.ms=-1}): until snapshots exist, a new replica
 * joins by replaying the log from its start.
 */
final class Topic {
    private Topic() {}

    /** The log's one partition. */
    static TopicPartition partition(Settings settings) {
        return new TopicPartition(settings.topic(), 0);
    }

    /**
     * Makes sure the topic exists with one partition.
     * @throws ReplicationException when Kafka cannot be reached in time or the topic has several partitions
     */
    static void ensure(Settings settings) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, settings.timeoutMillis());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, settings.timeoutMillis());
        try (Admin admin = Admin.create(props)) {
            long bound = settings.timeout().toMillis();
            try {
                NewTopic topic = new NewTopic(settings.topic(), 1, (short) -1)
                        .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"));
                admin.createTopics(List.of(topic)).all().get(bound, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException))
                    throw e;
            }
            TopicDescription description = describe(admin, settings.topic(), System.nanoTime() + bound * 1_000_000);
            if (description.partitions().size() != 1)
                throw new ReplicationException("Kafka topic " + settings.topic() + " at " + settings.bootstrap() + " has "
                        + description.partitions().size() + " partitions; a ctkg change log needs exactly one, so that changes stay in order");
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new ReplicationException("cannot reach Kafka topic " + settings.topic() + " at " + settings.bootstrap()
                    + " within " + settings.timeout().toSeconds() + " s: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplicationException("interrupted while checking Kafka topic " + settings.topic(), e);
        }
    }

    /**
     * The topic's description. A topic just created may be unknown for a while to the broker that
     * answers (its metadata follows the controller's): asked again until the deadline.
     */
    private static TopicDescription describe(Admin admin, String name, long deadline)
            throws ExecutionException, TimeoutException, InterruptedException {
        while (true) {
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            try {
                return admin.describeTopics(List.of(name)).allTopicNames().get(left, TimeUnit.MILLISECONDS).get(name);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() + 100_000_000L > deadline)
                    throw e;
                Thread.sleep(100);
            }
        }
    }
}
