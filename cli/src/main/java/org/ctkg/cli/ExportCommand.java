package org.ctkg.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFOps;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.ctkg.loader.LoadException;
import org.ctkg.loader.Store;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ctkg export}: streams a store, or one graph of it, out as RDF. */
@CommandLine.Command(name = "export",
        customSynopsis = {"ctkg export --loc DIR [--graph IRI] [--format nq|trig|ttl|nt|jsonld] [--out FILE]",
                "       ctkg export --server URL [--graph IRI] [--format nq|trig|ttl|nt|jsonld] [--out FILE]"},
        description = {"export a store, or one graph, as RDF",
                "",
                "Writes the store's named graphs (nq, trig) or one graph (--graph; any format) to FILE or standard output.",
                "A triple format (ttl, nt) without --graph writes the union of all graphs. Everything but jsonld streams;",
                "jsonld is built in memory. Default format: nq, or ttl with --graph.",
                "With --server URL, exports from a running ctkg server (its Graph Store service) instead of a store:",
                "the whole store as nq or trig, or one graph in any format."})
final class ExportCommand extends Command {
    /** The formats, by the names the option takes. */
    enum Format {
        nq(RDFFormat.NQUADS), trig(RDFFormat.TRIG_BLOCKS), ttl(RDFFormat.TURTLE_BLOCKS), nt(RDFFormat.NTRIPLES), jsonld(RDFFormat.JSONLD);

        final RDFFormat rdf;

        Format(RDFFormat rdf) {
            this.rdf = rdf;
        }

        /** Whether it holds named graphs. */
        boolean quads() {
            return this == nq || this == trig || this == jsonld;
        }
    }

    @Option(names = "--loc", paramLabel = "DIR", description = "the store to export")
    Path loc;

    @Option(names = "--graph", paramLabel = "IRI", description = "only this graph")
    String graph;

    @Option(names = "--format", paramLabel = "FORMAT", description = "${COMPLETION-CANDIDATES} (default nq, or ttl with --graph)")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "write to FILE (default: standard output)")
    Path file;

    @Mixin
    ServerOptions server;

    ExportCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    public Integer call() {
        Format f = format != null ? format : graph != null ? Format.ttl : Format.nq;
        if (server.given() && graph == null && !f.quads())
            throw usage("the whole store has named graphs: export it as nq, trig or jsonld, or give --graph");
        if (!server.given() && loc == null)
            throw usage(ServerOptions.STORE_OR_SERVER);
        try {
            if (server.given()) {
                try (RemoteServer remote = server.open(); OutputStream sink = Output.to(file, out)) {
                    return remote.export(graph, f.rdf, sink, err);
                }
            }
            try (Store store = Store.openExisting(loc); OutputStream sink = Output.to(file, out)) {
                DatasetGraph dsg = store.dataset();
                Txn.executeRead(dsg, () -> write(dsg, graph == null ? null : NodeFactory.createURI(graph), f, sink));
                return 0;
            }
        } catch (IOException | UncheckedIOException e) {
            err.println("ctkg export: cannot write: " + e.getMessage());
            return 1;
        }
    }

    /** Writes the graph, or the whole dataset, inside a read transaction. */
    private static void write(DatasetGraph dsg, Node graph, Format format, OutputStream sink) {
        if (graph != null && !dsg.containsGraph(graph))
            throw new LoadException(LoadException.Kind.BAD_INPUT, "no graph <" + graph.getURI() + "> in the store");
        if (format == Format.jsonld) {
            if (graph != null)
                RDFDataMgr.write(sink, dsg.getGraph(graph), format.rdf);
            else
                RDFDataMgr.write(sink, dsg, format.rdf);
            return;
        }
        StreamRDF writer = StreamRDFWriter.getWriterStream(sink, format.rdf);
        writer.start();
        if (format.quads()) {
            dsg.find(graph == null ? Node.ANY : graph, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(writer::quad);
        } else {
            Graph g = graph == null ? dsg.getUnionGraph() : dsg.getGraph(graph);
            StreamRDFOps.sendTriplesToStream(g, writer);
        }
        writer.finish();
    }
}
