package org.ctkg.loader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.ctkg.ontology.CtkgFiles;

/**
 * The stores ctkg serves. Every store answers queries on its default graph with the union of its
 * named graphs: each source lives in its own named graph, and a plain {@code SELECT} sees them all.
 */
public final class Stores {
    private Stores() {}

    /**
     * A fresh in-memory TDB2 store holding the ontology, the curated graph and the integrated sources: what
     * {@code ctkg serve} offers when no store is given.
     */
    public static DatasetGraph curatedInMemory() {
        DatasetGraph dsg = DatabaseMgr.createDatasetGraph();
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

    /** True when the store holds no quads at all. */
    public static boolean isEmpty(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> dsg.isEmpty());
    }

    /** Makes queries on the store's default graph see the union of its named graphs. */
    public static void unionDefaultGraph(DatasetGraph dsg) {
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
    }
}
