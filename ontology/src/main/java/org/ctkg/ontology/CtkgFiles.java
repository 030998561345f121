package org.ctkg.ontology;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * The ontology, the SHACL shapes and the curated graph, read from the class path, so that every
 * module and every deployment serves exactly the files that were tested.
 * <pre>
 *   Graph ontology = CtkgFiles.ontology();
 *   DatasetGraph all = CtkgFiles.defaultDataset();   // curated graphs + the ontology graph
 * </pre>
 */
public final class CtkgFiles {
    /** The ontology, Turtle. */
    public static final String ONTOLOGY = "ctkg/ontology.ttl";
    /** The SHACL shapes, Turtle. */
    public static final String SHAPES = "ctkg/shapes.ttl";
    /** The curated graph, TriG: one named graph per source document. */
    public static final String CURATED = "ctkg/curated.trig";

    private CtkgFiles() {}

    /** A fresh copy of the ontology graph. */
    public static Graph ontology() {
        Graph graph = GraphFactory.createDefaultGraph();
        parse(ONTOLOGY, Lang.TURTLE, StreamRDFLib.graph(graph));
        return graph;
    }

    /** A fresh copy of the shapes graph. */
    public static Graph shapesGraph() {
        Graph graph = GraphFactory.createDefaultGraph();
        parse(SHAPES, Lang.TURTLE, StreamRDFLib.graph(graph));
        return graph;
    }

    /** The compiled shapes. */
    public static Shapes shapes() {
        return Shapes.parse(shapesGraph());
    }

    /** A fresh in-memory dataset holding the curated named graphs only. */
    public static DatasetGraph curated() {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        streamCurated(StreamRDFLib.dataset(dsg));
        return dsg;
    }

    /** Sends the curated graph's quads to a stream (its named graphs intact). */
    public static void streamCurated(StreamRDF destination) {
        parse(CURATED, Lang.TRIG, destination);
    }

    /**
     * Sends everything ctkg serves by default to a stream: the curated named graphs, and the
     * ontology as the named graph {@link Ids#ONTOLOGY_GRAPH}.
     */
    public static void streamDefaultContent(StreamRDF destination) {
        streamCurated(destination);
        parse(ONTOLOGY, Lang.TURTLE, new StreamRDFWrapper(destination) {
            @Override
            public void triple(Triple triple) {
                quad(Quad.create(Ids.ONTOLOGY_GRAPH, triple));
            }
        });
    }

    /** A fresh in-memory dataset with everything ctkg serves by default. */
    public static DatasetGraph defaultDataset() {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        streamDefaultContent(StreamRDFLib.dataset(dsg));
        return dsg;
    }

    private static void parse(String resource, Lang lang, StreamRDF destination) {
        try (InputStream in = CtkgFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null)
                throw new IllegalStateException("Not on the class path: " + resource);
            RDFParser.source(in).lang(lang).base(Ids.BASE).build().parse(destination);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
