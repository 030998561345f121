import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * Latency of a fixed mix of analyst queries (or of resource pages, following the 303 to the page as a browser does) against one server, one request
 * at a time: the whole mix is sent twice to warm the server up, then each query a few times more, then RUNS times (fewer if it has used up
 * BUDGET seconds, but at least five), and one Markdown row per query gives the result count, p50
 * and p99. The result count lets the caller check that two servers gave the same answers.
 *
 *   java bench/QueryMix.java queries SIZE LABEL ENDPOINT MIXDIR VARIANT RUNS BUDGET
 *   java bench/QueryMix.java pages   SIZE LABEL BASEURL RUNS BUDGET PATH...
 *
 * VARIANT picks {@code N-name.VARIANT.rq} over {@code N-name.rq} where it exists (plain Fuseki has
 * no text index, so its text search is a filter). SELECT answers are counted as TSV rows, DESCRIBE
 * and CONSTRUCT answers as N-Triples lines. JDK only; run with the single-file launcher.
 */
public class QueryMix {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NORMAL).build();

    public static void main(String[] args) throws Exception {
        String size = args[1], label = args[2];
        if (args[0].equals("queries")) {
            String endpoint = args[3], variant = args[5];
            int runs = Integer.parseInt(args[6]), budget = Integer.parseInt(args[7]);
            List<Path> files;
            try (Stream<Path> s = Files.list(Path.of(args[4]))) {
                files = s.filter(p -> p.toString().endsWith(".rq") && p.getFileName().toString().split("\\.").length == 2).sorted().toList();
            }
            // Warm the server up on the whole mix first: the first query measured on a freshly started
            // server would otherwise also pay for its JIT and for reading the store's indexes from disk.
            List<Timed> mix = new ArrayList<>();
            for (Path file : files) {
                Path own = Path.of(file.toString().replaceAll("\\.rq$", "." + variant + ".rq"));
                String query = Files.readString(Files.exists(own) ? own : file);
                String name = file.getFileName().toString().replaceAll("\\.rq$", "");
                boolean graphResult = query.contains("DESCRIBE") || query.contains("CONSTRUCT");
                HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint))
                        .timeout(Duration.ofSeconds(300))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", graphResult ? "application/n-triples" : "text/tab-separated-values")
                        .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                        .build();
                mix.add(new Timed(name + (Files.exists(own) ? " (" + variant + " variant)" : ""), request, graphResult ? 0 : 1));
            }
            for (int pass = 0; pass < 2; pass++)
                for (Timed t : mix)
                    send(t.request());
            for (Timed t : mix)
                measure(size, label, t.name(), t.request(), t.headerLines(), runs, budget);
        } else {
            String base = args[3];
            int runs = Integer.parseInt(args[4]), budget = Integer.parseInt(args[5]);
            for (int i = 6; i < args.length; i++) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + args[i]))
                        .timeout(Duration.ofSeconds(60)).header("Accept", "text/html").GET().build();
                measure(size, label, "page " + args[i], request, -1, runs, budget);
            }
        }
    }

    /** A query of the mix: its name, its request, and the lines of its answer that are not results (see measure). */
    record Timed(String name, HttpRequest request, int headerLines) {}

    /** headerLines: lines to subtract from the count (1 for TSV); -1 to report bytes instead. */
    static void measure(String size, String label, String name, HttpRequest request, int headerLines, int runs, int budget) throws Exception {
        for (int i = 0; i < 3; i++)
            send(request);
        List<Long> times = new ArrayList<>();
        long spent = 0, count = -1;
        while (times.size() < runs && (times.size() < 5 || spent < budget * 1_000_000_000L)) {
            long t0 = System.nanoTime();
            String body = send(request);
            long t = System.nanoTime() - t0;
            times.add(t);
            spent += t;
            count = headerLines < 0 ? body.length() : body.lines().filter(l -> !l.isBlank()).count() - headerLines;
        }
        Collections.sort(times);
        double p50 = times.get(times.size() / 2) / 1e6;
        double p99 = times.get(Math.min(times.size() - 1, (int) Math.ceil(times.size() * 0.99) - 1)) / 1e6;
        System.out.printf("| %s | %s | %s | %d | %s | %.1f | %.1f |%n", size, label, name, times.size(),
                headerLines < 0 ? count + " bytes" : String.valueOf(count), p50, p99);
    }

    static String send(HttpRequest request) throws Exception {
        HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200)
            throw new IllegalStateException(request.uri() + ": HTTP " + r.statusCode() + ": " + r.body());
        return r.body();
    }
}
