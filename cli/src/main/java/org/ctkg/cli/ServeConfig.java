package org.ctkg.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The optional configuration file of {@code ctkg serve}: Java properties named like the
 * command-line options ({@code port = 8080}, {@code localhost = true}). Unknown names are an error,
 * so a typo does not silently leave a default in place.
 */
public final class ServeConfig {
    static final Set<String> KEYS = Set.of("port", "timeout", "max-rows", "max-query-bytes", "loc", "passwd", "base", "localhost", "allow-service");

    private ServeConfig() {}

    static Map<String, String> read(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UsageException("cannot read the configuration file " + file + ": " + e.getMessage());
        }
        Map<String, String> settings = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (!KEYS.contains(key))
                throw new UsageException(file + ": unknown setting '" + key + "' (known: " + String.join(", ", new java.util.TreeSet<>(KEYS)) + ")");
            settings.put(key, p.getProperty(key).trim());
        }
        return settings;
    }
}
