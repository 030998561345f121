package org.ctkg.release;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;

/**
 * The public graphs in a canonical form: blank nodes relabelled by {@link BlankNodeLabels}, each
 * statement one N-Quads line, the lines sorted by their UTF-8 bytes (what {@code LC_ALL=C sort}
 * does), so that the same store always gives the same bytes. Written gzipped; Java's gzip header
 * has no modification time (0) and no file name, so the file is as reproducible as its lines.
 * <p>Held in memory: a store of a few million quads needs a heap of a few gigabytes.
 */
final class CanonicalDump {
    /** One graph's statements, in canonical order: each triple with its N-Triples text (no final " ."). */
    record GraphContent(Node graph, List<Triple> triples, List<String> lines) {}

    private final List<GraphContent> graphs;
    private final List<byte[]> lines;

    private CanonicalDump(List<GraphContent> graphs, List<byte[]> lines) {
        this.graphs = graphs;
        this.lines = lines;
    }

    /**
     * The canonical form of these graphs of the store; statements that name a withheld graph (as
     * subject or object) are left out too. Call inside a read transaction.
     */
    static CanonicalDump of(DatasetGraph dsg, List<Node> graphs, Set<Node> withheld) {
        List<Quad> quads = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        for (Node g : graphs) {
            dsg.find(g, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
                if (!withheld.contains(q.getSubject()) && !withheld.contains(q.getObject()))
                    quads.add(q);
            });
            ends.add(quads.size());
        }
        Map<Node, Node> labels = BlankNodeLabels.of(quads);
        List<GraphContent> contents = new ArrayList<>();
        List<byte[]> all = new ArrayList<>(quads.size());
        for (int k = 0, i = 0; k < graphs.size(); k++) {
            Node g = graphs.get(k);
            List<Triple> triples = new ArrayList<>();
            for (; i < ends.get(k); i++) {
                Quad q = quads.get(i);
                triples.add(Triple.create(relabel(q.getSubject(), labels), q.getPredicate(), relabel(q.getObject(), labels)));
            }
            List<Line> sorted = new ArrayList<>(triples.size());
            for (Triple t : triples)
                sorted.add(new Line(text(t), t));
            sorted.sort((a, b) -> Arrays.compareUnsigned(a.bytes, b.bytes));
            String graphText = Quad.isDefaultGraph(g) ? "" : " " + NodeFmtLib.strNT(g);
            for (Line l : sorted)
                all.add((l.text + graphText + " .\n").getBytes(StandardCharsets.UTF_8));
            contents.add(new GraphContent(g, sorted.stream().map(Line::triple).toList(), sorted.stream().map(Line::text).toList()));
        }
        all.sort(Arrays::compareUnsigned);
        return new CanonicalDump(List.copyOf(contents), all);
    }

    /** The graphs, in the order given. */
    List<GraphContent> graphs() {
        return graphs;
    }

    /** The N-Quads lines, sorted, each ending in a newline. */
    List<byte[]> lines() {
        return lines;
    }

    /** Writes the lines gzipped. */
    void write(Path file) throws IOException {
        write(lines, Files.newOutputStream(file));
    }

    /** Writes sorted lines gzipped, with a header that names no file and no time. */
    static void write(Collection<byte[]> lines, OutputStream sink) throws IOException {
        try (OutputStream out = new GZIPOutputStream(sink, 1 << 16)) {
            for (byte[] line : lines)
                out.write(line);
        }
    }

    /** Reads the lines of a canonical dump, each ending in a newline. */
    static List<byte[]> readLines(Path file) throws IOException {
        List<byte[]> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine())
                lines.add((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return lines;
    }

    private record Line(String text, Triple triple, byte[] bytes) {
        Line(String text, Triple triple) {
            this(text, triple, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A triple as N-Triples, without the final " .". */
    static String text(Triple t) {
        return NodeFmtLib.strNT(t.getSubject()) + " " + NodeFmtLib.strNT(t.getPredicate()) + " " + NodeFmtLib.strNT(t.getObject());
    }

    private static Node relabel(Node n, Map<Node, Node> labels) {
        return n.isBlank() ? labels.get(n) : n;
    }
}
