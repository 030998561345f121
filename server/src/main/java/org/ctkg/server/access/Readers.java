package org.ctkg.server.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIs;
import org.eclipse.jetty.util.security.Credential;

/**
 * The readers an operator names, from a file of lines {@code name: password access…}: the
 * password as in a Jetty password file (plain, or {@code OBF:}, {@code MD5:}, {@code CRYPT:}), then
 * what the reader may see, {@code restricted} (every restricted graph) or one or more graph IRIs
 * (each a graph they may see). Blank lines and lines starting with {@code #} are skipped.
 * <pre>
 *   alice: s3cret restricted
 *   bob: MD5:5ebe2294ecd0e0f08eab7690d2a6ee69 https://w3id.org/ctkg/graph/cases-2024
 * </pre>
 */
public final class Readers {
    /** No readers: only the public and writers. */
    public static final Readers NONE = new Readers(Map.of());
    private static final String ALL = "restricted";

    private record Reader(Credential password, Audience audience) {}

    private final Map<String, Reader> readers;

    private Readers(Map<String, Reader> readers) {
        this.readers = Map.copyOf(readers);
    }

    /**
     * Reads the file.
     * @throws IllegalArgumentException naming the file (and line) of an unreadable file or a malformed entry
     */
    public static Readers read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the readers file " + file + ": " + e.getMessage(), e);
        }
        Map<String, Reader> readers = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#"))
                continue;
            String where = file + ":" + (i + 1) + ": ";
            int colon = line.indexOf(':');
            String name = colon < 0 ? "" : line.substring(0, colon).strip();
            String[] rest = colon < 0 ? new String[0] : line.substring(colon + 1).strip().split("\\s+");
            if (name.isEmpty() || rest.length < 2 || rest[0].isEmpty())
                throw new IllegalArgumentException(where + "a reader is 'name: password restricted' or 'name: password GRAPH-IRI…'");
            if (readers.containsKey(name))
                throw new IllegalArgumentException(where + "reader '" + name + "' is named twice");
            readers.put(name, new Reader(Credential.getCredential(rest[0]), audience(where, name, rest)));
        }
        return new Readers(readers);
    }

    private static Audience audience(String where, String name, String[] rest) {
        boolean all = false;
        Set<Node> graphs = new LinkedHashSet<>();
        for (int k = 1; k < rest.length; k++) {
            if (rest[k].equals(ALL))
                all = true;
            else if (IRIs.check(rest[k]) && IRIs.absoluteResolver().resolve(rest[k]).isAbsolute())
                graphs.add(NodeFactory.createURI(rest[k]));
            else
                throw new IllegalArgumentException(where + "'" + rest[k] + "' is neither 'restricted' nor an absolute graph IRI");
        }
        return Audience.reader(name, all, graphs);
    }

    /** Whether any reader is named. */
    public boolean isEmpty() {
        return readers.isEmpty();
    }

    /** The reader's audience when the password is theirs; null otherwise. */
    public Audience authenticate(String name, String password) {
        Reader r = readers.get(name);
        return r != null && r.password().check(password) ? r.audience() : null;
    }
}
