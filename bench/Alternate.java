import java.net.URI;
import java.net.URLEncoder;
import java.net.http.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;

/**
 * Two or more SPARQL endpoints compared on one query, request by request: java bench/Alternate.java TEMPLATE SECONDS BASE URL...
 * sends TEMPLATE with {{run}} replaced by BASE, BASE+1, ... (so that no answer cache holds it) to every URL in turn,
 * the first server rotating, for SECONDS; prints each server's p25, p50 and p75 in ms. PeerMix's cold templates
 * work too: {{case}}, {{country}} and {{year}} are drawn from a random stream seeded by the run (the same on every
 * server), a case among RECORDS (environment, default 125000: the records of bench/peers.sh's 1M). Used for the A/B
 * figures of docs/benchmarks.md (cold queries without ctkg's own overhead). JDK only.
 */
public class Alternate {
    /** PeerMix's countries, in its order. */
    static final String[] COUNTRIES = {
        "usa", "mex", "gbr", "chn", "ind", "phl", "idn", "tha", "vnm", "khm", "mmr", "nga", "gha", "uga", "ken",
        "eth", "bra", "col", "per", "hnd", "gtm", "slv", "hti", "ukr", "mda", "rou", "bgr", "tur", "sau", "are",
        "qat", "mys", "npl", "bgd", "pak", "ita", "esp", "deu", "nld", "pol"};

    public static void main(String[] a) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String t = Files.readString(Path.of(a[0]));
        long until = System.nanoTime() + Long.parseLong(a[1]) * 1_000_000_000L;
        int base = Integer.parseInt(a[2]);
        long records = Long.parseLong(System.getenv().getOrDefault("RECORDS", "125000"));
        int k = a.length - 3;
        List<List<Long>> ns = new ArrayList<>();
        for (int i = 0; i < k; i++) ns.add(new ArrayList<>());
        for (int run = base; System.nanoTime() < until; run++) {
            Random drawn = new Random(run);
            String q = t.replace("{{case}}", "s42-" + (1 + (long) (drawn.nextDouble() * records)))
                    .replace("{{country}}", COUNTRIES[drawn.nextInt(COUNTRIES.length)])
                    .replace("{{year}}", String.valueOf(2002 + drawn.nextInt(22)))
                    .replace("{{run}}", Integer.toString(run));
            for (int j = 0; j < k; j++) {
                int i = (run + j) % k; // rotate who goes first
                HttpRequest r = HttpRequest.newBuilder(URI.create(a[3 + i])).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/sparql-results+json, application/n-triples;q=0.9")
                    .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(q, StandardCharsets.UTF_8))).build();
                long t0 = System.nanoTime();
                HttpResponse<byte[]> res = http.send(r, HttpResponse.BodyHandlers.ofByteArray());
                ns.get(i).add(System.nanoTime() - t0);
                if (res.statusCode() != 200) throw new IllegalStateException(res.statusCode() + new String(res.body()));
            }
        }
        for (int i = 0; i < k; i++) {
            List<Long> l = ns.get(i); Collections.sort(l);
            double trimmed = l.subList(l.size() / 10, l.size() * 9 / 10).stream().mapToLong(Long::longValue).average().orElse(0);
            System.out.printf("%s n=%d p25=%.2f p50=%.2f p75=%.2f mean10-90=%.2f%n", a[3 + i], l.size(), l.get(l.size() / 4) / 1e6,
                    l.get(l.size() / 2) / 1e6, l.get(l.size() * 3 / 4) / 1e6, trimmed / 1e6);
        }
    }
}
