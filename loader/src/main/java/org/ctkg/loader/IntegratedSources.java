package org.ctkg.loader;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.io.FileUtils;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.ctkg.loader.prov.Provenance;
import org.ctkg.loader.source.RmlMapping;
import org.ctkg.loader.tdb2.StoreImage;
import org.ctkg.loader.tdb2.StoreInternals;
import org.ctkg.ontology.CtkgFiles;
import org.ctkg.ontology.Ids;

/**
 * The third-party sources ctkg serves by default beside its curated graph: ISO 3166-1 countries,
 * the US TIP Report tier placements and the US Department of Labor's 2014 goods list, each mapped
 * by its RML mapping through an ordinary validated {@link LoadJob}, exactly as a user's own job
 * would run it. The build runs {@link #main} to write them, with the provenance of those jobs,
 * into the class path resource {@value #RESOURCE}, which {@link Stores} adds to every new store.
 */
public final class IntegratedSources {
    /** The class path resource holding the integrated sources (N-Quads, gzipped). */
    public static final String RESOURCE = "ctkg/integrated.nq.gz";

    /** One integration job: the mapping, the files it reads, the graph it replaces. */
    public record Job(String mapping, List<String> inputs, Node graph) {}

    /** The jobs, in order (countries first: the others name them), with paths relative to the project's root. */
    public static final List<Job> JOBS = List.of(
            new Job("mappings/iso-3166-1.rml.ttl", List.of("data/iso-codes/iso_3166-1.json"), Ids.graph("iso-3166-1")),
            new Job("mappings/us-tip-tiers.rml.ttl", List.of("data/us-tip-tiers/tip_tiers_orig.csv"), Ids.graph("us-tip-tiers")),
            new Job("mappings/us-dol-ilab-2014.rml.ttl",
                    List.of("data/us-dol-ilab-2014/goods_from_XL.csv", "data/us-dol-ilab-2014/master_data_from_XL.csv"),
                    Ids.graph("us-dol-ilab-2014")));

    private IntegratedSources() {}

    /** Runs every job into the store, from the project root {@code root}. */
    public static void load(Store store, Path root) {
        for (Job job : JOBS) {
            LoadJob.create(store)
                   .graph(job.graph())
                   .replace(true)
                   .source(RmlMapping.of(root.resolve(job.mapping()), job.inputs().stream().map(root::resolve).toList()))
                   .build().run();
        }
    }

    /**
     * Writes the integrated sources as gzipped N-Quads: {@code IntegratedSources OUTPUT}, run
     * from the project's root (the file names recorded in provenance are relative to it).
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: IntegratedSources OUTPUT.nq.gz IMAGE_DIR   (run from the project's root)");
            System.exit(64);
        }
        Path out = Path.of(args[0]);
        Path image = Path.of(args[1]);
        Path work = Files.createTempDirectory("ctkg-integrated-");
        // Seeded with the ontology and the curated graph only: never with an integrated resource
        // an earlier build left on the class path, so the output depends on the sources alone.
        DatasetGraph seeded = DatabaseMgr.connectDatasetGraph(work.resolve("store").toString());
        Txn.executeWrite(seeded, () -> CtkgFiles.streamDefaultContent(StreamRDFLib.dataset(seeded)));
        StoreInternals.release(seeded);
        try (Store store = Store.open(work.resolve("store"))) {
            load(store, Path.of(""));
            Files.createDirectories(out.toAbsolutePath().getParent());
            try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(out))) {
                StreamRDF w = StreamRDFWriter.getWriterStream(os, RDFFormat.NQUADS);
                w.start();
                Txn.executeRead(store.dataset(), () -> {
                    for (Job job : JOBS)
                        store.dataset().find(job.graph(), Node.ANY, Node.ANY, Node.ANY).forEachRemaining(w::quad);
                    store.dataset().find(Provenance.GRAPH, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(w::quad);
                });
                w.finish();
            }
            writeDefaultStore(out, work.resolve("default"), image);
        } finally {
            FileUtils.deleteQuietly(work.toFile());
        }
        System.err.println("ctkg: integrated sources written to " + out + ", the default content's store to " + image);
    }

    /**
     * Writes the image ({@link StoreImage}) of a store holding the default content: the ontology,
     * the curated graph and the integrated sources just written to {@code integrated}, as
     * {@link Stores#streamDefaultContent} sends them, so that {@link Stores#curatedScratch} can
     * unpack it instead of loading them again.
     */
    private static void writeDefaultStore(Path integrated, Path store, Path image) throws IOException {
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(store.toString());
        try (InputStream in = new GZIPInputStream(Files.newInputStream(integrated))) {
            Txn.executeWrite(dsg, () -> {
                StreamRDF destination = StreamRDFLib.dataset(dsg);
                CtkgFiles.streamDefaultContent(destination);
                RDFParser.source(in).lang(Lang.NQUADS).parse(destination);
            });
        }
        StoreInternals.release(dsg);
        FileUtils.deleteQuietly(image.toFile());
        StoreImage.write(store, image);
    }
}
