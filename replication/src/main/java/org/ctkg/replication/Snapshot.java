package org.ctkg.replication;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.lang.LabelToNode;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.StreamRDFOps;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;

/**
 * A replica's store at its place in the log, for a new replica to start from instead of
 * replaying the topic from its beginning: gzipped N-Quads whose first line, a comment, names the
 * topic and the next record to apply. Blank nodes are written under their store labels and read
 * back under the same ones, since the writer's later patches name them by those labels.
 * (Any N-Quads reader takes the file as it is; the comment is ignored.)
 */
public final class Snapshot {
    private static final Pattern HEADER = Pattern.compile("# ctkg snapshot: topic (\\S+) next (\\d+)");

    /** Where a snapshot stands in the log. */
    public record Place(String topic, long next) {}

    private Snapshot() {}

    /**
     * Writes the store and its place in the log (the position file a replica keeps beside it) to
     * the file, from one read transaction; the file is written whole or not at all.
     * @throws ReplicationException when the store has no position file (it is no replica's)
     */
    public static Place write(DatasetGraph store, Path positionFile, Path out) throws IOException {
        String topic = PositionFile.topicOf(positionFile);
        if (topic == null)
            throw new ReplicationException("no log position " + positionFile + " beside the store: a snapshot is taken of a replica's store");
        Path temp = out.resolveSibling(out.getFileName() + ".part");
        // The position first: a replica writes it after each commit, so the store read after it holds
        // at least what it says (perhaps more, which a replica replays without change), never less.
        Place at = new Place(topic, new PositionFile(positionFile, topic).read());
        try {
            Txn.executeRead(store, () -> {
                try (OutputStream file = new GZIPOutputStream(Files.newOutputStream(temp), 1 << 16)) {
                    file.write(("# ctkg snapshot: topic " + at.topic() + " next " + at.next() + "\n").getBytes(StandardCharsets.UTF_8));
                    StreamRDF quads = StreamRDFWriter.getWriterStream(file, Lang.NQUADS);
                    quads.start();
                    StreamRDFOps.sendDatasetToStream(store, quads);
                    quads.finish();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return at;
    }

    /**
     * Loads a snapshot into an empty store in one write transaction and writes the position file
     * beside it, so that a replica started on the store resumes where the snapshot stands.
     * @throws ReplicationException when the file is not a ctkg snapshot or the store is not empty
     */
    public static Place restore(Path snapshot, DatasetGraph store, Path positionFile) throws IOException {
        Place place = place(snapshot);
        if (Files.exists(positionFile))
            throw new ReplicationException(positionFile + " exists already: restore a snapshot only into a new store");
        Txn.executeWrite(store, () -> {
            if (!store.isEmpty())
                throw new ReplicationException("the store is not empty: restore a snapshot only into a new store");
            try (InputStream in = new GZIPInputStream(Files.newInputStream(snapshot), 1 << 16)) {
                RDFParser.source(in).lang(Lang.NQUADS).labelToNode(LabelToNode.createUseLabelEncoded()).parse(StreamRDFLib.dataset(store));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (RiotException e) {
                throw new ReplicationException(snapshot + ": " + e.getMessage(), e);
            }
        });
        new PositionFile(positionFile, place.topic()).write(place.next());
        return place;
    }

    /** The place a snapshot file names in its first line. */
    public static Place place(Path snapshot) throws IOException {
        String first;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(snapshot)), StandardCharsets.UTF_8))) {
            first = in.readLine();
        } catch (java.util.zip.ZipException e) {
            throw new ReplicationException(snapshot + " is not a ctkg snapshot (not gzip: " + e.getMessage() + ")", e);
        }
        Matcher m = first == null ? null : HEADER.matcher(first);
        if (m == null || !m.matches())
            throw new ReplicationException(snapshot + " is not a ctkg snapshot: its first line does not name a topic and a log position");
        return new Place(m.group(1), Long.parseLong(m.group(2)));
    }
}
