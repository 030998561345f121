import java.io.*;
import java.net.*;
import java.nio.charset.StandardCharsets;
import java.util.*;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Plain Fuseki's response buffers, with Jetty's default pool or with a pool that keeps them:
 * java -cp JENA_CP bench/ResponseBuffers.java ROUNDS default|pooled (JENA_CP: bench/work/jena-cp.txt).
 * Starts an embedded Fuseki on an empty in-memory dataset, sends ROUNDS x 2,000 `ASK { FILTER(n > 0) }`
 * requests one at a time, prints each round's p50 and a histogram in 0.5 ms steps, then the pool's
 * statistics: the acquires too large for any bucket, and each bucket used. "pooled" remakes the
 * connector on a pool as ctkg's ResponseBufferPool does (docs/benchmarks.md, "The slow mode").
 */
public class ResponseBuffers {
    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        boolean pooled = args[1].equals("pooled");
        FusekiServer fuseki = FusekiServer.create().port(0).add("/ctkg", DatasetGraphFactory.createTxnMem()).build();
        var jetty = fuseki.getJettyServer();
        ArrayByteBufferPool pool = (ArrayByteBufferPool) jetty.getByteBufferPool();
        if (pooled) {
            pool = new ArrayByteBufferPool(0, -1, 5 * 1024 * 1024, Integer.MAX_VALUE);
            for (var connector : jetty.getConnectors()) {
                var old = (ServerConnector) connector;
                var remade = new ServerConnector(jetty, null, null, pool, -1, -1, old.getConnectionFactories().toArray(ConnectionFactory[]::new));
                remade.setPort(old.getPort());
                remade.setHost(old.getHost());
                jetty.removeConnector(old);
                jetty.addConnector(remade);
            }
        }
        pool.setStatisticsEnabled(true);
        fuseki.start();
        String url = "http://localhost:" + fuseki.getHttpPort() + "/ctkg/query";
        for (int round = 1; round <= rounds; round++) {
            List<Long> nanos = new ArrayList<>();
            for (int run = 1; run <= 2000; run++) {
                byte[] body = ("query=" + URLEncoder.encode("ASK { FILTER(" + run + " > 0) }", StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII);
                long start = System.nanoTime();
                HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
                c.setDoOutput(true);
                c.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
                c.setRequestProperty("Accept", "application/sparql-results+json");
                try (OutputStream out = c.getOutputStream()) { out.write(body); }
                try (InputStream in = c.getInputStream()) { in.readAllBytes(); }
                nanos.add(System.nanoTime() - start);
            }
            Collections.sort(nanos);
            int[] histogram = new int[12];
            for (long n : nanos)
                histogram[(int) Math.min(11, n / 500_000)]++;
            System.out.printf("round %d p50=%.2f ms, requests by 0.5 ms (the last: 5.5 ms and over) %s%n", round, nanos.get(nanos.size() / 2) / 1e6, Arrays.toString(histogram));
        }
        System.out.println("too large for any bucket: direct " + pool.getNoBucketDirectAcquires() + ", heap " + pool.getNoBucketHeapAcquires());
        for (var bucket : pool.getDirectBucketsStatistics())
            if (!Long.valueOf(0).equals(bucket.get("acquires")))
                System.out.println("direct bucket " + bucket);
        fuseki.stop();
        System.exit(0);
    }
}
