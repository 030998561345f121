package org.ctkg.server.access;

import java.io.IOException;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import jakarta.servlet.ServletException;

import org.apache.jena.graph.Node;

/**
 * Who a request is answered for: anyone (the public), a named reader allowed some restricted
 * graphs (or all of them), or a writer (who sees everything). The server answers each request for
 * one audience, set by {@link AccessFilter} on the request's thread for as long as it is handled;
 * code running outside a request (or before the filter) answers for the public.
 */
public final class Audience {
    /** Anyone: restricted graphs are hidden. */
    public static final Audience PUBLIC = new Audience("public", false, false, Set.of());
    /** A writer: nothing is hidden (writers load the restricted graphs; see docs/privacy.md). */
    public static final Audience WRITER = new Audience("writer", true, true, Set.of());
    private static final ThreadLocal<Audience> CURRENT = ThreadLocal.withInitial(() -> PUBLIC);

    private final String name;
    private final boolean writer;
    private final boolean allRestricted;
    private final Set<Node> graphs;

    private Audience(String name, boolean writer, boolean allRestricted, Set<Node> graphs) {
        this.name = name;
        this.writer = writer;
        this.allRestricted = allRestricted;
        this.graphs = Set.copyOf(graphs);
    }

    /** A reader allowed every restricted graph ({@code allRestricted}) or these ones. */
    public static Audience reader(String name, boolean allRestricted, Set<Node> graphs) {
        return new Audience(name, false, allRestricted, graphs);
    }

    /** The audience of the request this thread is handling; {@link #PUBLIC} outside requests. */
    public static Audience current() {
        return CURRENT.get();
    }

    /** Runs {@code work} answering for this audience, then goes back to whichever was current. */
    public void during(Work work) throws IOException, ServletException {
        Audience before = CURRENT.get();
        CURRENT.set(this);
        try {
            work.run();
        } finally {
            CURRENT.set(before);
        }
    }

    /** Handling a request. */
    @FunctionalInterface
    public interface Work {
        void run() throws IOException, ServletException;
    }

    /** The name: a reader's user name, or "public" or "writer". */
    public String name() {
        return name;
    }

    /** Whether this is a named reader (whose requests are logged without their text). */
    public boolean isReader() {
        return !writer && this != PUBLIC;
    }

    /** Whether nothing is hidden from this audience, whatever the store restricts. */
    public boolean seesEverything() {
        return writer || allRestricted;
    }

    /** Of these restricted graphs, those this audience may not see. */
    public Set<Node> hidden(Set<Node> restricted) {
        if (allRestricted || restricted.isEmpty())
            return Set.of();
        Set<Node> hidden = new HashSet<>(restricted);
        hidden.removeAll(graphs);
        return hidden;
    }

    /** What this audience may see, as a key: audiences that see alike share cached answers. */
    public Object sight() {
        return writer ? "writer" : allRestricted ? "restricted" : graphs;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Audience a && name.equals(a.name) && writer == a.writer && allRestricted == a.allRestricted && graphs.equals(a.graphs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, writer, allRestricted, graphs);
    }

    @Override
    public String toString() {
        return name;
    }
}
