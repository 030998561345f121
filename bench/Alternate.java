import java.net.URI;
import java.net.URLEncoder;
import java.net.http.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;

/**
 * Two or more SPARQL endpoints compared on one query, request by request: java bench/Alternate.java TEMPLATE SECONDS BASE URL...
 * sends TEMPLATE with {{run}} replaced by BASE, BASE+1, ... (so that no answer cache holds it) to every URL in turn,
 * the first server rotating, for SECONDS; prints each server's p25, p50 and p75 in ms. Used for the A/B figures of
 * docs/benchmarks.md (cold queries without ctkg's own overhead). JDK only.
 */
public class Alternate {
    public static void main(String[] a) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String t = Files.readString(Path.of(a[0]));
        long until = System.nanoTime() + Long.parseLong(a[1]) * 1_000_000_000L;
        int base = Integer.parseInt(a[2]);
        int k = a.length - 3;
        List<List<Long>> ns = new ArrayList<>();
        for (int i = 0; i < k; i++) ns.add(new ArrayList<>());
        for (int run = base; System.nanoTime() < until; run++) {
            String q = t.replace("{{run}}", Integer.toString(run));
            for (int j = 0; j < k; j++) {
                int i = (run + j) % k; // rotate who goes first
                HttpRequest r = HttpRequest.newBuilder(URI.create(a[3 + i])).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/sparql-results+json")
                    .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(q, StandardCharsets.UTF_8))).build();
                long t0 = System.nanoTime();
                HttpResponse<byte[]> res = http.send(r, HttpResponse.BodyHandlers.ofByteArray());
                ns.get(i).add(System.nanoTime() - t0);
                if (res.statusCode() != 200) throw new IllegalStateException(res.statusCode() + new String(res.body()));
            }
        }
        for (int i = 0; i < k; i++) {
            List<Long> l = ns.get(i); Collections.sort(l);
            System.out.printf("%s n=%d p25=%.2f p50=%.2f p75=%.2f%n", a[3 + i], l.size(), l.get(l.size() / 4) / 1e6, l.get(l.size() / 2) / 1e6, l.get(l.size() * 3 / 4) / 1e6);
        }
    }
}
