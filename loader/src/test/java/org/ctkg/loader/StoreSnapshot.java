package org.ctkg.loader;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;

/** The whole content of a store as sorted N-Quads lines, to compare a store before and after a job. */
public final class StoreSnapshot {
    private StoreSnapshot() {}

    public static List<String> of(Path location) {
        try (Store store = Store.openExisting(location)) {
            return of(store.dataset());
        }
    }

    public static List<String> of(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            RDFDataMgr.write(out, dsg, RDFFormat.NQUADS);
            return Arrays.stream(out.toString(StandardCharsets.UTF_8).split("\n")).filter(l -> !l.isBlank()).sorted().collect(Collectors.toList());
        });
    }
}
