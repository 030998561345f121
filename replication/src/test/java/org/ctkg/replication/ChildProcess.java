package org.ctkg.replication;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A main class of the tests' class path in a JVM of its own, for a test to kill: its standard
 * output read line by line on a thread, so that every wait for a line is bounded.
 */
final class ChildProcess implements AutoCloseable {
    /** Stands for the end of the process's output. */
    private static final String END = "\u0000end";
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private ChildProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l = out.readLine(); l != null; l = out.readLine())
                    lines.add(l);
            } catch (IOException ended) {
                // the process went away
            } finally {
                lines.add(END);
            }
        }, "child-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code java MAIN ARGS} with the tests' class path, its standard error in the file. */
    static ChildProcess start(Class<?> main, Path err, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", // a short-lived child: cheap to start
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return new ChildProcess(new ProcessBuilder(command).redirectError(err.toFile()).start());
    }

    /**
     * The next line of the output that starts with the prefix (lines before it are skipped), while
     * the process runs.
     * @throws AssertionError when the output ends or the time is up first
     */
    String awaitLine(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertTrue(line != null && !line.equals(END), "process " + process.pid() + " did not print a line starting with '" + prefix
                    + "' within " + timeout.toSeconds() + " s" + (line == null ? "" : ": its output ended"));
            if (line.startsWith(prefix))
                return line;
        }
    }

    /** {@code kill -9}: SIGKILL to the process's PID, then a bounded wait for its end; returns its exit code. */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "process " + process.pid() + " did not end within 30 s of SIGKILL");
        return process.exitValue();
    }

    /** Kills the process if it still runs (after a failed test). */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive())
            kill();
    }
}
