package org.ctkg.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.ctkg.loader.LoadException;
import org.ctkg.loader.source.RmlMapping;

/**
 * {@code ctkg map}: runs an RML mapping and writes what it makes as N-Triples, in the order the
 * engine makes it, without touching a store: to see what a mapping does before loading it.
 */
final class MapCommand implements Command {
    @Override
    public String summary() {
        return "run an RML mapping over tables or JSON and write the triples (N-Triples), without loading";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        Options o = Options.parse(args, Set.of("mapping", "out"), Set.of("help"));
        if (o.has("help")) {
            out.println("Usage: ctkg map --mapping MAPPING.rml.ttl [--out FILE.nt] SOURCE...");
            out.println();
            out.println("Maps the SOURCE files (CSV, TSV, JSON) with the RML mapping, as ctkg load --mapping would,");
            out.println("and writes the triples as N-Triples to FILE (default: standard output). Nothing is validated");
            out.println("or stored; rows the mapping leaves out are reported on standard error.");
            out.println("Exit codes: 0 mapped; 2 bad input (a broken table, a value that cannot be mapped, a bad mapping).");
            return 0;
        }
        if (!o.has("mapping"))
            throw new UsageException("--mapping FILE is required");
        if (o.positional().isEmpty())
            throw new UsageException("give the files the mapping reads");
        RmlMapping mapping = RmlMapping.of(Path.of(o.get("mapping", null)), o.positional().stream().map(Path::of).toList());
        Path file = o.has("out") ? Path.of(o.get("out", null)) : null;
        try (OutputStream os = file == null ? new NonClosing(out) : new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            StreamRDF writer = StreamRDFWriter.getWriterStream(os, RDFFormat.NTRIPLES);
            writer.start();
            mapping.send(writer);
            writer.finish();
        } catch (LoadException e) {
            err.println("ctkg map: " + e.getMessage());
            return e.kind().exitCode;
        } catch (IOException e) {
            err.println("ctkg map: cannot write " + file + ": " + e.getMessage());
            return 1;
        }
        for (String note : mapping.notes())
            err.println("ctkg map: note: " + note);
        return 0;
    }

    /** Standard output, flushed but left open. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
