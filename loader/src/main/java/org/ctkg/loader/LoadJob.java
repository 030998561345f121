package org.ctkg.loader;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.TxnType;
import org.apache.jena.rdfs.RDFSFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.ctkg.ontology.CtkgFiles;
import org.ctkg.ontology.ShapesValidation;

/**
 * One data-integration job: reads sources as streams into a store inside one write transaction,
 * optionally adds the RDFS closure of the ontology's hierarchy, validates what it wrote against
 * the shapes, records its provenance, and commits once. Any failure aborts the transaction, so
 * the store is exactly as it was before the job.
 * <pre>
 *   LoadReport report = LoadJob.create(store).source(RdfFile.of(path, null)).build().run();
 * </pre>
 */
public final class LoadJob {
    private static final int PROGRESS_EVERY = 50_000;

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
        DatasetGraph dsg = store.dataset();
        Instant started = Instant.now();
        dsg.begin(TxnType.WRITE);
        boolean committed = false;
        try {
            if (store.isNew())
                store.seed();
            Writer writer = new Writer(dsg);
            StreamRDF sink = infer ? RDFSFactory.streamRDFS(writer, CtkgFiles.ontology()) : writer;
            List<Source.InputRecord> inputs = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            for (Source source : sources) {
                monitor.startSource(source.name());
                writer.currentSource = source;
                source.send(sink);
                inputs.addAll(source.records());
                notes.addAll(source.notes());
            }
            writer.flush();
            monitor.written(writer.count);
            ValidationReport report = null;
            if (validate) {
                monitor.validating(writer.subjects.size());
                report = validation.validateNodes(dsg.getUnionGraph(), writer.subjects.iterator());
            }
            if (report != null && !report.conforms() && !lenient)
                throw new LoadException(LoadException.Kind.INVALID,
                        report.getEntries().size() + " SHACL violation(s) in the loaded data", report, null);
            Map<Node, LoadReport.GraphChange> changes = writer.changes();
            LoadReport result = new LoadReport(Provenance.newJobIri(), started, Instant.now(), inputs, changes,
                                               writer.count, report, notes);
            Provenance.record(dsg, result, validate ? shapesIri : null);
            monitor.committing();
            dsg.commit();
            committed = true;
            return result;
        } catch (LoadException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new LoadException(LoadException.Kind.INTERNAL, "load failed: " + e.getMessage(), e);
        } catch (InternalError e) {
            // a memory-mapped write that found no space on the disk (writing, validating or committing)
            throw Writer.cannotWrite(e);
        } finally {
            if (!committed)
                dsg.abort();
            dsg.end();
            monitor.finished();
        }
    }

    /**
     * Writes what the sources send into the store: triples to the job's graph or the source's
     * own, quads to their graph unless the job names one. Clears each graph the first time it
     * is touched when replacing, and remembers the subjects it wrote for validation.
     */
    private final class Writer extends StreamRDFBase {
        private final DatasetGraph dsg;
        private final Map<Node, Long> sizeBefore = new LinkedHashMap<>();
        private final Map<Node, Long> removed = new LinkedHashMap<>();
        private final Set<Node> subjects = new HashSet<>();
        private final SortedQuadWriter sorted;
        private Source currentSource;
        private long count;

        Writer(DatasetGraph dsg) {
            this.dsg = dsg;
            this.sorted = SortedQuadWriter.supports(dsg) ? new SortedQuadWriter(dsg) : null;
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
                if (sorted != null)
                    sorted.add(g, s, p, o);
                else
                    dsg.add(g, s, p, o);
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
                if (sorted != null)
                    sorted.flush();
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
            long size = graphSize(g);
            if (replace) {
                dsg.deleteAny(g, Node.ANY, Node.ANY, Node.ANY);
                removed.put(g, size);
                size = 0;
            } else {
                removed.put(g, 0L);
            }
            sizeBefore.put(g, size);
        }

        private long graphSize(Node g) {
            return dsg.stream(g, Node.ANY, Node.ANY, Node.ANY).count();
        }

        Map<Node, LoadReport.GraphChange> changes() {
            Map<Node, LoadReport.GraphChange> changes = new LinkedHashMap<>();
            sizeBefore.forEach((g, before) -> changes.put(g, new LoadReport.GraphChange(graphSize(g) - before, removed.get(g))));
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

        public LoadJob build() {
            if (sources.isEmpty())
                throw new LoadException(LoadException.Kind.BAD_INPUT, "nothing to load: give at least one file");
            return new LoadJob(this);
        }
    }
}
