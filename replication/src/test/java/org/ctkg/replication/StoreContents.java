package org.ctkg.replication;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;

/** What a store holds, independent of order: the SHA-256 of its sorted N-Quads lines, and their number. */
record StoreContents(String sha256, long quads) {
    static StoreContents of(DatasetGraph dsg) {
        List<String> lines = Txn.calculateRead(dsg, () -> {
            List<String> all = new java.util.ArrayList<>();
            dsg.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> all.add(line(q)));
            return all;
        });
        lines.sort(null);
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String line : lines)
                digest.update((line + "\n").getBytes(StandardCharsets.UTF_8));
            return new StoreContents(HexFormat.of().formatHex(digest.digest()), lines.size());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean contains(DatasetGraph dsg, Quad quad) {
        return Txn.calculateRead(dsg, () -> dsg.contains(quad));
    }

    private static String line(Quad q) {
        return NodeFmtLib.str(q);
    }
}
