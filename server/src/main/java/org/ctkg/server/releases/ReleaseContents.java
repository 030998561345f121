package org.ctkg.server.releases;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.apache.jena.graph.Node;
import org.apache.jena.rdfpatch.RDFPatchOps;
import org.apache.jena.rdfpatch.changes.RDFChangesBase;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;

/**
 * Which resources a release holds statements about, and which its change since the previous
 * release touched, with the statements added and removed: what a resource's history and citation
 * ask of each release. Read once from the release's dump and patch (a release never changes), and
 * kept as 64-bit hashes of the subjects' IRIs: 8 bytes per resource, so a release of a million
 * resources costs 8 MB; a collision (among a million resources, a chance of about 3 in 10^8) would at
 * worst name a release for a resource it does not hold.
 */
final class ReleaseContents {
    /** Statements added and removed about one resource by a release's change. */
    record Change(int added, int removed) {}

    private final long[] subjects;
    private final Map<Long, int[]> changes;

    private ReleaseContents(long[] subjects, Map<Long, int[]> changes) {
        this.subjects = subjects;
        this.changes = changes;
    }

    /** Reads the dump (gzipped N-Quads) and the patch (null for a release without a previous one). */
    static ReleaseContents read(Path dump, Path patch) {
        try {
            return new ReleaseContents(subjects(dump), patch == null ? Map.of() : changes(patch));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the release in " + dump.getParent() + ": " + e.getMessage(), e);
        }
    }

    /** Whether the release holds a statement about the resource. */
    boolean holds(Node resource) {
        return resource.isURI() && Arrays.binarySearch(subjects, key(resource)) >= 0;
    }

    /** What the release's change did to the resource's statements; null when it did nothing. */
    Change change(Node resource) {
        int[] counts = resource.isURI() ? changes.get(key(resource)) : null;
        return counts == null ? null : new Change(counts[0], counts[1]);
    }

    private static long[] subjects(Path dump) throws IOException {
        long[][] keys = {new long[1024]};
        int[] n = {0};
        try (InputStream in = new GZIPInputStream(Files.newInputStream(dump), 1 << 16)) {
            RDFParser.source(in).lang(Lang.NQUADS).parse(new StreamRDFBase() {
                @Override
                public void quad(Quad quad) {
                    if (!quad.getSubject().isURI())
                        return;
                    if (n[0] == keys[0].length)
                        keys[0] = Arrays.copyOf(keys[0], n[0] * 2);
                    keys[0][n[0]++] = key(quad.getSubject());
                }
            });
        }
        long[] sorted = Arrays.copyOf(keys[0], n[0]);
        Arrays.sort(sorted);
        return Arrays.stream(sorted).distinct().toArray();
    }

    private static Map<Long, int[]> changes(Path patch) throws IOException {
        Map<Long, int[]> changes = new HashMap<>();
        try (InputStream in = Files.newInputStream(patch)) {
            RDFPatchOps.read(in).apply(new RDFChangesBase() {
                @Override
                public void add(Node g, Node s, Node p, Node o) {
                    if (s.isURI())
                        changes.computeIfAbsent(key(s), k -> new int[2])[0]++;
                }

                @Override
                public void delete(Node g, Node s, Node p, Node o) {
                    if (s.isURI())
                        changes.computeIfAbsent(key(s), k -> new int[2])[1]++;
                }
            });
        }
        return changes;
    }

    /** FNV-1a, 64 bits, of the IRI's UTF-8 bytes. */
    static long key(Node iri) {
        long h = 0xcbf29ce484222325L;
        for (byte b : iri.getURI().getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
