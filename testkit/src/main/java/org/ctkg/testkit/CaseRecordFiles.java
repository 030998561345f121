package org.ctkg.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.ctkg.loader.generate.CaseRecordGenerator;

/** Files of generated case records: jobs big enough to be caught in the middle. */
public final class CaseRecordFiles {
    private CaseRecordFiles() {}

    /** Writes {@code triples} generated case-record triples (seeded) to {@code dir/cases.nt}. */
    public static Path write(Path dir, long seed, long triples) throws IOException {
        Path cases = dir.resolve("cases.nt");
        try (OutputStream out = Files.newOutputStream(cases)) {
            new CaseRecordGenerator(seed).write(out, triples);
        }
        return cases;
    }
}
