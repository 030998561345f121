package org.ctkg.loader;

import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.ctkg.loader.prov.Provenance;

/**
 * A job's settings as its {@link LoadJob.Builder} gathered them, for the parts that run it.
 *
 * @param targetGraph   the graph everything goes to, or null for each source's own (quads keep theirs)
 * @param newGeneration true or false as the builder forced it; null to let {@link CommitChoice} decide
 * @param access        the level the graphs it writes get ({@link AccessLevels#apply})
 * @param changeAccess  whether it may make a restricted graph public
 * @param newGenerationFrom the input size, in bytes, from which {@link CommitChoice} builds a new generation
 * @param indexBatch    quads per batch handed to a new generation's index threads
 */
record JobPlan(Store store, List<Source> sources, Node targetGraph, boolean replace, boolean infer,
               ShapesCheck shapes, LoadMonitor monitor, Boolean newGeneration, int indexThreads,
               Access access, boolean changeAccess, long newGenerationFrom, int indexBatch) {

    /** Gives the graphs the job wrote its level and records the job; in the job's write transaction, last before committing. */
    void recordAccessAndProvenance(DatasetGraph dsg, LoadReport result) {
        AccessLevels.apply(dsg, access, changeAccess, result.changes().keySet());
        Provenance.record(dsg, AccessLevels.provenanceGraph(access), result, shapes.shapesForProvenance());
    }
}
