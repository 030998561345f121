package org.ctkg.loader.source;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.sparql.graph.GraphFactory;
import org.ctkg.loader.IntegratedSources;

/**
 * ctkg's three real sources ({@link IntegratedSources#JOBS}) as their mappings make them from the
 * project's data, their golden files ({@code src/test/resources/golden/NAME.nt}, sorted N-Triples),
 * and graphs compared by isomorphism with the differences shown.
 */
public final class RealSources {
    /** The project's root, from a module's folder (where tests run). */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path GOLDEN = Path.of("src/test/resources/golden");

    private RealSources() {}

    /**
     * The N-Triples of job {@code index}, mapped by the CARML that the loader of this class sees
     * (public, and of strings only, to be called in another class loader).
     */
    public static String mapJob(String index) {
        return ntriples(map(IntegratedSources.JOBS.get(Integer.parseInt(index))));
    }

    /** The job's name: its mapping's file name without {@code .rml.ttl}. */
    static String name(IntegratedSources.Job job) {
        return Path.of(job.mapping()).getFileName().toString().replace(".rml.ttl", "");
    }

    /** What the job's mapping makes of its inputs, as {@code ctkg map} would write it. */
    static Graph map(IntegratedSources.Job job) {
        return map(ROOT.resolve(job.mapping()), job.inputs().stream().map(ROOT::resolve).toList());
    }

    static Graph map(Path mapping, List<Path> inputs) {
        Graph g = GraphFactory.createDefaultGraph();
        RmlMapping.of(mapping, inputs).send(StreamRDFLib.graph(g));
        return g;
    }

    /** The job's golden file: plain or gzipped N-Triples. */
    static Path golden(IntegratedSources.Job job) {
        Path plain = GOLDEN.resolve(name(job) + ".nt");
        return Files.exists(plain) ? plain : GOLDEN.resolve(name(job) + ".nt.gz");
    }

    static Graph read(Path file) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(file).lang(Lang.NTRIPLES).parse(g);
        return g;
    }

    static String ntriples(Graph g) {
        StringWriter out = new StringWriter();
        RDFDataMgr.write(out, g, Lang.NTRIPLES);
        return out.toString();
    }

    static Graph parse(String ntriples) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(ntriples, Lang.NTRIPLES).parse(g);
        return g;
    }

    /** Fails naming the triples {@code actual} lacks and those it has beyond {@code expected} (up to 50 each). */
    static void assertIsomorphic(Graph expected, Graph actual, String what) {
        if (expected.isIsomorphicWith(actual))
            return;
        fail(what + ": not the same graph (" + expected.size() + " expected, " + actual.size() + " made; blank nodes are"
                + " compared by structure, so they may be listed though only their labels differ)\nmissing:\n"
                + lines(expected, actual) + "\nunexpected:\n" + lines(actual, expected));
    }

    private static String lines(Graph these, Graph butNotIn) {
        return these.stream().filter(t -> !butNotIn.contains(t)).limit(50).map(Triple::toString).map(s -> "  " + s)
                .collect(Collectors.joining("\n"));
    }

    /**
     * Writes each source's golden file from today's mapping: {@code RealSources} run from the
     * loader's folder with its test class path. Gzips a file over 5 MB.
     */
    public static void main(String[] args) throws IOException {
        Files.createDirectories(GOLDEN);
        for (IntegratedSources.Job job : IntegratedSources.JOBS) {
            Graph g = GraphFactory.createDefaultGraph();
            long[] sent = {0};
            RmlMapping.of(ROOT.resolve(job.mapping()), job.inputs().stream().map(ROOT::resolve).toList())
                      .send(new StreamRDFWrapper(StreamRDFLib.graph(g)) {
                          @Override
                          public void triple(Triple triple) {
                              sent[0]++;
                              super.triple(triple);
                          }
                      });
            String sorted = ntriples(g).lines().sorted().collect(Collectors.joining("\n", "", "\n"));
            Path file = GOLDEN.resolve(name(job) + ".nt");
            Files.deleteIfExists(file);
            Files.deleteIfExists(GOLDEN.resolve(name(job) + ".nt.gz"));
            if (sorted.length() > 5_000_000) {
                file = GOLDEN.resolve(name(job) + ".nt.gz");
                try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                    out.write(sorted.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            } else {
                Files.writeString(file, sorted);
            }
            System.out.println(file + ": " + sent[0] + " triples sent, " + g.size() + " distinct, " + Files.size(file) + " bytes");
        }
    }
}
