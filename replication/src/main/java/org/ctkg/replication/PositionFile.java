package org.ctkg.replication;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * Where a replica keeps its place in the log: the offset of the next record to apply, written
 * after each store commit (to a temporary file, then renamed over the old one, so a crash leaves
 * the old position or the new, never half of one). Kept outside the store, where no query sees it.
 * A crash between a commit and the write replays the last transaction, which changes nothing.
 */
final class PositionFile {
    private static final String TOPIC = "topic";
    private static final String NEXT = "next";
    private final Path file;
    private final String topic;

    PositionFile(Path file, String topic) {
        this.file = file;
        this.topic = topic;
    }

    /**
     * The topic a position file belongs to, or null when there is no file.
     * @throws ReplicationException when the file is unreadable or names no topic
     */
    static String topicOf(Path file) {
        if (!Files.exists(file))
            return null;
        String topic = load(file).getProperty(TOPIC);
        if (topic == null || topic.isBlank())
            throw new ReplicationException(file + ": no '" + TOPIC + "' in this log position file");
        return topic;
    }

    private static Properties load(Path file) {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the log position " + file, e);
        }
        return props;
    }

    /**
     * The offset to resume from, 0 when there is no file yet.
     * @throws ReplicationException when the file is unreadable or belongs to another topic
     */
    long read() {
        if (!Files.exists(file))
            return 0;
        Properties props = load(file);
        if (!topic.equals(props.getProperty(TOPIC)))
            throw new ReplicationException(file + ": the log position of topic " + props.getProperty(TOPIC)
                    + ", not of " + topic + " (a replica follows one topic; remove the file only with the store)");
        try {
            return Long.parseLong(props.getProperty(NEXT, "").trim());
        } catch (NumberFormatException e) {
            throw new ReplicationException(file + ": '" + NEXT + "' is not a log offset: " + props.getProperty(NEXT), e);
        }
    }

    void write(long next) {
        Properties props = new Properties();
        props.setProperty(TOPIC, topic);
        props.setProperty(NEXT, Long.toString(next));
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                props.store(out, "ctkg replica: the next record of the log to apply");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the replica's log position " + file, e);
        }
    }
}
