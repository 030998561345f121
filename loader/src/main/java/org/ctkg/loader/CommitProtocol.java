package org.ctkg.loader;

import java.time.Instant;

/**
 * How a job's writes become visible all at once, or not at all: {@link OneTransactionWrite} or
 * {@link NewGenerationWrite}, as {@link CommitChoice} decides.
 */
interface CommitProtocol {
    /**
     * Reads, validates and records the job, then commits it.
     * @return what the job did, once committed
     * @throws LoadException when it fails; the store is then as it was
     */
    LoadReport run(Instant started);
}
