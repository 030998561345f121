package org.ctkg.loader.tdb2;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Copies of a TDB2 store's files that stay as small on disk as the originals: TDB2 grows its index
 * files in 8 MB steps that are mostly unwritten, and a plain copy would fill those holes.
 */
public final class StoreFiles {
    private static final String LOCK = "tdb.lock";
    private static final int BLOCK = 1 << 16;
    /** A block of zeros to compare with: {@code Arrays.mismatch} compares many bytes at a time. */
    private static final byte[] ZEROS = new byte[BLOCK];

    private StoreFiles() {}

    /** Copies a generation's files ({@code Data-NNNN}); its lock file stays behind, the copy takes its own. */
    static void copyGeneration(Path from, Path to) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(from)) {
            files = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals(LOCK)).toList();
        }
        for (Path file : files)
            copySparse(file, to.resolve(file.getFileName()));
    }

    /**
     * Copies a whole store that no process has open (every generation, without lock files) to a
     * new directory: the same store, far faster than loading it again.
     */
    public static void copyClosedStore(Path from, Path to) throws IOException {
        List<Path> all;
        try (Stream<Path> walk = Files.walk(from)) {
            all = walk.toList();
        }
        for (Path p : all) {
            Path target = to.resolve(from.relativize(p).toString());
            if (Files.isDirectory(p))
                Files.createDirectories(target);
            else if (!p.getFileName().toString().equals(LOCK))
                copySparse(p, target);
        }
    }

    /** Copies a file, leaving its runs of zero bytes as holes. */
    private static void copySparse(Path from, Path to) throws IOException {
        ByteBuffer block = ByteBuffer.allocate(BLOCK);
        try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ);
             RandomAccessFile out = new RandomAccessFile(to.toFile(), "rw")) {
            FileChannel channel = out.getChannel();
            long position = 0;
            int n;
            while ((n = in.read(block.clear(), position)) > 0) {
                block.flip();
                if (!allZero(block))
                    while (block.hasRemaining())
                        channel.write(block, position + block.position());
                position += n;
            }
            out.setLength(position);
        }
    }

    private static boolean allZero(ByteBuffer block) {
        return Arrays.mismatch(block.array(), block.position(), block.limit(), ZEROS, 0, block.remaining()) < 0;
    }
}
