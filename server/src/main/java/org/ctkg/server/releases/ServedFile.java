package org.ctkg.server.releases;

import java.util.Locale;

/**
 * A file of a served release, as its {@code SHA256SUMS} lists it: the name relative to the
 * release's directory ({@code graphs/x.ttl}), its size, its published SHA-256, and whether the file
 * on disk has that SHA-256 (a file that does not is listed as such and never served).
 */
public record ServedFile(String name, long bytes, String sha256, boolean intact) {
    /** The media type it is served with: what the file is, not what it would decompress to. */
    public String mediaType() {
        if (name.endsWith(".nq.gz"))
            return "application/gzip";
        if (name.endsWith(".ttl"))
            return "text/turtle;charset=utf-8";
        if (name.endsWith(".rdfp"))
            return "application/rdf-patch;charset=utf-8";
        if (name.endsWith(".md"))
            return "text/markdown;charset=utf-8";
        return "text/plain;charset=utf-8";
    }

    /** What the file holds, for people. */
    public String kind() {
        if (name.endsWith(".nq.gz"))
            return "every public graph, gzipped N-Quads";
        if (name.startsWith("graphs/"))
            return "one graph, Turtle";
        return switch (name) {
            case "catalog.ttl" -> "DCAT catalogue, Turtle";
            case "changes.rdfp" -> "the change since the previous release, RDF Patch";
            case "CHANGES.md" -> "the change since the previous release, for people";
            default -> "checksums";
        };
    }

    /** The size for people: 1.2 MB, 34.5 kB, 87 bytes. */
    public String size() {
        if (bytes < 1000)
            return bytes + " bytes";
        if (bytes < 1_000_000)
            return String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
        if (bytes < 1_000_000_000)
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        return String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
    }
}
