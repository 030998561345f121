package org.ctkg.loader;

import org.ctkg.loader.tdb2.StoreGeneration;

/**
 * The choice between a job's commit protocols. A new generation pays for a copy of the store, and
 * gains by building the indexes on several threads: worth it for an offline store when the input
 * is large, and new or at least as large as the store's files. Replacing graphs needs them known
 * before reading ({@link GraphChanges#canEmptyAhead}).
 */
final class CommitChoice {
    /** By default, inputs smaller than this are written in one transaction: a new generation would not pay for itself. */
    static final long NEW_GENERATION_MIN_BYTES = 32L << 20;

    private CommitChoice() {}

    /** The protocol for the job: as the builder forced it, or as the job's size and its store's suggest. */
    static CommitProtocol of(JobPlan plan) {
        return writesNewGeneration(plan) ? new NewGenerationWrite(plan) : new OneTransactionWrite(plan);
    }

    private static boolean writesNewGeneration(JobPlan plan) {
        Store store = plan.store();
        if (store.location() == null || Boolean.FALSE.equals(plan.newGeneration()))
            return false;
        if (!GraphChanges.canEmptyAhead(plan))
            return false;
        if (Boolean.TRUE.equals(plan.newGeneration()))
            return true;
        long bytes = 0;
        for (Source source : plan.sources()) {
            long size = source.bytes();
            if (size < 0)
                return false;
            bytes += size;
        }
        return bytes >= plan.newGenerationFrom() && (store.isNew() || bytes >= StoreGeneration.currentBytes(store));
    }
}
