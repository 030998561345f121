package org.ctkg.release;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdfpatch.RDFPatchOps;
import org.apache.jena.rdfpatch.text.RDFChangesWriterText;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.lang.LabelToNode;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;

/**
 * What changed between a previous release and this one, from their canonical N-Quads: the lines
 * only in the previous one are deleted, the lines only in this one added (one merge of two sorted
 * files). Written as {@code changes.rdfp}, an RDF Patch (one transaction: deletes, then adds, in
 * line order; blank nodes keep their release labels, so applying it to the previous release's
 * quads, read with labels as given, gives this release's), and {@code CHANGES.md}, a summary for
 * people: graphs added and removed, triples added and removed per graph, resources changed.
 * A blank node whose statements change gets a new label, so its statements show as removed and added.
 */
final class ReleaseChange {
    static final String PATCH = "changes.rdfp";
    static final String SUMMARY = "CHANGES.md";
    /** The most changed resources CHANGES.md lists by name. */
    static final int LISTED = 500;

    private final List<Quad> removed;
    private final List<Quad> added;

    private ReleaseChange(List<Quad> removed, List<Quad> added) {
        this.removed = removed;
        this.added = added;
    }

    /** The change from the previous dump's lines to these, both sorted. */
    static ReleaseChange between(List<byte[]> previous, List<byte[]> current) {
        ByteArrayOutputStream gone = new ByteArrayOutputStream(), come = new ByteArrayOutputStream();
        int i = 0, j = 0;
        while (i < previous.size() || j < current.size()) {
            int c = i == previous.size() ? 1 : j == current.size() ? -1 : Arrays.compareUnsigned(previous.get(i), current.get(j));
            if (c < 0)
                gone.writeBytes(previous.get(i++));
            else if (c > 0)
                come.writeBytes(current.get(j++));
            else {
                i++;
                j++;
            }
        }
        return new ReleaseChange(quads(gone.toByteArray()), quads(come.toByteArray()));
    }

    List<Quad> removed() {
        return removed;
    }

    List<Quad> added() {
        return added;
    }

    /** Writes the RDF Patch; its id is a name-based UUID of the two releases' dump checksums, so it is reproducible. */
    void writePatch(Path file, String previousDumpSha256, String dumpSha256) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            RDFChangesWriterText patch = RDFPatchOps.textWriter(out);
            patch.start();
            UUID id = UUID.nameUUIDFromBytes((previousDumpSha256 + " " + dumpSha256).getBytes(StandardCharsets.UTF_8));
            patch.header("id", NodeFactory.createURI("uuid:" + id));
            patch.txnBegin();
            for (Quad q : removed)
                patch.delete(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
            for (Quad q : added)
                patch.add(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
            patch.txnCommit();
            patch.finish();
        }
    }

    /** Writes CHANGES.md; {@code before} and {@code after}: graph IRI (or "default") → triples. */
    void writeSummary(Path file, String previousVersion, String version, Map<String, Long> before, Map<String, Long> after) throws IOException {
        Map<String, long[]> perGraph = new TreeMap<>();
        for (Quad q : removed)
            perGraph.computeIfAbsent(graphName(q.getGraph()), k -> new long[2])[1]++;
        for (Quad q : added)
            perGraph.computeIfAbsent(graphName(q.getGraph()), k -> new long[2])[0]++;
        StringBuilder md = new StringBuilder();
        md.append("# ctkg ").append(version).append(": changes since ").append(previousVersion).append("\n\n");
        md.append(added.size()).append(" triples added, ").append(removed.size()).append(" removed.\n\n");
        list(md, "Graphs added", after.keySet().stream().filter(g -> !before.containsKey(g)).toList());
        list(md, "Graphs removed", before.keySet().stream().filter(g -> !after.containsKey(g)).toList());
        md.append("## Triples per graph\n\n| graph | before | after | added | removed |\n|---|---:|---:|---:|---:|\n");
        for (Map.Entry<String, long[]> e : perGraph.entrySet())
            md.append("| ").append(e.getKey()).append(" | ").append(count(before, e.getKey())).append(" | ").append(count(after, e.getKey()))
                    .append(" | ").append(e.getValue()[0]).append(" | ").append(e.getValue()[1]).append(" |\n");
        if (perGraph.isEmpty())
            md.append("| (none) | | | | |\n");
        TreeSet<String> resources = new TreeSet<>();
        long blank = 0;
        for (List<Quad> side : List.of(removed, added))
            for (Quad q : side) {
                if (q.getSubject().isURI())
                    resources.add(q.getSubject().getURI());
                else
                    blank++;
            }
        md.append("\n## Resources changed\n\n").append(resources.size()).append(" resources (IRIs) have statements added or removed")
                .append(blank > 0 ? "; " + blank + " changed statements are about blank nodes" : "").append(".\n\n");
        int n = 0;
        for (String r : resources) {
            if (n++ == LISTED) {
                md.append("- … and ").append(resources.size() - LISTED).append(" more\n");
                break;
            }
            md.append("- <").append(r).append(">\n");
        }
        Files.writeString(file, md, StandardCharsets.UTF_8);
    }

    /** The name a summary uses for a graph. */
    static String graphName(Node graph) {
        return Quad.isDefaultGraph(graph) ? "default" : graph.getURI();
    }

    private static String count(Map<String, Long> counts, String graph) {
        Long n = counts.get(graph);
        return n == null ? "-" : n.toString();
    }

    private static void list(StringBuilder md, String heading, List<String> graphs) {
        md.append("## ").append(heading).append("\n\n");
        if (graphs.isEmpty())
            md.append("(none)\n");
        graphs.forEach(g -> md.append("- <").append(g).append(">\n"));
        md.append('\n');
    }

    private static List<Quad> quads(byte[] nquads) {
        List<Quad> quads = new ArrayList<>();
        RDFParser.source(new ByteArrayInputStream(nquads)).lang(Lang.NQUADS).labelToNode(LabelToNode.createUseLabelAsGiven())
                .parse(new StreamRDFBase() {
                    @Override
                    public void quad(Quad quad) {
                        quads.add(quad);
                    }
                });
        return quads;
    }
}
