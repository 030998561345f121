import java.nio.file.*; import java.util.*;
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
 * TEMPLATE's {{run}} is filled with 0, 1, 2, ... so that each text is new; prints each executor's p50 and rows.
 * No HTTP and no server: what the executor alone changes (docs/benchmarks.md, star subjects).
 */
public class ExecutorAB {
  public static void main(String[] a) throws Exception {
    DatasetGraph store = DatabaseMgr.connectDatasetGraph(Location.create(a[0]));
    Stores.unionDefaultGraph(store);
    String tpl = Files.readString(Path.of(a[1]));
    int secs = Integer.parseInt(a[2]);
    List<Long> star = new ArrayList<>(), tdb = new ArrayList<>();
    long end = System.nanoTime() + secs * 1_000_000_000L; int run = 0; long rs=0, rt=0;
    while (System.nanoTime() < end) {
      for (int k = 0; k < 2; k++) {
        boolean useTdb = (run + k) % 2 == 1;
        String q = tpl.replace("{{run}}", Integer.toString(run));
        long t0 = System.nanoTime();
        long n = Txn.calculateRead(store, () -> {
          Context cxt = Context.setupContextForDataset(ARQ.getContext(), store);
          if (useTdb) cxt.set(ARQConstants.sysOpExecutorFactory, OpExecutorTDB2.OpExecFactoryTDB);
          try (QueryExec e = QueryExec.dataset(store).query(q).context(cxt).build()) {
            RowSet rows = e.select(); long c = 0; while (rows.hasNext()) { rows.next().forEach((v,nd)->nd.toString()); c++; } return c; }
        });
        (useTdb ? tdb : star).add(System.nanoTime() - t0);
        if (useTdb) rt = n; else rs = n;
      }
      run++;
    }
    Collections.sort(star); Collections.sort(tdb);
    System.out.printf("star p50=%.2f ms (%d rows)  tdb2 p50=%.2f ms (%d rows)  n=%d%n", star.get(star.size()/2)/1e6, rs, tdb.get(tdb.size()/2)/1e6, rt, star.size());
  }
}
