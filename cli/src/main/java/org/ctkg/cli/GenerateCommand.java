package org.ctkg.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import org.ctkg.loader.generate.CaseRecordGenerator;

/** {@code ctkg generate}: synthetic CTDC-shaped case records for benchmarks and scale tests. */
final class GenerateCommand implements Command {
    @Override
    public String summary() {
        return "generate synthetic case records (N-Triples) for benchmarks";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        Options o = Options.parse(args, Set.of("triples", "seed", "out"), Set.of("help"));
        if (o.has("help")) {
            out.println("Usage: ctkg generate --triples N [--seed S] --out FILE[.nt|.nt.gz]");
            out.println();
            out.println("Writes at least N triples of synthetic case records in the shape of the CTDC data standard,");
            out.println("valid against ctkg's shapes; the same seed (default 42) gives the same file.");
            return 0;
        }
        if (!o.has("out") || !o.has("triples"))
            throw new UsageException("--triples N and --out FILE are required");
        long triples = Long.parseLong(o.get("triples", "0").replace("_", ""));
        long seed = Long.parseLong(o.get("seed", "42"));
        Path file = Path.of(o.get("out", null));
        try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             OutputStream sink = file.toString().endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : raw) {
            long n = new CaseRecordGenerator(seed).write(sink, triples);
            err.println("ctkg generate: " + n + " triples to " + file);
            return 0;
        } catch (IOException e) {
            err.println("ctkg generate: cannot write " + file + ": " + e.getMessage());
            return 1;
        }
    }
}
