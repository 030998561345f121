package org.ctkg.replication;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the change log lives: a Kafka cluster's bootstrap address, the topic of one dataset, and how
 * long a call to Kafka may take before a write fails (or a replica reports Kafka unreachable).
 * @param bootstrap HOST:PORT[,HOST:PORT...] of the Kafka cluster
 * @param topic the dataset's topic, one partition
 * @param timeout the bound on every Kafka call
 */
public record Settings(String bootstrap, String topic, Duration timeout) {
    public static final String DEFAULT_TOPIC = "ctkg";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    public Settings {
        Objects.requireNonNull(bootstrap, "bootstrap");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(timeout, "timeout");
        if (bootstrap.isBlank())
            throw new IllegalArgumentException("no Kafka address given (HOST:PORT)");
        if (!TOPIC.matcher(topic).matches())
            throw new IllegalArgumentException("'" + topic + "' is not a Kafka topic name (letters, digits, '.', '_', '-'; at most 249)");
        if (timeout.isNegative() || timeout.isZero())
            throw new IllegalArgumentException("the Kafka timeout must be positive: " + timeout);
    }

    /** The default topic {@value #DEFAULT_TOPIC} on the cluster at the address, with the default timeout. */
    public static Settings of(String bootstrap) {
        return new Settings(bootstrap, DEFAULT_TOPIC, DEFAULT_TIMEOUT);
    }

    public Settings withTopic(String name) {
        return new Settings(bootstrap, name, timeout);
    }

    public Settings withTimeout(Duration bound) {
        return new Settings(bootstrap, topic, bound);
    }

    /** The one writer's transactional id: a second writer with it fences the first. */
    String transactionalId() {
        return "ctkg-writer-" + topic;
    }

    int timeoutMillis() {
        return (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    }
}
