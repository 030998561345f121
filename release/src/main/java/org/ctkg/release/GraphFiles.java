package org.ctkg.release;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.Quad;
import org.ctkg.ontology.CTKG;
import org.ctkg.ontology.Ids;

/**
 * One Turtle file per released graph, {@code graphs/{name}.ttl}, as reproducible as the N-Quads:
 * the graph's triples in canonical order through Jena's streaming block writer (a subject's triples
 * grouped, no reordering of its own), with one fixed set of prefixes.
 */
final class GraphFiles {
    /** The folder of the Turtle files in a release directory. */
    static final String FOLDER = "graphs";

    /** The prefixes of every Turtle file a release writes, in this order. */
    static final Map<String, String> PREFIXES = prefixes();

    private GraphFiles() {}

    /**
     * The file name of a graph: the rest of its IRI after ctkg's graph base, when it is one of
     * ctkg's and makes a plain name; otherwise {@code graph-} and 16 hex digits of the IRI's SHA-256.
     */
    static String fileName(Node graph) {
        if (Quad.isDefaultGraph(graph))
            return FOLDER + "/default.ttl";
        String iri = graph.getURI();
        String rest = iri.startsWith(Ids.GRAPH) ? iri.substring(Ids.GRAPH.length()) : "";
        if (!rest.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,100}") || rest.equals("default"))
            rest = "graph-" + HexFormat.of().formatHex(Checksums.sha256(iri.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        return FOLDER + "/" + rest + ".ttl";
    }

    /** Writes each graph's file under the release directory. */
    static void write(Path dir, List<CanonicalDump.GraphContent> graphs) throws IOException {
        Files.createDirectories(dir.resolve(FOLDER));
        for (CanonicalDump.GraphContent g : graphs)
            try (OutputStream out = Files.newOutputStream(dir.resolve(fileName(g.graph())))) {
                write(g.triples(), out);
            }
    }

    /** Writes a graph as Turtle with its triples sorted as N-Triples lines: for small graphs such as the catalogue. */
    static void writeSorted(Graph graph, OutputStream out) {
        List<Triple> triples = new ArrayList<>(graph.find().toList());
        triples.sort((a, b) -> CanonicalDump.text(a).compareTo(CanonicalDump.text(b)));
        write(triples, out);
    }

    private static void write(List<Triple> triples, OutputStream out) {
        StreamRDF writer = StreamRDFWriter.getWriterStream(out, RDFFormat.TURTLE_BLOCKS);
        writer.start();
        PREFIXES.forEach(writer::prefix);
        triples.forEach(writer::triple);
        writer.finish();
    }

    private static Map<String, String> prefixes() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
        p.put("rdfs", "http://www.w3.org/2000/01/rdf-schema#");
        p.put("xsd", "http://www.w3.org/2001/XMLSchema#");
        p.put("owl", "http://www.w3.org/2002/07/owl#");
        p.put("skos", "http://www.w3.org/2004/02/skos/core#");
        p.put("dcterms", "http://purl.org/dc/terms/");
        p.put("prov", "http://www.w3.org/ns/prov#");
        p.put("dcat", "http://www.w3.org/ns/dcat#");
        p.put("void", "http://rdfs.org/ns/void#");
        p.put("spdx", "http://spdx.org/rdf/terms#");
        p.put("schema", "https://schema.org/");
        p.put("sh", "http://www.w3.org/ns/shacl#");
        p.put("ctkg", CTKG.NS);
        p.put("graph", Ids.GRAPH);
        return Collections.unmodifiableMap(p);
    }
}
