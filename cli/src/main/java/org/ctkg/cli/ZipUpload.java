package org.ctkg.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A load job's files as the body of a request to the server's load service: a zip of
 * {@code mapping/NAME} and {@code files/NAME} entries, written by a thread of its own as the
 * request reads it, so that nothing is read into memory first.
 */
final class ZipUpload {
    private ZipUpload() {}

    /** The zip stream of the mapping (or null) and the files. */
    static InputStream of(Path mapping, List<Path> files) {
        PipedInputStream in = new PipedInputStream(1 << 16);
        PipedOutputStream pipe;
        try {
            pipe = new PipedOutputStream(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread writer = new Thread(() -> {
            try (ZipOutputStream zip = new ZipOutputStream(pipe, StandardCharsets.UTF_8)) {
                zip.setLevel(1);
                if (mapping != null)
                    add(zip, "mapping/", mapping);
                for (Path f : files)
                    add(zip, "files/", f);
            } catch (IOException e) {
                // the request ended early (the server answered or went away): nothing more to send
            }
        }, "ctkg-upload");
        writer.setDaemon(true);
        writer.start();
        return in;
    }

    private static void add(ZipOutputStream zip, String folder, Path file) throws IOException {
        zip.putNextEntry(new ZipEntry(folder + file.getFileName()));
        Files.copy(file, zip);
        zip.closeEntry();
    }
}
