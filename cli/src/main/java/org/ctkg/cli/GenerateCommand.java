package org.ctkg.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.zip.GZIPOutputStream;

import org.ctkg.loader.generate.CaseRecordGenerator;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** {@code ctkg generate}: synthetic CTDC-shaped case records for benchmarks and scale tests. */
@CommandLine.Command(name = "generate",
        customSynopsis = "ctkg generate --triples N [--seed S] [--opaque-ids] --out FILE[.nt|.nt.gz]",
        description = {"generate synthetic case records (N-Triples) for benchmarks",
                "",
                "Writes at least N triples of synthetic case records in the shape of the CTDC data standard,",
                "valid against ctkg's shapes; the same seed gives the same file."})
final class GenerateCommand extends Command {
    @Option(names = "--triples", paramLabel = "N", converter = Count.class, description = "at least this many triples (1_000_000 is fine)")
    Long triples;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "the random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--opaque-ids", description = "name records by a keyed hash (…/id/case/r-…, under a random key used once), "
            + "not …/id/case/s{seed}-{n}: for records to load --access restricted, whose IRIs must not be guessable")
    boolean opaqueIds;

    @Option(names = "--out", paramLabel = "FILE", description = "the file to write; gzipped when its name ends in .gz")
    Path file;

    GenerateCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    public Integer call() {
        if (file == null || triples == null)
            throw usage("--triples N and --out FILE are required");
        try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             OutputStream sink = file.toString().endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : raw) {
            CaseRecordGenerator generator = new CaseRecordGenerator(seed);
            if (opaqueIds) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                generator.opaqueIds(key);
            }
            long n = generator.write(sink, triples);
            err.println("ctkg generate: " + n + " triples to " + file);
            return 0;
        } catch (IOException e) {
            err.println("ctkg generate: cannot write " + file + ": " + e.getMessage());
            return 1;
        }
    }

    /** A count that may group its digits with underscores, as Java does. */
    static final class Count implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return Long.parseLong(value.replace("_", ""));
        }
    }
}
