package org.ctkg.replication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A broker for the tests, from the class path the kafka-broker module wrote (failsafe passes its file). */
final class TestBroker {
    static final Duration START = Duration.ofSeconds(60);

    private TestBroker() {}

    static KafkaBroker start(Path dir, int port) {
        return KafkaBroker.start(dir, port, classpath(), START);
    }

    static String classpath() {
        String file = System.getProperty("ctkg.kafka.classpath");
        if (file == null)
            throw new IllegalStateException("no broker class path: run these tests through failsafe (mvn -pl replication -am verify), which sets ctkg.kafka.classpath");
        try {
            return Files.readString(Path.of(file)).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the broker class path " + file + " (built by the kafka-broker module)", e);
        }
    }
}
