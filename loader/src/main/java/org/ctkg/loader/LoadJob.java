package org.ctkg.loader;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.jena.graph.Node;
import org.ctkg.loader.cube.CaseCounts;
import org.ctkg.loader.tdb2.ParallelIndexWriter;
import org.ctkg.loader.tdb2.StoreGeneration;
import org.ctkg.ontology.ShapesValidation;

/**
 * One data-integration job: reads sources as streams into a store, optionally adds the RDFS
 * closure of the ontology's hierarchy, validates what it wrote against the shapes, records its
 * provenance, and commits once: in the store's write transaction, or, for large offline loads,
 * by promoting a new {@link StoreGeneration} built beside the store. Any failure aborts, so the
 * store is exactly as it was before the job.
 * <pre>
 *   LoadReport report = LoadJob.create(store).source(RdfFile.of(path, null)).build().run();
 * </pre>
 * Its parts, package-private: {@link CommitChoice} picks the {@link CommitProtocol}
 * ({@link OneTransactionWrite} or {@link NewGenerationWrite}); {@link SourceReading} sends the
 * sources through a {@link GraphRouter} into the protocol's {@link Destination}; {@link GraphChanges}
 * counts what each graph gains and loses and does the replacing; {@link ShapesCheck} validates;
 * {@link JobFailures} turns any failure into a {@link LoadException}.
 */
public final class LoadJob {
    private final JobPlan plan;

    private LoadJob(Builder b) {
        ShapesValidation validation = b.validation == null ? ShapesValidation.standard() : b.validation;
        this.plan = new JobPlan(b.store, List.copyOf(b.sources), b.targetGraph, b.replace, b.infer,
                new ShapesCheck(b.validate, validation, b.shapesIri, b.lenient, b.monitor),
                b.monitor, b.newGeneration, b.indexThreads, b.access, b.changeAccess, b.newGenerationFrom, b.indexBatch, b.minCell);
    }

    /** A job writing into the store. */
    public static Builder create(Store store) {
        return new Builder(store);
    }

    /**
     * Runs the job.
     * @return what it did, once committed
     * @throws LoadException when it fails; the store is then as it was
     */
    public LoadReport run() {
        Instant started = Instant.now();
        try {
            return JobFailures.translated(() -> CommitChoice.of(plan).run(started));
        } finally {
            plan.monitor().finished();
        }
    }

    /** Settings for a {@link LoadJob}. */
    public static final class Builder {
        private final Store store;
        private final List<Source> sources = new ArrayList<>();
        private Node targetGraph;
        private boolean replace;
        private boolean infer;
        private boolean lenient;
        private boolean validate = true;
        private ShapesValidation validation;
        private Node shapesIri = org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/ctkg/shapes");
        private LoadMonitor monitor = LoadMonitor.SILENT;
        private Boolean newGeneration;
        private int indexThreads = ParallelIndexWriter.threadsForThisMachine();
        private long newGenerationFrom = CommitChoice.NEW_GENERATION_MIN_BYTES;
        private int indexBatch = ParallelIndexWriter.BATCH;
        private Access access = Access.PUBLIC;
        private boolean changeAccess;
        private int minCell = CaseCounts.DEFAULT_MIN_CELL;

        private Builder(Store store) {
            this.store = Objects.requireNonNull(store);
        }

        /** Adds a source; sources are read in order. */
        public Builder source(Source source) {
            sources.add(source);
            return this;
        }

        /** Puts everything into this named graph; default: each source's own graph, quads keep theirs. */
        public Builder graph(Node graph) {
            this.targetGraph = graph;
            return this;
        }

        /** Replaces the content of each graph the job writes to; default false (adds). */
        public Builder replace(boolean replace) {
            this.replace = replace;
            return this;
        }

        /** Adds the RDFS closure of the ontology's class and property hierarchy; default false. */
        public Builder infer(boolean infer) {
            this.infer = infer;
            return this;
        }

        /** Commits despite SHACL violations (they are reported and recorded); default false. */
        public Builder lenient(boolean lenient) {
            this.lenient = lenient;
            return this;
        }

        /**
         * Validates the loaded data against the shapes; default true. Turning it off is for
         * trusted bulk data only: the job is recorded as not validated.
         */
        public Builder validate(boolean validate) {
            this.validate = validate;
            return this;
        }

        /** Validates against these shapes, named by this IRI in provenance; default ctkg's shapes. */
        public Builder shapes(ShapesValidation validation, Node shapesIri) {
            this.validation = validation;
            this.shapesIri = shapesIri;
            return this;
        }

        /** Hears progress; default silent. */
        public Builder monitor(LoadMonitor monitor) {
            this.monitor = Objects.requireNonNull(monitor);
            return this;
        }

        /**
         * Writes into a new {@link StoreGeneration} of the store (true) or into the store's own
         * write transaction (false); default: a new generation for a store opened from a directory
         * when the input is large and at least as large as the store. A job replacing graphs it
         * cannot know before reading (quads without --graph) always uses the transaction.
         */
        public Builder newGeneration(boolean newGeneration) {
            this.newGeneration = newGeneration;
            return this;
        }

        /** Threads building a new generation's indexes; default one per core. */
        public Builder indexThreads(int threads) {
            this.indexThreads = Math.max(1, threads);
            return this;
        }

        /**
         * The input size, in bytes, from which a job left to choose builds a new generation (when the store
         * is new or no larger); default 32 MiB, below which copying the store costs more than the index
         * threads gain on a disk like this machine's.
         */
        public Builder newGenerationFrom(long bytes) {
            this.newGenerationFrom = Math.max(0, bytes);
            return this;
        }

        /**
         * Quads per batch handed to a new generation's index threads, each sorted into every index's key
         * order; default 200,000: larger batches insert in longer runs and hold more memory.
         */
        public Builder indexBatch(int quads) {
            this.indexBatch = Math.max(1, quads);
            return this;
        }

        /**
         * The access level of the graphs the job writes; default public. A public job into a
         * graph the store records as restricted fails (the store unchanged) unless {@link #changeAccess}.
         */
        public Builder access(Access access) {
            this.access = Objects.requireNonNull(access);
            return this;
        }

        /** Lets a public job make a restricted graph public (an operator's explicit decision); default false. */
        public Builder changeAccess(boolean change) {
            this.changeAccess = change;
            return this;
        }

        /**
         * The threshold of the published case counts the job recomputes when it changes a restricted
         * graph: cells with fewer records are suppressed; default {@value CaseCounts#DEFAULT_MIN_CELL}.
         * @throws IllegalArgumentException under 2
         */
        public Builder minCell(int k) {
            this.minCell = CaseCounts.minCell(k);
            return this;
        }

        public LoadJob build() {
            if (sources.isEmpty())
                throw new LoadException(LoadException.Kind.BAD_INPUT, "nothing to load: give at least one file");
            return new LoadJob(this);
        }
    }
}
