package org.ctkg.replication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A single-node Kafka broker (KRaft, broker and controller in one) in a JVM of its own, for tests
 * and for trying replication out; not for production. Started from a class path of Kafka's Maven
 * artifacts (the kafka-broker module writes one), so no broker class enters this JVM (only the
 * client, to wait until the broker is ready). The data stays
 * in its directory: started again on the same directory, the broker has every record it had.
 */
public final class KafkaBroker implements AutoCloseable {
    private static final String CONTROLLER_PORT = "ctkg.controller.port";
    private final Path dir;
    private final int port;
    private final Process process;

    private KafkaBroker(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /**
     * Starts a broker keeping its data in the directory (formatted on first use), listening on
     * 127.0.0.1 at the port (0: a free one), and waits until it accepts connections.
     * @param classpath the broker's class path
     * @throws IllegalStateException when it does not come up in time; its log is then named
     */
    public static KafkaBroker start(Path dir, int port, String classpath, Duration timeout) {
        try {
            Files.createDirectories(dir);
            Path config = dir.resolve("server.properties");
            Properties earlier = load(config);
            int listen = port != 0 ? port : earlier.containsKey("ctkg.port") ? Integer.parseInt(earlier.getProperty("ctkg.port")) : freePort();
            int controller = earlier.containsKey(CONTROLLER_PORT) ? Integer.parseInt(earlier.getProperty(CONTROLLER_PORT)) : freePort();
            writeConfig(config, dir.resolve("data"), listen, controller);
            long deadline = System.nanoTime() + timeout.toNanos();
            if (!Files.exists(dir.resolve("data").resolve("meta.properties")))
                format(classpath, config, dir.resolve("format.log"), deadline);
            Process process = java(classpath, List.of("kafka.Kafka", config.toString()), dir.resolve("broker.log"));
            KafkaBroker broker = new KafkaBroker(dir, listen, process);
            broker.awaitListening(deadline);
            broker.awaitReady(deadline);
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a Kafka broker in " + dir, e);
        }
    }

    /** The address for clients: 127.0.0.1:PORT. */
    public String bootstrap() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Path directory() {
        return dir;
    }

    /** Waits until the broker process ends; returns its exit code. */
    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /** Stops the broker (SIGTERM; SIGKILL if it has not gone within the time) and waits for its end. */
    public void stop(Duration timeout) {
        process.destroy();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(15));
    }

    private void awaitListening(long deadline) {
        while (System.nanoTime() < deadline) {
            if (!process.isAlive())
                throw new IllegalStateException("the Kafka broker ended with exit code " + process.exitValue() + "; see " + dir.resolve("broker.log"));
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                sleep(100);
            }
        }
        stop(Duration.ofSeconds(5));
        throw new IllegalStateException("the Kafka broker did not listen on port " + port + " in time; see " + dir.resolve("broker.log"));
    }

    /** Waits until the broker has registered with its controller and can take topics, not only connections. */
    private void awaitReady(long deadline) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        try (Admin admin = Admin.create(props)) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive())
                    break;
                try {
                    long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                    if (!admin.describeCluster().nodes().get(Math.min(left, 2000), TimeUnit.MILLISECONDS).isEmpty())
                        return;
                } catch (ExecutionException | TimeoutException notYet) {
                    sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        stop(Duration.ofSeconds(5));
        throw new IllegalStateException("the Kafka broker on port " + port + " did not become ready in time; see " + dir.resolve("broker.log"));
    }

    private static void format(String classpath, Path config, Path log, long deadline) throws IOException {
        List<String> args = List.of("kafka.tools.StorageTool", "format", "-t", clusterId(), "-c", config.toString());
        Process format = java(classpath, args, log);
        try {
            long left = deadline - System.nanoTime();
            if (!format.waitFor(Math.max(0, left), TimeUnit.NANOSECONDS)) {
                format.destroyForcibly();
                throw new IllegalStateException("formatting the Kafka broker's storage took too long; see " + log);
            }
        } catch (InterruptedException e) {
            format.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting the Kafka broker's storage", e);
        }
        if (format.exitValue() != 0)
            throw new IllegalStateException("formatting the Kafka broker's storage failed (exit " + format.exitValue() + "); see " + log
                    + ", which ends:\n" + lastLines(log, 20));
    }

    /** The end of a log, for a message that must outlive the directory it was written in (a test's temporary one). */
    private static String lastLines(Path log, int n) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static Process java(String classpath, List<String> args, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", classpath));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void writeConfig(Path config, Path data, int port, int controller) throws IOException {
        String text = String.join("\n",
                "# a single-node KRaft broker written by ctkg's KafkaBroker",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controller,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + data.toAbsolutePath(),
                "num.partitions=1",
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "ctkg.port=" + port,
                CONTROLLER_PORT + "=" + controller,
                "");
        try (Writer out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
            out.write(text);
        }
    }

    private static Properties load(Path config) throws IOException {
        Properties props = new Properties();
        if (Files.exists(config))
            try (var in = Files.newBufferedReader(config, StandardCharsets.UTF_8)) {
                props.load(in);
            }
        return props;
    }

    /**
     * A Kafka cluster id: 16 random bytes in URL-safe Base64 without padding, as {@code StorageTool random-uuid}
     * makes, and like Kafka's own {@code Uuid.randomUuid()} never one that starts with {@code -}: the storage
     * tool would read it as an option and fail with "argument --cluster-id/-t: expected one argument" (one
     * start in 64 did, under load and quiet alike).
     */
    static String clusterId() {
        while (true) {
            UUID uuid = UUID.randomUUID();
            ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
            if (!id.startsWith("-"))
                return id;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
        }
    }
}
