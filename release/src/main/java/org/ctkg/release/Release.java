package org.ctkg.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.ctkg.loader.LoadException;

/**
 * One release, as it lies in its directory {@code OUT/V/}:
 * <pre>
 *   ctkg-V.nq.gz     the public graphs, gzipped N-Quads in canonical order ({@link CanonicalDump})
 *   graphs/NAME.ttl  each graph as Turtle ({@link GraphFiles#fileName}: ctkg's graph/NAME, else graph-HASH)
 *   catalog.ttl      the DCAT catalogue ({@link Catalogue}): version, date, datasets, files, statistics
 *   changes.rdfp     with --previous: the RDF Patch from the previous release's quads to these
 *   CHANGES.md       with --previous: the same change for people
 *   SHA256SUMS       the SHA-256 of every other file, for sha256sum -c
 * </pre>
 * Read back from the catalogue (version, date, each graph's triple count) and {@code SHA256SUMS} (the files).
 *
 * @param version  the version, as given when it was cut
 * @param date     its {@code dcterms:issued} date
 * @param files    file name (relative, with /) → SHA-256
 * @param graphTriples graph IRI, or "default", → triples released
 */
public record Release(Path dir, String version, LocalDate date, Map<String, String> files, Map<String, Long> graphTriples) {
    /** The name of the N-Quads dump of a version. */
    public static String dumpFile(String version) {
        return "ctkg-" + version + ".nq.gz";
    }

    /** This release's N-Quads dump. */
    public Path dump() {
        return dir.resolve(dumpFile(version));
    }

    /**
     * Reads the release in a directory, checking that its dump is the one its SHA256SUMS names.
     * @throws LoadException BAD_INPUT when the directory is not a release
     */
    public static Release read(Path dir) {
        if (!Files.isRegularFile(dir.resolve(Catalogue.FILE)) || !Files.isRegularFile(dir.resolve(Checksums.FILE)))
            throw notARelease(dir, "it has no " + Catalogue.FILE + " and " + Checksums.FILE);
        try {
            Map<String, String> files = Checksums.read(dir);
            Graph catalogue = GraphFactory.createDefaultGraph();
            RDFParser.source(dir.resolve(Catalogue.FILE)).parse(catalogue);
            List<Node> versions = catalogue.find(Node.ANY, uri(Catalogue.DCAT + "version"), Node.ANY)
                    .mapWith(t -> t.getObject()).toList().stream().distinct().toList();
            if (versions.size() != 1 || !versions.get(0).isLiteral())
                throw notARelease(dir, Catalogue.FILE + " does not name one dcat:version");
            String version = versions.get(0).getLiteralLexicalForm();
            Node release = Catalogue.releaseIri(version);
            Node issued = catalogue.find(release, DCTerms.issued.asNode(), Node.ANY).mapWith(t -> t.getObject()).nextOptional()
                    .orElseThrow(() -> notARelease(dir, Catalogue.FILE + " gives no dcterms:issued for <" + release.getURI() + ">"));
            String dump = dumpFile(version);
            if (!files.containsKey(dump) || !Files.isRegularFile(dir.resolve(dump)))
                throw notARelease(dir, "no " + dump);
            if (!Checksums.sha256(dir.resolve(dump)).equals(files.get(dump)))
                throw notARelease(dir, dump + " does not match its SHA-256 in " + Checksums.FILE);
            return new Release(dir, version, LocalDate.parse(issued.getLiteralLexicalForm()), files, graphTriples(catalogue, release));
        } catch (IOException | RiotException | java.time.format.DateTimeParseException e) {
            throw notARelease(dir, e.getMessage());
        }
    }

    /** Triples per graph, from the void:triples of each graph's dataset in the catalogue. */
    private static Map<String, Long> graphTriples(Graph catalogue, Node release) {
        Map<String, Long> counts = new TreeMap<>();
        catalogue.find(release, DCTerms.hasPart.asNode(), Node.ANY).forEachRemaining(part -> {
            Node ds = part.getObject();
            String graph = catalogue.find(ds, DCTerms.isVersionOf.asNode(), Node.ANY).nextOptional()
                    .map(t -> t.getObject().getURI()).orElse("default");
            catalogue.find(ds, uri(Catalogue.VOID + "triples"), Node.ANY).nextOptional()
                    .ifPresent(t -> counts.put(graph, Long.parseLong(t.getObject().getLiteralLexicalForm())));
        });
        return counts;
    }

    private static LoadException notARelease(Path dir, String why) {
        return new LoadException(LoadException.Kind.BAD_INPUT, dir + ": not a ctkg release: " + why);
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
