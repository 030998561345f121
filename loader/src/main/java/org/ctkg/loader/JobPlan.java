package org.ctkg.loader;

import java.util.List;
import java.util.function.Consumer;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.ctkg.loader.cube.CaseCounts;
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
 * @param minCell       the threshold under which a published case count is suppressed ({@link CaseCounts})
 */
record JobPlan(Store store, List<Source> sources, Node targetGraph, boolean replace, boolean infer,
               ShapesCheck shapes, LoadMonitor monitor, Boolean newGeneration, int indexThreads,
               Access access, boolean changeAccess, long newGenerationFrom, int indexBatch, int minCell) {

    /**
     * Gives the graphs the job wrote its level, records the job and, when it changed a restricted
     * graph (or made one public), recomputes the published case counts; in the job's write
     * transaction, last before committing, so that all of it commits with the job or none; the
     * counts' new quads go to {@code cubeAdditions}, which the protocol writes before it commits.
     */
    void recordAccessAndProvenance(DatasetGraph dsg, LoadReport result, Consumer<Quad> cubeAdditions) {
        CaseCounts.refuseWritesTo(result.changes().keySet());
        boolean restrictedBefore = result.changes().keySet().stream().anyMatch(g -> AccessLevels.of(dsg, g) == Access.RESTRICTED);
        AccessLevels.apply(dsg, access, changeAccess, result.changes().keySet());
        Provenance.record(dsg, AccessLevels.provenanceGraph(access), result, shapes.shapesForProvenance());
        if (access == Access.RESTRICTED || restrictedBefore)
            CaseCounts.refresh(dsg, result.job(), minCell, cubeAdditions);
    }
}
