package org.ctkg.release;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

import org.apache.commons.io.file.PathUtils;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.ctkg.loader.LoadException;
import org.ctkg.ontology.Ids;

/**
 * Cuts a release of a store into {@code OUT/V/} (the layout: {@link Release}). Everything is
 * written into a hidden sibling directory and renamed into place at the end, so a release that
 * fails (bad version, catalogue that does not conform to {@link CatalogueShapes}, full disk)
 * leaves nothing behind.
 * <pre>
 *   ReleaseJob.Outcome done = ReleaseJob.create(store.dataset()).version("1.0").out(Path.of("releases")).build().run();
 * </pre>
 */
public final class ReleaseJob {
    /** The default of {@link Builder#baseUrl}: where ctkg's public base publishes releases. */
    public static final String DEFAULT_BASE_URL = Ids.BASE + "releases/";
    private static final Node PROVENANCE = Ids.graph("provenance");
    private static final Node ENDED = NodeFactory.createURI(Catalogue.PROV + "endedAtTime");

    /** A release cut, with the catalogue's warnings (recommended properties it lacks). */
    public record Outcome(Release release, List<String> warnings) {}

    private final Builder b;

    private ReleaseJob(Builder b) {
        this.b = b;
    }

    /** A release of this store (a TDB2 store, or any dataset). */
    public static Builder create(DatasetGraph store) {
        return new Builder(store);
    }

    /**
     * Cuts the release.
     * @throws LoadException BAD_INPUT for a bad version, an existing {@code OUT/V}, a previous directory
     *         that is not a release; INTERNAL when the catalogue does not conform or writing fails
     */
    public Outcome run() {
        Path target = b.out.resolve(b.version);
        if (Files.exists(target))
            throw new LoadException(LoadException.Kind.BAD_INPUT, target + " already exists: a release is never overwritten; choose another version or --out");
        Release previous = b.previous == null ? null : Release.read(b.previous);
        if (previous != null && previous.version().equals(b.version))
            throw new LoadException(LoadException.Kind.BAD_INPUT, b.previous + " is release " + b.version + " itself");
        Path part = null;
        try {
            Files.createDirectories(b.out);
            Path dir = Files.createTempDirectory(b.out, "." + b.version + ".part-");
            part = dir;
            List<String> warnings = Txn.calculateRead(b.store, () -> write(dir, previous));
            move(part, target);
            return new Outcome(Release.read(target), warnings);
        } catch (IOException | UncheckedIOException e) {
            throw new LoadException(LoadException.Kind.INTERNAL, "cannot write the release in " + b.out + ": " + e.getMessage(), e);
        } finally {
            if (part != null && Files.exists(part))
                deleteQuietly(part);
        }
    }


