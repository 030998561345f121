package org.ctkg.cli;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a command writes its RDF: a file, or standard output, which closing only flushes. */
final class Output {
    private Output() {}

    /** A buffered stream to {@code file}, or to {@code out} when there is no file. */
    static OutputStream to(Path file, PrintStream out) throws IOException {
        return new BufferedOutputStream(file != null ? Files.newOutputStream(file) : new NonClosing(out), 1 << 16);
    }

    /** Standard output, flushed but left open. */
    private static final class NonClosing extends FilterOutputStream {
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
