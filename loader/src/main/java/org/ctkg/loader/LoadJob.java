package org.ctkg.loader;

import org.ctkg.loader.tdb2.StoreInternals;
import org.ctkg.loader.prov.Provenance;
import org.ctkg.loader.tdb2.ParallelIndexWriter;
import org.ctkg.loader.tdb2.SortedQuadWriter;
import org.ctkg.loader.tdb2.StoreGeneration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToLongFunction;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.TxnType;
import org.apache.jena.rdfs.RDFSFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.ctkg.ontology.CtkgFiles;
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
 */
public final class LoadJob {
    private static final int PROGRESS_EVERY = 50_000;
    /** Inputs smaller than this are written in one transaction: a new generation would not pay for itself. */
    private static final long NEW_GENERATION_MIN_BYTES = 32L << 20;

    private final Store store;
    private final List<Source> sources;
    private final Node targetGraph;
    private final boolean replace;
    private final boolean infer;
    private final boolean lenient;
    private final boolean validate;
    private final ShapesValidation validation;
    private final Node shapesIri;
    private final LoadMonitor monitor;
    private final Boolean newGeneration;
    private final int indexThreads;

    private LoadJob(Builder b) {
        this.store = b.store;
        this.sources = List.copyOf(b.sources);
        this.targetGraph = b.targetGraph;
        this.replace = b.replace;
        this.infer = b.infer;
        this.lenient = b.lenient;
        this.validate = b.validate;
        this.validation = b.validation == null ? ShapesValidation.standard() : b.validation;
        this.shapesIri = b.shapesIri;
        this.monitor = b.monitor;
        this.newGeneration = b.newGeneration;
        this.indexThreads = b.indexThreads;
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
            return writesNewGeneration() ? runInNewGeneration(started) : runInTransaction(started);
        } catch (LoadException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new LoadException(LoadException.Kind.INTERNAL, "load failed: " + e.getMessage(), e);
        } catch (InternalError e) {
            // a memory-mapped write that found no space on the disk (writing, validating or committing)
            throw Writer.cannotWrite(e);
        } finally {
            monitor.finished();
        }
    }

    /** Everything in the store's own write transaction: for live stores and for jobs small beside their store. */
    private LoadReport runInTransaction(Instant started) {
        DatasetGraph dsg = store.dataset();
        dsg.begin(TxnType.WRITE);
        boolean committed = false;
        try {
            if (store.isNew())
                store.seed();
            Writer writer = new Writer(new InTransaction(dsg));
            read(writer);
            ValidationReport report = null;
            if (validate) {
                monitor.validating(writer.subjects.size());
                report = validation.validateNodes(dsg.getUnionGraph(), writer.subjects.iterator());
            }
            LoadReport result = report(dsg, writer, report, started);
            Provenance.record(dsg, result, validate ? shapesIri : null);
            monitor.committing();
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
     * The same steps in a {@link StoreGeneration}, which the job's quads enter through several
     * index threads ({@link ParallelIndexWriter}); committing is the generation's promotion.
     */
    private LoadReport runInNewGeneration(Instant started) {
        try (StoreGeneration generation = StoreGeneration.after(store)) {
            DatasetGraph gen = generation.dataset();
            Map<Node, Long> seeded = new HashMap<>();
            Txn.executeWrite(gen, () -> {
                if (store.isNew()) {
                    store.seedInto(gen);
                    gen.listGraphNodes().forEachRemaining(g -> seeded.put(g, StoreInternals.quadsIn(gen, g)));
                }
                if (replace)
                    graphsKnownBefore().forEach(g -> gen.deleteAny(g, Node.ANY, Node.ANY, Node.ANY));
            });
            ParallelIndexWriter indexes = new ParallelIndexWriter(generation.dataset(), indexThreads);
            Writer writer = new Writer(new InGeneration(indexes, seeded));
            try {
                read(writer);
                indexes.commit();
            } finally {
                indexes.abort();
            }
            generation.reopen();
            DatasetGraph built = generation.dataset();
            ValidationReport report = null;
            if (validate) {
                monitor.validating(writer.subjects.size());
                report = validation.validateNodesInParallel(built, List.copyOf(writer.subjects), indexThreads);
            }
            ValidationReport validated = report;
            LoadReport result = Txn.calculateRead(built, () -> report(built, writer, validated, started));
            Txn.executeWrite(built, () -> Provenance.record(built, result, validate ? shapesIri : null));
            monitor.committing();
            generation.promote();
            return result;
        }
    }

    /**
     * A new generation pays for a copy of the store, and gains by building the indexes on several
     * threads: worth it for an offline store when the input is large, and new or at least as
     * large as the store's files. Replacing graphs needs them known before reading (from --graph, or from
     * sources of triples only).
     */
    private boolean writesNewGeneration() {
        if (store.location() == null || Boolean.FALSE.equals(newGeneration))
            return false;
        boolean graphsKnown = targetGraph != null || sources.stream().noneMatch(Source::sendsQuads);
        if (replace && !graphsKnown)
            return false;
        if (Boolean.TRUE.equals(newGeneration))
            return true;
        long bytes = 0;
        for (Source source : sources) {
            long size = source.bytes();
            if (size < 0)
                return false;
            bytes += size;
        }
        return bytes >= NEW_GENERATION_MIN_BYTES && (store.isNew() || bytes >= StoreGeneration.currentBytes(store));
    }

    private Set<Node> graphsKnownBefore() {
        Set<Node> graphs = new LinkedHashSet<>();
        if (targetGraph != null)
            graphs.add(targetGraph);
        else
            sources.forEach(s -> graphs.add(s.defaultGraph()));
        return graphs;
    }

    /** Sends every source through the writer (and the RDFS closure when asked). */
    private void read(Writer writer) {
        StreamRDF sink = infer ? RDFSFactory.streamRDFS(writer, CtkgFiles.ontology()) : writer;
        for (Source source : sources) {
            monitor.startSource(source.name());
            writer.currentSource = source;
            source.send(sink);
            writer.inputs.addAll(source.records());
            writer.notes.addAll(source.notes());
        }
        writer.flush();
        monitor.written(writer.count);
    }

    /** Reports the job, or fails it on violations unless lenient; call inside a transaction on {@code dsg}. */
    private LoadReport report(DatasetGraph dsg, Writer writer, ValidationReport report, Instant started) {
        if (report != null && !report.conforms() && !lenient)
            throw new LoadException(LoadException.Kind.INVALID,
                    report.getEntries().size() + " SHACL violation(s) in the loaded data", report, null);
        Map<Node, LoadReport.GraphChange> changes = writer.changes(g -> StoreInternals.quadsIn(dsg, g));
        return new LoadReport(Provenance.newJobIri(), started, Instant.now(), writer.inputs, changes, writer.count, report, writer.notes);
    }

    /** Where a job's quads go, and what its graphs held before. */
    private interface Destination {
        void add(Node g, Node s, Node p, Node o);

        /** Writes anything still buffered. */
        default void flush() {}

        /** Quads in the graph before the job (and before any replacement). */
        long sizeBefore(Node g);

        /** Empties the graph, for a replacement. */
        void clear(Node g);
    }

    /** Into the store's write transaction, sorted in batches where the store is TDB2. */
    private static final class InTransaction implements Destination {
        private final DatasetGraph dsg;
        private final SortedQuadWriter sorted;

        InTransaction(DatasetGraph dsg) {
            this.dsg = dsg;
            this.sorted = SortedQuadWriter.supports(dsg) ? new SortedQuadWriter(dsg) : null;
        }

        @Override
        public void add(Node g, Node s, Node p, Node o) {
            if (sorted != null)
                sorted.add(g, s, p, o);
            else
                dsg.add(g, s, p, o);
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

        @Override
        public void clear(Node g) {
            dsg.deleteAny(g, Node.ANY, Node.ANY, Node.ANY);
        }
    }

    /**
     * Into a new generation's index threads. What a graph held before is read from the current
     * store (it is the generation's starting point) or from the seed of a new store; graphs
     * being replaced were emptied before the threads started.
     */
    private final class InGeneration implements Destination {
        private final ParallelIndexWriter indexes;
        private final Map<Node, Long> seeded;

        InGeneration(ParallelIndexWriter indexes, Map<Node, Long> seeded) {
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

        @Override
        public void clear(Node g) {
            // done before reading: see runInNewGeneration
        }
    }

    /**
     * Sends what the sources send to the destination: triples to the job's graph or the source's
     * own, quads to their graph unless the job names one. Clears each graph the first time it
     * is touched when replacing, and remembers the subjects it wrote for validation.
     */
    private final class Writer extends StreamRDFBase {
        private final Destination destination;
        private final Map<Node, Long> sizeBefore = new LinkedHashMap<>();
        private final Map<Node, Long> removed = new LinkedHashMap<>();
        private final Set<Node> subjects = new HashSet<>();
        /** Every file the sources read, and what they had to say, for the report. */
        private final List<Source.InputRecord> inputs = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private Source currentSource;
        private long count;

        Writer(Destination destination) {
            this.destination = destination;
        }

        @Override
        public void triple(Triple triple) {
            write(targetGraph != null ? targetGraph : currentSource.defaultGraph(), triple.getSubject(), triple.getPredicate(), triple.getObject());
        }

        @Override
        public void quad(Quad quad) {
            Node g = targetGraph != null ? targetGraph
                    : (quad.isDefaultGraph() ? currentSource.defaultGraph() : quad.getGraph());
            write(g, quad.getSubject(), quad.getPredicate(), quad.getObject());
        }

        private void write(Node g, Node s, Node p, Node o) {
            if (!sizeBefore.containsKey(g))
                touch(g);
            try {
                destination.add(g, s, p, o);
            } catch (RuntimeException e) {
                throw cannotWrite(e);
            }
            if (validate)
                subjects.add(s);
            if (++count % PROGRESS_EVERY == 0)
                monitor.progress(count);
        }

        /** Writes anything still buffered; call before reading the store back. */
        void flush() {
            try {
                destination.flush();
            } catch (RuntimeException e) {
                throw cannotWrite(e);
            }
        }

        /**
         * A write the store refused: an I/O error, or (on a full file system) the JVM's InternalError
         * for a memory-mapped page that could not be backed by the disk.
         */
        private static LoadException cannotWrite(Throwable e) {
            return new LoadException(LoadException.Kind.INTERNAL, "cannot write to the store (is the disk full, or a file-size"
                    + " limit reached?): " + e.getMessage(), e);
        }

        private void touch(Node g) {
            long size = destination.sizeBefore(g);
            if (replace) {
                destination.clear(g);
                removed.put(g, size);
                size = 0;
            } else {
                removed.put(g, 0L);
            }
            sizeBefore.put(g, size);
        }

        /** Each graph written to: quads added (its size now, from {@code sizeNow}, less its size before) and removed. */
        Map<Node, LoadReport.GraphChange> changes(ToLongFunction<Node> sizeNow) {
            Map<Node, LoadReport.GraphChange> changes = new LinkedHashMap<>();
            sizeBefore.forEach((g, before) -> changes.put(g, new LoadReport.GraphChange(sizeNow.applyAsLong(g) - before, removed.get(g))));
            return changes;
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

        public LoadJob build() {
            if (sources.isEmpty())
                throw new LoadException(LoadException.Kind.BAD_INPUT, "nothing to load: give at least one file");
            return new LoadJob(this);
        }
    }
}
