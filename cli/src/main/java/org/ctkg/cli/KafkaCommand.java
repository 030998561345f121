package org.ctkg.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.ctkg.replication.KafkaBroker;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code ctkg kafka}: a single-node Kafka broker for trying replication out, in a JVM of its own.
 * The broker's classes are not in ctkg's jar: the source tree's build writes their class path
 * ({@code kafka-broker/target/broker.classpath}), which {@code ./ctkg} passes in {@value #CLASSPATH_FILE}.
 */
@CommandLine.Command(name = "kafka",
        customSynopsis = "ctkg kafka --dir DIR [--port N]",
        description = {"run a single-node Kafka broker (KRaft) for trying replication out",
                "",
                "Keeps its data in DIR (started again on the same DIR, it has every record it had) and listens on",
                "127.0.0.1; stops on Ctrl-C or SIGTERM. For ctkg serve --publish-to / --replica-of 127.0.0.1:PORT.",
                "Not for production: use an existing Kafka cluster there."})
final class KafkaCommand extends Command {
    /** The environment variable naming the broker's class-path file. */
    static final String CLASSPATH_FILE = "CTKG_KAFKA_CLASSPATH_FILE";
    private static final Duration START = Duration.ofSeconds(120);

    @Option(names = "--dir", paramLabel = "DIR", required = true, description = "the broker's data and logs")
    Path dir;

    @Option(names = "--port", paramLabel = "N", defaultValue = "9092", description = "the port for clients (default ${DEFAULT-VALUE}; 0 picks a free one)")
    int port;

    KafkaCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535)
            throw usage("port must be 0..65535, got " + port);
        String file = System.getenv(CLASSPATH_FILE);
        if (file == null || !Files.isReadable(Path.of(file))) {
            err.println("ctkg kafka: no Kafka broker to start: its class path is not in ctkg's jar; run ./ctkg kafka from ctkg's source "
                    + "tree, whose build writes it to kafka-broker/target/broker.classpath (or set " + CLASSPATH_FILE + " to that file)");
            return Failures.EXIT_INTERNAL;
        }
        String classpath;
        try {
            classpath = Files.readString(Path.of(file)).trim();
        } catch (IOException e) {
            err.println("ctkg kafka: cannot read " + file + ": " + e.getMessage());
            return Failures.EXIT_INTERNAL;
        }
        KafkaBroker broker;
        try {
            broker = KafkaBroker.start(dir, port, classpath, START);
        } catch (IllegalStateException e) {
            err.println("ctkg kafka: " + e.getMessage());
            return Failures.EXIT_INTERNAL;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "ctkg-kafka-stop"));
        out.println("ctkg kafka: broker on " + broker.bootstrap() + " (data in " + dir + "; pid " + broker.pid() + "); Ctrl-C stops it");
        out.flush();
        // Until SIGTERM, whose shutdown hook stops the broker; the broker ending by itself is a failure.
        int code = broker.waitFor();
        err.println("ctkg kafka: the broker ended by itself (exit " + code + "); its log: " + dir.resolve("broker.log"));
        return Failures.EXIT_INTERNAL;
    }
}
