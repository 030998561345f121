package org.ctkg.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.atlas.lib.FileOps;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.ctkg.loader.Store;
import org.ctkg.replication.Replication;
import org.ctkg.replication.Snapshot;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code ctkg snapshot}: a replica's store at its place in the log, for a new replica to start
 * from (instead of replaying the topic from its beginning), and the restore of one into a new store.
 */
@CommandLine.Command(name = "snapshot",
        customSynopsis = {"ctkg snapshot --loc DIR --out FILE", "ctkg snapshot --restore FILE --loc DIR"},
        description = {"take a replica's store with its place in the log, or restore one for a new replica",
                "",
                "--out: writes the store at DIR (stopped) and its log position (DIR.position) to FILE, gzipped N-Quads",
                "whose first line names the topic and position. --restore: loads FILE into a new store at DIR and writes",
                "DIR.position; then ctkg serve --loc DIR --replica-of HOST:PORT resumes from there."})
final class SnapshotCommand extends Command {
    @Option(names = "--loc", paramLabel = "DIR", description = "the store: a replica's (to take), or a new one (to restore into)")
    Path loc;

    @Option(names = "--out", paramLabel = "FILE", description = "write the snapshot here")
    Path out;

    @Option(names = "--restore", paramLabel = "FILE", description = "restore this snapshot into a new store at --loc")
    Path restore;

    SnapshotCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    public Integer call() throws IOException {
        if (loc == null || (out == null) == (restore == null))
            throw usage("give --loc DIR and one of --out FILE (take a snapshot) or --restore FILE (restore one)");
        Path position = Replication.positionFileOf(loc);
        if (out != null) {
            Snapshot.Place at = Snapshot.write(Store.openExisting(loc).dataset(), position, out);
            err.println("ctkg snapshot: " + loc + " at position " + at.next() + " of topic " + at.topic() + " to " + out);
            return 0;
        }
        if (!Files.isReadable(restore))
            throw usage("cannot read the snapshot " + restore);
        if (Files.exists(loc) && !isEmptyDirectory(loc))
            throw usage(loc + " exists and is not empty: restore a snapshot only into a new store");
        Snapshot.place(restore);   // a file that is no snapshot is refused before any store exists
        boolean made = !Files.exists(loc);
        DatasetGraph store = DatabaseMgr.connectDatasetGraph(loc.toString());
        Snapshot.Place at;
        try {
            at = Snapshot.restore(restore, store, position);
        } catch (RuntimeException | IOException e) {
            // Nothing is left behind: the directory is as it was, absent or empty.
            TDBInternal.expel(store);
            FileOps.clearAll(loc.toString());
            if (made)
                Files.deleteIfExists(loc);
            throw e;
        }
        err.println("ctkg snapshot: restored " + restore + " into " + loc + "; a replica started on it resumes at position "
                    + at.next() + " of topic " + at.topic());
        return 0;
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir))
            return false;
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
