package org.ctkg.loader.tdb2;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.io.FileUtils;

/**
 * A closed TDB2 store's files kept as class path resources, so that a store the build made can be
 * opened at run time without loading its content again: each file without its trailing zeros (TDB2
 * grows its files in 8 MB steps, mostly unwritten), and a list of the files with their full
 * lengths. Unpacked, the files are byte for byte the store's, the zeros left as holes.
 */
public final class StoreImage {
    /** The list of the image's files: a line {@code LENGTH PATH} each, paths relative to the store. */
    static final String LIST = "files.txt";
    private static final String LOCK = "tdb.lock";

    private StoreImage() {}

    /** Writes the image of the closed store at {@code store} into the folder {@code image}. */
    public static void write(Path store, Path image) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(store)) {
            files = walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals(LOCK)).sorted().toList();
        }
        List<String> lines = new ArrayList<>();
        for (Path file : files) {
            String name = store.relativize(file).toString().replace('\\', '/');
            byte[] bytes = Files.readAllBytes(file);
            int end = bytes.length;
            while (end > 0 && bytes[end - 1] == 0)
                end--;
            Path target = image.resolve(name);
            Files.createDirectories(target.getParent());
            try (var out = Files.newOutputStream(target)) {
                out.write(bytes, 0, end);
            }
            lines.add(bytes.length + " " + name);
        }
        Files.write(image.resolve(LIST), lines, StandardCharsets.UTF_8);
    }

    /**
     * Unpacks the image at class path folder {@code resource} (for example {@code ctkg/default-store})
     * into the empty or new directory {@code to}; false, with nothing written, when there is no
     * such image on the class path.
     */
    public static boolean unpack(String resource, Path to) {
        return unpack(StoreImage.class.getClassLoader(), resource, to);
    }

    /**
     * Unpacks the image as the store at {@code location}, which does not exist or is an empty
     * directory: into a directory beside it first, then moved into place in one step, so that the
     * location never holds half an image. False, with nothing written, when there is no image or
     * the location was taken meanwhile.
     */
    public static boolean unpackInto(String resource, Path location) {
        Path parent = location.toAbsolutePath().getParent();
        Path staging = null;
        try {
            Files.createDirectories(parent);
            staging = Files.createTempDirectory(parent, "." + location.getFileName() + "-");
            if (!unpack(resource, staging))
                return false;
            if (Files.isDirectory(location))
                Files.delete(location); // empty: the caller checked
            Files.move(staging, location, StandardCopyOption.ATOMIC_MOVE);
            staging = null;
            return true;
        } catch (IOException | UncheckedIOException e) {
            // Not unpacked (no space, no permission): the first job writes the content instead,
            // and reports a store it cannot write to as it reports any other.
            return false;
        } finally {
            if (staging != null)
                FileUtils.deleteQuietly(staging.toFile());
        }
    }

    /** As {@link #unpack(String, Path)}, from the class path of {@code loader}. */
    static boolean unpack(ClassLoader loader, String resource, Path to) {
        try (InputStream list = loader.getResourceAsStream(resource + "/" + LIST)) {
            if (list == null)
                return false;
            List<String> lines = new BufferedReader(new InputStreamReader(list, StandardCharsets.UTF_8)).lines().toList();
            for (String line : lines) {
                int space = line.indexOf(' ');
                long length = Long.parseLong(line.substring(0, space));
                String name = line.substring(space + 1);
                Path target = to.resolve(name);
                Files.createDirectories(target.getParent());
                try (InputStream in = loader.getResourceAsStream(resource + "/" + name)) {
                    if (in == null)
                        throw new IOException("the store image " + resource + " lists " + name + ", which is missing");
                    Files.copy(in, target);
                }
                try (RandomAccessFile file = new RandomAccessFile(target.toFile(), "rw")) {
                    file.setLength(length);
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the store image " + resource + ": " + e.getMessage(), e);
        }
    }
}
