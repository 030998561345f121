package org.ctkg.loader;

import java.time.Instant;

import org.apache.jena.graph.Node;
import org.apache.jena.query.TxnType;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.core.DatasetGraph;
import org.ctkg.loader.tdb2.SortedQuadWriter;
import org.ctkg.loader.tdb2.StoreInternals;

/**
 * The commit protocol for live stores and for jobs small beside their store: everything (seeding
 * a new store, reading, validating, provenance) in the store's own write transaction, which is
 * committed at the end or aborted on any failure.
 */
record OneTransactionWrite(JobPlan plan) implements CommitProtocol {

    @Override
    public LoadReport run(Instant started) {
        Store store = plan.store();
        DatasetGraph dsg = store.dataset();
        dsg.begin(TxnType.WRITE);
        boolean committed = false;
        try {
            if (store.needsSeed())
                store.seed();
            InTransaction into = new InTransaction(dsg);
            SourceReading reading = SourceReading.into(plan, into, GraphChanges.emptiedAtFirstWrite(plan, dsg));
            ValidationReport report = plan.shapes().inTransaction(dsg, reading.subjects());
            LoadReport result = reading.report(dsg, report, started);
            plan.recordAccessAndProvenance(dsg, result, q -> into.add(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject()));
            into.flush();
            plan.monitor().committing();
            dsg.commit();
            committed = true;
            return result;
        } finally {
            if (!committed)
                dsg.abort();
            dsg.end();
        }
    }

    /**
     * Into the store's write transaction, sorted in batches where the store is TDB2 (or an
     * {@link ObservedStore} over TDB2, told of each quad).
     */
    private static final class InTransaction implements Destination {
        private final DatasetGraph dsg;
        private final ObservedStore observed;
        private final SortedQuadWriter sorted;

        InTransaction(DatasetGraph dsg) {
            this.dsg = dsg;
            this.observed = dsg instanceof ObservedStore o ? o : null;
            DatasetGraph storage = observed != null ? observed.storage() : dsg;
            this.sorted = SortedQuadWriter.supports(storage) ? new SortedQuadWriter(storage) : null;
        }

        @Override
        public void add(Node g, Node s, Node p, Node o) {
            if (sorted == null) {
                dsg.add(g, s, p, o);
                return;
            }
            if (observed != null)
                observed.observeAdd(g, s, p, o);
            sorted.add(g, s, p, o);
        }

        @Override
        public void flush() {
            if (sorted != null)
                sorted.flush();
        }

        @Override
        public long sizeBefore(Node g) {
            return StoreInternals.quadsIn(dsg, g);
        }
    }
}
