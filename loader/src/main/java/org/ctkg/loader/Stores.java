package org.ctkg.loader;

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
     * A fresh in-memory TDB2 store holding the curated graph and the ontology: what
     * {@code ctkg serve} offers when no store is given.
     */
    public static DatasetGraph curatedInMemory() {
        DatasetGraph dsg = DatabaseMgr.createDatasetGraph();
        Txn.executeWrite(dsg, () -> CtkgFiles.streamDefaultContent(StreamRDFLib.dataset(dsg)));
        unionDefaultGraph(dsg);
        return dsg;
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
