package org.ctkg.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

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

/** {@code ctkg export}: streams a store, or one graph of it, out as RDF. */
final class ExportCommand implements Command {
    private static final Map<String, RDFFormat> FORMATS = Map.of(
            "nq", RDFFormat.NQUADS, "trig", RDFFormat.TRIG_BLOCKS, "ttl", RDFFormat.TURTLE_BLOCKS,
            "nt", RDFFormat.NTRIPLES, "jsonld", RDFFormat.JSONLD);

    @Override
    public String summary() {
        return "export a store, or one graph, as RDF";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        Options o = Options.parse(args, Set.of("loc", "graph", "format", "out", "server", "user", "password-file"), Set.of("help"));
        if (o.has("help")) {
            out.println("Usage: ctkg export --loc DIR [--graph IRI] [--format nq|trig|ttl|nt|jsonld] [--out FILE]");
            out.println();
            out.println("Writes the store's named graphs (nq, trig) or one graph (--graph; any format) to FILE or standard output.");
            out.println("A triple format (ttl, nt) without --graph writes the union of all graphs. Everything but jsonld streams;");
            out.println("jsonld is built in memory. Default format: nq, or ttl with --graph.");
            out.println("  --server URL   export from a running ctkg server (its Graph Store service) instead of a store;");
            out.println("                 the whole store as nq or trig, or one graph in any format");
            return 0;
        }
        String formatName = o.get("format", o.has("graph") ? "ttl" : "nq");
        RDFFormat format = FORMATS.get(formatName);
        if (format == null)
            throw new UsageException("--format must be one of nq, trig, ttl, nt, jsonld; got '" + formatName + "'");
        boolean quads = format.getLang().equals(RDFFormat.NQUADS.getLang()) || format.getLang().equals(RDFFormat.TRIG.getLang())
                        || format.equals(RDFFormat.JSONLD);
        if (o.has("server")) {
            if (!o.has("graph") && !quads)
                throw new UsageException("the whole store has named graphs: export it as nq, trig or jsonld, or give --graph");
            try (OutputStream sink = o.has("out") ? new BufferedOutputStream(Files.newOutputStream(Path.of(o.get("out", null))), 1 << 16) : out) {
                return RemoteServer.of(o).export(o.get("graph", null), format, sink, err);
            } catch (IOException e) {
                err.println("ctkg export: cannot write: " + e.getMessage());
                return 1;
            }
        }
        if (!o.has("loc"))
            throw new UsageException("--loc DIR (a store) or --server URL (a running server) is required");
        try (Store store = Store.openExisting(Path.of(o.get("loc", null)));
             OutputStream sink = o.has("out") ? new BufferedOutputStream(Files.newOutputStream(Path.of(o.get("out", null))), 1 << 16)
                                              : new BufferedOutputStream(out, 1 << 16)) {
            DatasetGraph dsg = store.dataset();
            Node graph = o.has("graph") ? NodeFactory.createURI(o.get("graph", null)) : null;
            Txn.executeRead(dsg, () -> {
                if (graph != null && !dsg.containsGraph(graph))
                    throw new LoadException(LoadException.Kind.BAD_INPUT, "no graph <" + graph.getURI() + "> in the store");
                if (format.equals(RDFFormat.JSONLD)) {
                    if (graph != null)
                        RDFDataMgr.write(sink, dsg.getGraph(graph), format);
                    else
                        RDFDataMgr.write(sink, dsg, format);
                    return;
                }
                StreamRDF writer = StreamRDFWriter.getWriterStream(sink, format);
                writer.start();
                if (quads) {
                    dsg.find(graph == null ? Node.ANY : graph, Node.ANY, Node.ANY, Node.ANY)
                       .forEachRemaining(writer::quad);
                } else {
                    var g = graph == null ? dsg.getUnionGraph() : dsg.getGraph(graph);
                    StreamRDFOps.sendTriplesToStream(g, writer);
                }
                writer.finish();
            });
            sink.flush();
            return 0;
        } catch (LoadException e) {
            err.println("ctkg export: " + e.getMessage());
            return e.kind().exitCode;
        } catch (IOException e) {
            err.println("ctkg export: cannot write: " + e.getMessage());
            return 1;
        } catch (UncheckedIOException e) {
            err.println("ctkg export: cannot write: " + e.getMessage());
            return 1;
        }
    }
}
