package org.ctkg.loader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.apache.commons.io.file.PathUtils;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.ctkg.loader.tdb2.StoreImage;
import org.ctkg.loader.tdb2.StoreInternals;

/**
 * A TDB2 store on disk, opened for a job. A store that did not exist is created holding what ctkg
 * serves by default (the ontology, the curated graph, the integrated sources): unpacked from the
 * store the build made ({@link Stores#DEFAULT_STORE}), or, where there is none, written inside the
 * first job's own transaction. If no job commits, the new directory is removed again on close, so
 * a failed first load leaves nothing behind.
 * <pre>
 *   try (Store store = Store.open(Path.of("store"))) { ... }
 * </pre>
 */
public final class Store implements AutoCloseable {
    private final Path location;
    private DatasetGraph dsg;
    private final boolean isNew;
    private final boolean owned;
    private boolean seeded;
    /** The quads a new store held when opened: as many at close, and no job committed to it. */
    private final long quadsAtOpen;
    /** Whether a job switched the store to a new generation: a commit, known without counting the quads. */
    private boolean switched;

    private Store(Path location, DatasetGraph dsg, boolean isNew, boolean owned, boolean seeded) {
        this.location = location;
        this.dsg = dsg;
        this.isNew = isNew;
        this.owned = owned;
        this.seeded = seeded;
        this.quadsAtOpen = isNew ? quads(dsg) : -1;
    }

    /**
     * A store already open elsewhere, such as the dataset a server is serving, for jobs run
     * inside that process: closing it leaves the dataset open.
     */
    public static Store serving(DatasetGraph dsg) {
        return new Store(null, dsg, false, false, false);
    }

    /**
     * Opens the store at the directory, creating it when it does not exist (or is empty).
     * @throws LoadException INTERNAL when the directory holds something else or another process holds the store
     */
    public static Store open(Path location) {
        boolean isNew = !Files.exists(location) || isEmptyDirectory(location);
        if (Files.exists(location) && !Files.isDirectory(location))
            throw new LoadException(LoadException.Kind.BAD_INPUT, location + ": not a directory");
        boolean unpacked = isNew && StoreImage.unpackInto(Stores.DEFAULT_STORE, location);
        try {
            DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(Location.create(location));
            Stores.unionDefaultGraph(dsg);
            return new Store(location, dsg, isNew, true, unpacked);
        } catch (RuntimeException e) {
            throw new LoadException(LoadException.Kind.INTERNAL, "cannot open the store at " + location + ": " + e.getMessage()
                    + (String.valueOf(e.getMessage()).contains("lock") ? " (is a server or another job using it? stop it, or load through the server)" : ""), e);
        }
    }

    /**
     * Opens an existing store, for reading.
     * @throws LoadException BAD_INPUT when there is no store there
     */
    public static Store openExisting(Path location) {
        if (!Files.isDirectory(location) || isEmptyDirectory(location))
            throw new LoadException(LoadException.Kind.BAD_INPUT, location + ": no ctkg store here (create one with ctkg load --loc " + location + " FILE)");
        return open(location);
    }

    /** The store's dataset; its default graph is the union of its named graphs. */
    public DatasetGraph dataset() {
        return dsg;
    }

    /** The store's directory; null for a store {@link #serving served} from memory or opened elsewhere. */
    public Path location() {
        return location;
    }

    /** True when this store was created by {@link #open}: a job into it has nothing of the user's to keep. */
    boolean isNew() {
        return isNew;
    }

    /** True when this store was created by {@link #open} without the default content, which the first job writes. */
    boolean needsSeed() {
        return isNew && !seeded;
    }

    /** Writes what ctkg serves by default (ontology, curated graph, integrated sources); call inside a write transaction. */
    void seed() {
        seedInto(dsg);
    }

    /** As {@link #seed}, into the store's next generation. */
    void seedInto(DatasetGraph destination) {
        Stores.streamDefaultContent(StreamRDFLib.dataset(destination));
        seeded = true;
    }

    /** Opens the store's directory again: after a job has switched it to a new generation. */
    public void reopen() {
        switched = true;
        StoreInternals.release(dsg);
        dsg = DatabaseMgr.connectDatasetGraph(Location.create(location));
        Stores.unionDefaultGraph(dsg);
    }

    /** Closes the store; a store created by this handle that holds no commit is removed. */
    @Override
    public void close() {
        if (!owned)
            return;
        boolean untouched = isNew && !switched && quads(dsg) == quadsAtOpen;
        StoreInternals.release(dsg);
        if (!untouched)
            return;
        try {
            PathUtils.deleteDirectory(location);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the new store " + location + ", which no job wrote to", e);
        }
    }

    private static long quads(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> dsg.stream().count());
    }

    private static boolean isEmptyDirectory(Path dir) {
        if (!Files.isDirectory(dir))
            return false;
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