    /** Writes every file into the directory, inside the store's read transaction; returns the catalogue's warnings. */
    private List<String> write(Path dir, Release previous) {
        try {
            Predicate<Node> restricted = b.restricted.or(PublicGraphs.recorded(b.store));
            List<Node> graphs = PublicGraphs.of(b.store, restricted);
            Set<Node> withheld = new HashSet<>();
            b.store.listGraphNodes().forEachRemaining(g -> {
                if (restricted.test(g))
                    withheld.add(g);
            });
            CanonicalDump dump = CanonicalDump.of(b.store, graphs, withheld);
            String dumpFile = Release.dumpFile(b.version);
            dump.write(dir.resolve(dumpFile));
            GraphFiles.write(dir, dump.graphs());
            List<String> notes = new ArrayList<>();
            if (previous != null) {
                ReleaseChange change = ReleaseChange.between(CanonicalDump.readLines(previous.dump()), dump.lines());
                change.writePatch(dir.resolve(ReleaseChange.PATCH), previous.files().get(previous.dump().getFileName().toString()),
                        Checksums.sha256(dir.resolve(dumpFile)));
                change.writeSummary(dir.resolve(ReleaseChange.SUMMARY), previous.version(), b.version, previous.graphTriples(), triples(dump));
                notes.add(ReleaseChange.PATCH);
                notes.add(ReleaseChange.SUMMARY);
            }
            Map<String, Catalogue.FileFacts> files = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : Checksums.of(dir).entrySet())
                files.put(e.getKey(), new Catalogue.FileFacts(Files.size(dir.resolve(e.getKey())), e.getValue()));
            Graph catalogue = Catalogue.build(new Catalogue.Input(b.version, date(), b.baseUrl,
                    previous == null ? null : previous.version(), dump, dumpFile, files, notes), b.store);
            ValidationReport report = b.check.apply(catalogue);
            List<String> violations = CatalogueShapes.lines(report, Severity.Violation);
            if (!violations.isEmpty())
                throw new LoadException(LoadException.Kind.INTERNAL, "the catalogue does not conform to " + CatalogueShapes.RESOURCE
                        + ", so nothing was released:\n  " + String.join("\n  ", violations));
            Catalogue.write(catalogue, dir.resolve(Catalogue.FILE));
            Checksums.write(dir);
            return CatalogueShapes.lines(report, Severity.Warning);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Long> triples(CanonicalDump dump) {
        Map<String, Long> counts = new TreeMap<>();
        dump.graphs().forEach(g -> counts.put(ReleaseChange.graphName(g.graph()), (long) g.triples().size()));
        return counts;
    }

    /** The release date: as given, else the day the store's last recorded job ended (UTC), else today. */
    private LocalDate date() {
        if (b.date != null)
            return b.date;
        Instant last = null;
        for (Iterator<Quad> it = b.store.find(PROVENANCE, Node.ANY, ENDED, Node.ANY); it.hasNext(); ) {
            Instant ended = Instant.parse(it.next().getObject().getLiteralLexicalForm());
            if (last == null || ended.isAfter(last))
                last = ended;
        }
        return Optional.ofNullable(last)
                .map(t -> LocalDate.ofInstant(t, ZoneOffset.UTC))
                .orElse(LocalDate.now(ZoneOffset.UTC));
    }

    private static void move(Path part, Path target) throws IOException {
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot rename " + part + " to " + target + " in one step", e);
        } catch (FileAlreadyExistsException e) {
            throw new LoadException(LoadException.Kind.BAD_INPUT, target + " appeared while the release was written", e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            PathUtils.deleteDirectory(dir);
        } catch (IOException ignored) {
            // the failure being reported matters more; a leftover hidden .part directory is harmless
        }
    }

    /** Settings for a {@link ReleaseJob}. */
    public static final class Builder {
        private final DatasetGraph store;
        private String version;
        private Path out;
        private Path previous;
        private String baseUrl = DEFAULT_BASE_URL;
        private Predicate<Node> restricted = PublicGraphs.RESTRICTED;
        private LocalDate date;
        private Function<Graph, ValidationReport> check = CatalogueShapes::validate;

        private Builder(DatasetGraph store) {
            this.store = Objects.requireNonNull(store);
        }

        /** The version, required: a letter or digit, then letters, digits, '.', '_' or '-' (it names a directory and IRIs). */
        public Builder version(String version) {
            this.version = version;
            return this;
        }

        /** The directory that holds releases, required; the release goes to its sub-directory named by the version. */
        public Builder out(Path out) {
            this.out = out;
            return this;
        }

        /** A previous release's directory, to write the change since it; default none. */
        public Builder previous(Path previous) {
            this.previous = previous;
            return this;
        }

        /** Where the releases directory is published: download URLs are {@code URL + V + "/" + file}; default {@link #DEFAULT_BASE_URL}. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
            return this;
        }

        /**
         * Which graphs are never released besides those the store records as restricted (which
         * never are); default {@link PublicGraphs#RESTRICTED}, none.
         */
        public Builder restricted(Predicate<Node> restricted) {
            this.restricted = Objects.requireNonNull(restricted);
            return this;
        }

        /** The release date; default the day the store's last recorded job ended (UTC), or today for a store without one. */
        public Builder date(LocalDate date) {
            this.date = date;
            return this;
        }

        /** The catalogue's check; default {@link CatalogueShapes#validate}. For tests of a catalogue that does not conform. */
        Builder check(Function<Graph, ValidationReport> check) {
            this.check = check;
            return this;
        }

        public ReleaseJob build() {
            if (version == null || !version.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}"))
                throw new LoadException(LoadException.Kind.BAD_INPUT, "bad version '" + version
                        + "': give a letter or digit, then letters, digits, '.', '_' or '-' (at most 64)");
            if (out == null)
                throw new LoadException(LoadException.Kind.BAD_INPUT, "no directory for the release: give --out DIR");
            if (!baseUrl.matches("(?i)https?://\\S+"))
                throw new LoadException(LoadException.Kind.BAD_INPUT, "bad base URL '" + baseUrl + "': give an http or https URL");
            return new ReleaseJob(this);
        }
    }
}
