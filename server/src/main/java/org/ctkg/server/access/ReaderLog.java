package org.ctkg.server.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What authorised readers asked, without what they asked: one line per request (time, reader,
 * method, path without its query string, status, milliseconds), never the query, its parameters or
 * its body (a searched name is itself a disclosure). A file per day (UTC),
 * {@code readers-YYYY-MM-DD.log}, in a directory of its own; files older than the retention are
 * deleted when a day's file is begun and when the log is opened.
 */
public final class ReaderLog {
    private static final Logger LOG = LoggerFactory.getLogger(ReaderLog.class);
    private static final String PREFIX = "readers-";
    private static final String SUFFIX = ".log";
    private final Path dir;
    private final int retentionDays;
    private final Clock clock;
    private LocalDate day;

    /** A log in {@code dir} keeping {@code retentionDays} days (today included). */
    public ReaderLog(Path dir, int retentionDays) {
        this(dir, retentionDays, Clock.systemUTC());
    }

    ReaderLog(Path dir, int retentionDays, Clock clock) {
        if (retentionDays < 1)
            throw new IllegalArgumentException("the reader log keeps at least 1 day, got " + retentionDays);
        this.dir = dir;
        this.retentionDays = retentionDays;
        this.clock = clock;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot make the reader log directory " + dir + ": " + e.getMessage(), e);
        }
        expire(LocalDate.now(clock));
    }

    /** Records one request by a reader. */
    public synchronized void record(String reader, String method, String path, int status, long millis) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (!today.equals(day)) {
            day = today;
            expire(today);
        }
        String line = now + "\t" + clean(reader) + "\t" + clean(method) + "\t" + clean(path) + "\t" + status + "\t" + millis + "\n";
        try {
            Files.writeString(dir.resolve(PREFIX + today + SUFFIX), line, StandardCharsets.UTF_8,
                              StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            LOG.warn("cannot write the reader log in {}: {}", dir, e.getMessage());
        }
    }

    /** Deletes the days past the retention. */
    private void expire(LocalDate today) {
        LocalDate oldestKept = today.minusDays(retentionDays - 1L);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, PREFIX + "*" + SUFFIX)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                try {
                    LocalDate d = LocalDate.parse(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
                    if (d.isBefore(oldestKept))
                        Files.deleteIfExists(f);
                } catch (DateTimeParseException notOurs) {
                    // another file: left alone
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot expire the reader log in {}: {}", dir, e.getMessage());
        }
    }

    /** Tabs and line breaks would forge fields or lines. */
    private static String clean(String s) {
        return s == null ? "-" : s.replaceAll("[\\t\\r\\n]", "_");
    }
}
