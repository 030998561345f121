package org.ctkg.server.releases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.ctkg.loader.LoadException;
import org.ctkg.ontology.Ids;
import org.ctkg.release.Checksums;
import org.ctkg.release.Release;

/**
 * One release as the server offers it: what {@link Release#read} reads (version, date, the dump
 * checked against its SHA-256), every other file of {@code SHA256SUMS} checked too, the catalogue,
 * the change summary ({@code CHANGES.md}) and, read when first asked, which resources it holds and
 * which its change touched ({@link ReleaseContents}).
 */
public final class ServedRelease {
    static final String RELEASE = Ids.BASE + "release/";
    static final String DCAT = "http://www.w3.org/ns/dcat#";
    private static final String PATCH = "changes.rdfp";
    private static final String SUMMARY = "CHANGES.md";

    private final Release release;
    private final List<ServedFile> files;
    private final Graph catalogue;
    private final String previousVersion;
    private final String changes;
    private ReleaseContents contents;

    private ServedRelease(Release release, List<ServedFile> files, Graph catalogue, String previousVersion, String changes) {
        this.release = release;
        this.files = files;
        this.catalogue = catalogue;
        this.previousVersion = previousVersion;
        this.changes = changes;
    }

    /**
     * Reads the release in this directory and checks every file against its SHA-256.
     * @throws LoadException when it is not a release, or not named after its version
     */
    static ServedRelease read(Path dir) {
        Release release = Release.read(dir);
        if (!dir.getFileName().toString().equals(release.version()))
            throw new LoadException(LoadException.Kind.BAD_INPUT, dir + " holds release " + release.version() + ", so it should be named so");
        try {
            List<ServedFile> files = new ArrayList<>();
            for (Map.Entry<String, String> e : release.files().entrySet()) {
                Path file = dir.resolve(e.getKey());
                boolean present = Files.isRegularFile(file);
                files.add(new ServedFile(e.getKey(), present ? Files.size(file) : 0, e.getValue(),
                        present && Checksums.sha256(file).equals(e.getValue())));
            }
            Path sums = dir.resolve(Checksums.FILE);
            files.add(new ServedFile(Checksums.FILE, Files.size(sums), Checksums.sha256(sums), true));
            Graph catalogue = GraphFactory.createDefaultGraph();
            RDFParser.source(dir.resolve("catalog.ttl")).parse(catalogue);
            Node iri = iri(release.version());
            String previous = catalogue.find(iri, NodeFactory.createURI(DCAT + "previousVersion"), Node.ANY).nextOptional()
                    .map(t -> t.getObject().getURI()).filter(p -> p.startsWith(RELEASE)).map(p -> p.substring(RELEASE.length())).orElse(null);
            Path summary = dir.resolve(SUMMARY);
            String changes = release.files().containsKey(SUMMARY) && Files.isRegularFile(summary)
                    ? Files.readString(summary, StandardCharsets.UTF_8) : null;
            return new ServedRelease(release, List.copyOf(files), catalogue, previous, changes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the release in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The IRI the release's catalogue gives the release of this version. */
    static Node iri(String version) {
        return NodeFactory.createURI(RELEASE + version);
    }

    public String version() {
        return release.version();
    }

    public LocalDate date() {
        return release.date();
    }

    /** The release's {@code dcat:previousVersion}, or null. */
    public String previousVersion() {
        return previousVersion;
    }

    /** Its files, by name, then {@code SHA256SUMS}. */
    public List<ServedFile> files() {
        return files;
    }

    /** The file of this name listed in {@code SHA256SUMS}, or {@code SHA256SUMS} itself. */
    Optional<ServedFile> file(String name) {
        return files.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The N-Quads dump. */
    public ServedFile dump() {
        return file(Release.dumpFile(version())).orElseThrow();
    }

    /** The text of {@code CHANGES.md}, or null for a release without a previous one. */
    public String changes() {
        return changes;
    }

    /** The release's catalogue ({@code catalog.ttl}). */
    Graph catalogue() {
        return catalogue;
    }

    Path dir() {
        return release.dir();
    }

    /** Which resources the release holds and its change touched; read from its files when first asked. */
    synchronized ReleaseContents contents() {
        if (contents == null)
            contents = ReleaseContents.read(release.dump(), release.files().containsKey(PATCH) ? dir().resolve(PATCH) : null);
        return contents;
    }
}
