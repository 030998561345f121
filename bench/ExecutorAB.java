import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.*;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.solver.OpExecutorTDB2;
import org.ctkg.loader.Stores;

/**
 * ctkg's query executor (star subjects read once) against TDB2's own, in one JVM on one store, query by
 * query alternating: java -cp "loader/target/classes:$(cat CP)" bench/ExecutorAB.java STORE TEMPLATE SECONDS,
 * where CP is the loader's class path (mvn -q dependency:build-classpath -pl loader -Dmdep.outputFile=CP).
 * TEMPLATE's {{run}} is filled with 0, 1, 2, ... so that each text is new, and {{case}}, {{country}}, {{year}} as
 * bench/Alternate.java fills them (a case among RECORDS, environment); prints each executor's p50 and rows.
 * No HTTP and no server: what the executor alone changes (docs/benchmarks.md, star subjects).
 */
public class ExecutorAB {
    /** The citizenships of bench/peers.sh's case records. */
    static final String[] COUNTRIES = ("ken mys tha usa ukr idn col chn gbr gtm ind uga hnd qat mmr pol mex deu mda pak "
            + "esp bgd nga per tur hti khm ita rou bra phl eth vnm are sau slv npl gha nld bgr").split(" ");

    public static void main(String[] a) throws Exception {
        DatasetGraph store = DatabaseMgr.connectDatasetGraph(Location.create(a[0]));
        Stores.unionDefaultGraph(store);
        String template = Files.readString(Path.of(a[1]));
        long until = System.nanoTime() + Long.parseLong(a[2]) * 1_000_000_000L;
        List<Long> star = new ArrayList<>(), tdb2 = new ArrayList<>();
        long starRows = 0, tdb2Rows = 0;
        long records = Long.parseLong(System.getenv().getOrDefault("RECORDS", "125000"));
        for (int run = 0; System.nanoTime() < until; run++) {
            Random drawn = new Random(run);
            String query = template.replace("{{run}}", Integer.toString(run))
                    .replace("{{case}}", "s42-" + (1 + (long) (drawn.nextDouble() * records)))
                    .replace("{{country}}", COUNTRIES[drawn.nextInt(COUNTRIES.length)])
                    .replace("{{year}}", String.valueOf(2002 + drawn.nextInt(22)));
            for (int k = 0; k < 2; k++) {
                boolean useTdb2 = (run + k) % 2 == 1; // rotate who goes first
                long t0 = System.nanoTime();
                long rows = Txn.calculateRead(store, () -> select(store, query, useTdb2));
                (useTdb2 ? tdb2 : star).add(System.nanoTime() - t0);
                if (useTdb2) tdb2Rows = rows; else starRows = rows;
            }
        }
        Collections.sort(star);
        Collections.sort(tdb2);
        System.out.printf("star p50=%.2f ms (%d rows)  tdb2 p50=%.2f ms (%d rows)  n=%d%n",
                star.get(star.size() / 2) / 1e6, starRows, tdb2.get(tdb2.size() / 2) / 1e6, tdb2Rows, star.size());
    }

    /** Runs the query with ctkg's executor or TDB2's, every value turned into text as a writer would. */
    static long select(DatasetGraph store, String query, boolean tdb2) {
        Context cxt = Context.setupContextForDataset(ARQ.getContext(), store);
        if (tdb2)
            cxt.set(ARQConstants.sysOpExecutorFactory, OpExecutorTDB2.OpExecFactoryTDB);
        try (QueryExec exec = QueryExec.dataset(store).query(query).context(cxt).build()) {
            RowSet rows = exec.select();
            long n = 0;
            for (; rows.hasNext(); n++)
                rows.next().forEach((v, node) -> node.toString());
            return n;
        }
    }
}
