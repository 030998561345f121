package org.ctkg.server.releases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.ctkg.loader.LoadException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The releases a server offers: the directory {@code ctkg release --out DIR} writes into, one
 * release per subdirectory. Looked at on each request (a release cut while the server runs shows
 * at once: {@code ctkg release} renames a finished release into place, and hidden directories,
 * where it writes, are ignored), and each release read and checked again only when one of its
 * files changed size or time. A directory that is not a release is left out, with a warning in the log.
 */
public final class ReleaseShelf {
    private static final Logger LOG = LoggerFactory.getLogger(ReleaseShelf.class);
    /** Newest first: by date, then by version (numbers compared as numbers: 2026.10 after 2026.9). */
    static final Comparator<ServedRelease> NEWEST_FIRST = Comparator.comparing(ServedRelease::date)
            .thenComparing(ServedRelease::version, ReleaseShelf::compareVersions).reversed();

    private final Path dir;
    private final Map<Path, Shelved> shelved = new HashMap<>();

    private record Shelved(List<String> stamp, ServedRelease release) {}

    private ReleaseShelf(Path dir) {
        this.dir = dir;
    }

    /** No releases: the server was started without a releases directory. */
    public static ReleaseShelf none() {
        return new ReleaseShelf(null);
    }

    /** The releases in this directory, which must exist. */
    public static ReleaseShelf of(Path dir) {
        if (!Files.isDirectory(dir))
            throw new IllegalArgumentException("the releases directory " + dir + " is not a directory (ctkg release --out DIR makes it)");
        return new ReleaseShelf(dir.toAbsolutePath().normalize());
    }

    /** The releases directory, if the server was given one. */
    public Optional<Path> directory() {
        return Optional.ofNullable(dir);
    }

    /** Whether the server was given a releases directory. */
    public boolean configured() {
        return dir != null;
    }

    /** The releases, newest first. */
    public synchronized List<ServedRelease> releases() {
        if (dir == null)
            return List.of();
        List<ServedRelease> releases = new ArrayList<>();
        Map<Path, Shelved> seen = new HashMap<>();
        for (Path release : subdirectories()) {
            List<String> stamp = stamp(release);
            Shelved known = shelved.get(release);
            if (known == null || !known.stamp().equals(stamp))
                known = new Shelved(stamp, read(release));
            seen.put(release, known);
            if (known.release() != null)
                releases.add(known.release());
        }
        shelved.keySet().retainAll(seen.keySet());
        shelved.putAll(seen);
        releases.sort(NEWEST_FIRST);
        return releases;
    }

    /** The newest release, if any. */
    public Optional<ServedRelease> latest() {
        return releases().stream().findFirst();
    }

    /** The release of this version, if the shelf has it. */
    public Optional<ServedRelease> release(String version) {
        return releases().stream().filter(r -> r.version().equals(version)).findFirst();
    }

    /** What the releases' descriptions depend on: each release's version and the state of its files. */
    public synchronized Object state() {
        releases();
        return shelved.values().stream().map(Shelved::stamp).sorted(Comparator.comparing(Object::toString)).toList();
    }

    private List<Path> subdirectories() {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the releases directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The name, size and modification time of every file in the release's directory. */
    private static List<String> stamp(Path release) {
        try (Stream<Path> walk = Files.walk(release)) {
            return walk.filter(Files::isRegularFile).sorted().map(f -> {
                try {
                    return release.relativize(f) + " " + Files.size(f) + " " + Files.getLastModifiedTime(f).toMillis();
                } catch (IOException e) {
                    return release.relativize(f) + " unreadable";
                }
            }).toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of("unreadable " + e.getMessage());
        }
    }

    private static ServedRelease read(Path release) {
        try {
            return ServedRelease.read(release);
        } catch (LoadException | UncheckedIOException e) {
            LOG.warn("{} is not offered as a release: {}", release, e.getMessage());
            return null;
        }
    }

    /** Compares versions piece by piece, runs of digits as numbers: 1.9 before 1.10, 2026.1 before 2026.2. */
    static int compareVersions(String a, String b) {
        String[] x = a.split("(?<=\\d)(?=\\D)|(?<=\\D)(?=\\d)"), y = b.split("(?<=\\d)(?=\\D)|(?<=\\D)(?=\\d)");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            boolean numbers = x[i].chars().allMatch(Character::isDigit) && y[i].chars().allMatch(Character::isDigit);
            int c = numbers ? new java.math.BigInteger(x[i]).compareTo(new java.math.BigInteger(y[i])) : x[i].compareTo(y[i]);
            if (c != 0)
                return c;
        }
        return Integer.compare(x.length, y.length);
    }
}
