package org.ctkg.loader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import org.apache.commons.io.FileUtils;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.main.QC;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.ctkg.loader.query.StarQueryExecutor;
import org.ctkg.loader.tdb2.StoreImage;
import org.ctkg.ontology.CtkgFiles;

/**
 * The stores ctkg serves. Every store answers queries on its default graph with the union of its
 * named graphs: each source lives in its own named graph, and a plain {@code SELECT} sees them all.
 */
public final class Stores {
    /** The class path folder of the default content's store image ({@link StoreImage}), which the build writes. */
    public static final String DEFAULT_STORE = "ctkg/default-store";

    private Stores() {}

    /**
     * A fresh TDB2 store holding the ontology, the curated graph and the integrated sources, in a
     * scratch directory removed when the JVM exits: what {@code ctkg serve} offers when no store is
     * given, and what tests serve. On disk rather than in TDB2's memory mode, which fills several
     * times slower (29k quads: about 3 s against 6.5 s from a cold JVM on 2 cores).
     */
    public static DatasetGraph curatedScratch() {
        Path dir;
        try {
            dir = Files.createTempDirectory("ctkg-scratch-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a scratch store: " + e.getMessage(), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> FileUtils.deleteQuietly(dir.toFile())));
        // The build leaves the store of the default content on the class path: unpacked, it is that
        // store at once. Without it (a build that has not made it yet) the content is loaded.
        boolean unpacked = StoreImage.unpack(DEFAULT_STORE, dir);
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(Location.create(dir));
        if (!unpacked)
            Txn.executeWrite(dsg, () -> streamDefaultContent(StreamRDFLib.dataset(dsg)));
        unionDefaultGraph(dsg);
        return dsg;
    }

    /**
     * Sends everything ctkg serves by default: the ontology, the curated graph and the integrated
     * third-party sources ({@link IntegratedSources}) when the build has made them.
     */
    public static void streamDefaultContent(StreamRDF destination) {
        CtkgFiles.streamDefaultContent(destination);
        try (InputStream in = Stores.class.getClassLoader().getResourceAsStream(IntegratedSources.RESOURCE)) {
            if (in != null)
                RDFParser.source(new GZIPInputStream(in)).lang(Lang.NQUADS).parse(destination);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + IntegratedSources.RESOURCE, e);
        }
    }

    /**
     * Makes queries on the store's default graph see the union of its named graphs, run by
     * {@link StarQueryExecutor}: a record's patterns answered from one read of the record.
     */
    public static void unionDefaultGraph(DatasetGraph dsg) {
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
        QC.setFactory(dsg.getContext(), StarQueryExecutor.FACTORY);
    }
}
