package org.ctkg.loader.tdb2;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.io.FileUtils;
import org.apache.commons.io.file.PathUtils;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.sys.StoreConnection;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.ctkg.loader.LoadException;
import org.ctkg.loader.Store;
import org.ctkg.loader.Stores;

/**
 * The next generation of a TDB2 store, built beside the current one for a large offline job. A
 * TDB2 store directory holds its data in {@code Data-NNNN} and opens the highest-numbered one;
 * TDB2's compaction makes the next one in {@code Data-NNNN-tmp} and renames it into place. A
 * job does the same: it copies the current generation, writes into the copy without one big
 * transaction (so that several threads can build the indexes), validates and records provenance
 * there, and then {@link #promote}s it with one rename. A failed job deletes the copy; a process
 * killed before the rename leaves a {@code -tmp} directory, which TDB2 deletes when it next opens
 * the store. Either way the store is as it was.
 */
public final class StoreGeneration implements AutoCloseable {
    private static final Pattern NAME = Pattern.compile("Data-(\\d+)");

    private final Store store;
    private final Path current;
    private final Path next;
    private final Path building;
    private DatasetGraphTDB dsg;
    private boolean promoted;

    private StoreGeneration(Store store, Path current, Path next) {
        this.store = store;
        this.current = current;
        this.next = next;
        this.building = next.resolveSibling(next.getFileName() + "-tmp");
    }

    /**
     * Starts the generation after the store's current one, as a copy of it.
     * @throws LoadException INTERNAL when the copy cannot be made (the store is untouched)
     */
    public static StoreGeneration after(Store store) {
        Path current = currentOf(store);
        Matcher m = NAME.matcher(current.getFileName().toString());
        if (!m.matches())
            throw new IllegalStateException("not a TDB2 generation directory: " + current);
        Path next = current.resolveSibling(String.format("Data-%04d", Integer.parseInt(m.group(1)) + 1));
        StoreGeneration generation = new StoreGeneration(store, current, next);
        try {
            if (Files.exists(generation.building))
                PathUtils.deleteDirectory(generation.building);
            Files.createDirectory(generation.building);
            StoreFiles.copyGeneration(current, generation.building);
            generation.open();
            return generation;
        } catch (IOException | RuntimeException e) {
            generation.close();
            throw new LoadException(LoadException.Kind.INTERNAL, "cannot copy the store to build its next generation (is the disk full?): "
                    + e.getMessage(), e);
        }
    }

    /** Bytes on disk of the store's current generation: what {@link #after} copies. */
    public static long currentBytes(Store store) {
        try (Stream<Path> files = Files.list(currentOf(store))) {
            return files.filter(Files::isRegularFile).mapToLong(StoreGeneration::size).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path currentOf(Store store) {
        return Path.of(TDBInternal.getDatasetGraphTDB(store.dataset()).getLocation().getDirectoryPath());
    }

    /** The generation's dataset, used by this job alone: no transaction is open in it between steps. */
    public DatasetGraphTDB dataset() {
        return dsg;
    }

    /**
     * Closes and opens the generation's files again: after writers that used their own
     * transactions, the next steps start from what is on disk.
     */
    public void reopen() {
        StoreConnection.internalExpel(Location.create(building), false);
        open();
    }

    private void open() {
        dsg = StoreConnection.connectCreate(Location.create(building)).getDatasetGraphTDB();
        Stores.unionDefaultGraph(dsg);
    }

    /**
     * Makes this generation the store's data: one rename, then the store reopens on it and the
     * previous generation is deleted.
     */
    public void promote() {
        StoreConnection.internalExpel(Location.create(building), false);
        dsg = null;
        try {
            Files.move(building, next, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new LoadException(LoadException.Kind.INTERNAL, "cannot switch the store to its new generation: " + e.getMessage(), e);
        }
        promoted = true;
        store.reopen();
        // The job is committed: a previous generation that cannot be deleted now is only wasted space.
        FileUtils.deleteQuietly(current.toFile());
    }

    /** Deletes the generation unless it was promoted. */
    @Override
    public void close() {
        if (promoted)
            return;
        if (dsg != null)
            StoreConnection.internalExpel(Location.create(building), true);
        dsg = null;
        if (Files.exists(building))
            FileUtils.deleteQuietly(building.toFile());
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
