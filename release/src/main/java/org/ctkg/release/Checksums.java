package org.ctkg.release;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.commons.io.IOUtils;

/**
 * A release's {@code SHA256SUMS}: one line per file, {@code <hex>  <name>} (two spaces, names
 * relative to the release directory with {@code /}), sorted by name: exactly what
 * {@code sha256sum -c SHA256SUMS} reads.
 */
public final class Checksums {
    /** The file's name in a release directory. */
    public static final String FILE = "SHA256SUMS";

    private Checksums() {}

    static byte[] sha256(byte[] bytes) {
        return digest().digest(bytes);
    }

    /** The SHA-256 of a file, in lower-case hex. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest = digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            IOUtils.consume(in);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Writes {@code SHA256SUMS} for every file under the directory but itself; returns name → hex. */
    static Map<String, String> write(Path dir) throws IOException {
        Map<String, String> sums = of(dir);
        StringBuilder text = new StringBuilder();
        sums.forEach((name, hex) -> text.append(hex).append("  ").append(name).append('\n'));
        Files.writeString(dir.resolve(FILE), text, StandardCharsets.UTF_8);
        return sums;
    }

    /** The SHA-256 of every file under the directory but {@code SHA256SUMS}, by relative name. */
    static Map<String, String> of(Path dir) throws IOException {
        Map<String, String> sums = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path f : files) {
            String name = dir.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/");
            if (!name.equals(FILE))
                sums.put(name, sha256(f));
        }
        return sums;
    }

    /**
     * Reads a directory's {@code SHA256SUMS}: name → hex.
     * @throws IOException when it is missing or a line is not {@code <64 hex>  <name>}
     */
    public static Map<String, String> read(Path dir) throws IOException {
        Map<String, String> sums = new TreeMap<>();
        int n = 0;
        for (String line : Files.readAllLines(dir.resolve(FILE), StandardCharsets.UTF_8)) {
            n++;
            if (!line.matches("[0-9a-f]{64}  \\S.*"))
                throw new IOException(dir.resolve(FILE) + ":" + n + ": not a '<sha256>  <name>' line");
            sums.put(line.substring(66), line.substring(0, 64));
        }
        return sums;
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
