package org.ctkg.loader;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.ctkg.loader.tdb2.ParallelIndexWriter;
import org.ctkg.loader.tdb2.StoreGeneration;
import org.ctkg.loader.tdb2.StoreInternals;

/**
 * The commit protocol for large offline loads: the job's steps in a {@link StoreGeneration}
 * built beside the store, which its quads enter through several index threads
 * ({@link ParallelIndexWriter}); committing is the generation's promotion, and any failure
 * before it leaves the store as it was.
 */
record NewGenerationWrite(JobPlan plan) implements CommitProtocol {

    @Override
    public LoadReport run(Instant started) {
        Store store = plan.store();
        try (StoreGeneration generation = StoreGeneration.after(store)) {
            DatasetGraph gen = generation.dataset();
            Map<Node, Long> seeded = new HashMap<>();
            GraphChanges changes = Txn.calculateWrite(gen, () -> {
                if (store.needsSeed()) {
                    store.seedInto(gen);
                    gen.listGraphNodes().forEachRemaining(g -> seeded.put(g, StoreInternals.quadsIn(gen, g)));
                }
                return GraphChanges.emptiedAhead(plan, gen);
            });
            ParallelIndexWriter indexes = new ParallelIndexWriter(generation.dataset(), plan.indexThreads(), plan.indexBatch(), true);
            SourceReading reading;
            try {
                reading = SourceReading.into(plan, new InGeneration(store, indexes, seeded), changes);
                indexes.commit();
            } finally {
                indexes.abort();
            }
            generation.reopen();
            DatasetGraph built = generation.dataset();
            ValidationReport report = plan.shapes().inGeneration(built, reading.subjects(), plan.indexThreads());
            LoadReport result = Txn.calculateRead(built, () -> reading.report(built, report, started));
            List<Quad> cube = new ArrayList<>();
            Txn.executeWrite(built, () -> plan.recordAccessAndProvenance(built, result, cube::add));
            if (!cube.isEmpty())
                writeThroughIndexThreads(generation, cube);
            plan.monitor().committing();
            generation.promote();
            return result;
        }
    }

    /** Adds the quads to the built generation through its index threads (the published counts of a large restricted job). */
    private void writeThroughIndexThreads(StoreGeneration generation, List<Quad> quads) {
        ParallelIndexWriter indexes = new ParallelIndexWriter(generation.dataset(), plan.indexThreads(), plan.indexBatch());
        try {
            for (Quad q : quads)
                indexes.add(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
            indexes.commit();
        } finally {
            indexes.abort();
        }
        generation.reopen();
    }

    /**
     * Into a new generation's index threads. What a graph held before is read from the current
     * store (it is the generation's starting point) or from the seed of a new store.
     */
    private static final class InGeneration implements Destination {
        private final Store store;
        private final ParallelIndexWriter indexes;
        private final Map<Node, Long> seeded;

        InGeneration(Store store, ParallelIndexWriter indexes, Map<Node, Long> seeded) {
            this.store = store;
            this.indexes = indexes;
            this.seeded = seeded;
        }

        @Override
        public void add(Node g, Node s, Node p, Node o) {
            indexes.add(g, s, p, o);
        }

        @Override
        public long sizeBefore(Node g) {
            DatasetGraph current = store.dataset();
            return seeded.getOrDefault(g, 0L) + Txn.calculateRead(current, () -> StoreInternals.quadsIn(current, g));
        }
    }
}
