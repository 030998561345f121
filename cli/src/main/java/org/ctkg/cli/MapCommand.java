package org.ctkg.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.ctkg.loader.source.RmlMapping;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ctkg map}: runs an RML mapping and writes what it makes as N-Triples, in the order the
 * engine makes it, without touching a store: to see what a mapping does before loading it.
 */
@CommandLine.Command(name = "map",
        customSynopsis = "ctkg map --mapping MAPPING.rml.ttl [--out FILE.nt] SOURCE...",
        description = {"run an RML mapping over tables or JSON and write the triples (N-Triples), without loading",
                "",
                "Maps the SOURCE files (CSV, TSV, JSON) with the RML mapping, as ctkg load --mapping would,",
                "and writes the triples as N-Triples to FILE (default: standard output). Nothing is validated",
                "or stored; rows the mapping leaves out are reported on standard error."},
        footer = {"", "Exit codes: 0 mapped; 2 bad input (a broken table, a value that cannot be mapped, a bad mapping)."})
final class MapCommand extends Command {
    @Option(names = "--mapping", paramLabel = "FILE", description = "the RML mapping")
    Path mapping;

    @Option(names = "--out", paramLabel = "FILE", description = "write the triples to FILE (default: standard output)")
    Path file;

    @Parameters(paramLabel = "SOURCE", description = "the files the mapping reads, matched by file name to its rml:source")
    List<Path> sources = List.of();

    MapCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    public Integer call() {
        if (mapping == null)
            throw usage("--mapping FILE is required");
        if (sources.isEmpty())
            throw usage("give the files the mapping reads");
        RmlMapping rml = RmlMapping.of(mapping, sources);
        try (OutputStream os = Output.to(file, out)) {
            StreamRDF writer = StreamRDFWriter.getWriterStream(os, RDFFormat.NTRIPLES);
            writer.start();
            rml.send(writer);
            writer.finish();
        } catch (IOException e) {
            err.println("ctkg map: cannot write " + file + ": " + e.getMessage());
            return 1;
        }
        for (String note : rml.notes())
            err.println("ctkg map: note: " + note);
        return 0;
    }
}
