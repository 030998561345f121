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
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The analyst query mix against several SPARQL servers in the same run, the servers alternating
 * (run r asks server (r + i) mod n i-th), one request at a time, so that a machine busy for a
 * moment slows them all alike. Two kinds of latency:
 * <ul>
 * <li><b>repeat</b>: the mix's query (MIXDIR/N-name.rq, or N-name.VARIANT.rq where a server's variant has one) sent again and again, as
 * dashboards and pages do: what a result cache answers;
 * <li><b>cold</b>: COLDDIR/N-name.rq with {@code {{case}}}, {@code {{country}}}, {@code {{year}}}
 * and {@code {{run}}} filled in anew on each run (the same values for every server in that run),
 * so no cache can answer it.
 * </ul>
 * After a warm-up (the whole mix twice, then WARMUP seconds, default 120, of the queries that
 * answer within 300 ms: their cold templates, filled from a random stream of their own and marked
 * by a comment so that no answer cache holds a measured run's text, or the mix's text where there
 * is no template: a JVM server reaches its steady speed only after
 * thousands of requests, native Virtuoso at once), each query RUNS times (fewer if it has used BUDGET seconds
 * on all servers, but at least five). One Markdown row per query and kind: the rows each server
 * answered (TSV rows, or N-Triples lines for DESCRIBE; for cold runs, summed over the runs), each
 * server's p50 and p99, and the first server's p50 over the last one's. "≠" flags a server whose
 * rows differed from the first server's on some run. Where a
 * server answers with {@code X-Ctkg-Cache}, the cold runs' hits are counted (any is a fault).
 * <p>
 * Pages: a server's variant of a file that reads {@code # GET PATH} is a page, fetched as HTML from
 * the server's origin (ctkg's page of a record, Virtuoso's HTML rendering of the record's DESCRIBE); a
 * page counts as one row, and rows are not compared on the files where a server fetches a page.
 * VARIANT is a comma-separated list, the first with a file of its own wins. MIXDIR may list several
 * folders, separated by {@code :}.
 *
 *   java bench/PeerMix.java SIZE RUNS BUDGET MIXDIR[:MIXDIR...] COLDDIR RECORDS LABEL=URL=VARIANT[,VARIANT...]...
 *
 * RECORDS is how many generated case records there are (cases s42-1 … s42-RECORDS). JDK only.
 */
public class PeerMix {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final Random RANDOM = new Random(42);
    static final String[] COUNTRIES = {
        "usa", "mex", "gbr", "chn", "ind", "phl", "idn", "tha", "vnm", "khm", "mmr", "nga", "gha", "uga", "ken",
        "eth", "bra", "col", "per", "hnd", "gtm", "slv", "hti", "ukr", "mda", "rou", "bgr", "tur", "sau", "are",
        "qat", "mys", "npl", "bgd", "pak", "ita", "esp", "deu", "nld", "pol"};

    record Server(String label, String url, String variant) {}

    public static void main(String[] args) throws Exception {
        String size = args[0];
        int runs = Integer.parseInt(args[1]), budget = Integer.parseInt(args[2]);
        Path cold = Path.of(args[4]);
        long records = Long.parseLong(args[5]);
        List<Server> servers = new ArrayList<>();
        for (int i = 6; i < args.length; i++) {
            String[] s = args[i].split("=", 3);
            servers.add(new Server(s[0], s[1], s[2]));
        }
        List<Path> files = new ArrayList<>();
        for (String mix : args[3].split(":"))
            try (Stream<Path> s = Files.list(Path.of(mix))) {
                s.filter(p -> p.toString().endsWith(".rq") && p.getFileName().toString().split("\\.").length == 2).forEach(files::add);
            }
        files.sort(Comparator.comparing(Path::getFileName));
        StringBuilder head = new StringBuilder("| size | query | kind |");
        StringBuilder rule = new StringBuilder("|---|---|---|");
        for (Server s : servers) {
            head.append(" rows ").append(s.label()).append(" |");
            rule.append("---|");
        }
        for (Server s : servers) {
            head.append(" p50 ms ").append(s.label()).append(" |");
            rule.append("---|");
        }
        for (Server s : servers) {
            head.append(" p99 ms ").append(s.label()).append(" |");
            rule.append("---|");
        }
        head.append(" ").append(servers.get(0).label()).append(" ÷ ").append(servers.get(servers.size() - 1).label()).append(" (p50) |");
        rule.append("---|");
        System.out.println(head);
        System.out.println(rule);

        // warm-up: the whole mix twice on every server, then the quick cold templates for WARMUP seconds
        List<Path> quick = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++)
            for (Path file : files) {
                long t0 = System.nanoTime();
                for (Server s : servers)
                    send(s, text(file, s), file);
                if (pass == 1 && System.nanoTime() - t0 < 300_000_000L * servers.size())
                    quick.add(file);
            }
        Random warm = new Random(7);
        long until = System.nanoTime() + Long.parseLong(System.getenv().getOrDefault("WARMUP", "120")) * 1_000_000_000L;
        for (int round = 0; System.nanoTime() < until && !quick.isEmpty(); round++)
            for (Path file : quick) {
                Path template = cold.resolve(file.getFileName());
                Values v = Values.draw(records, -1 - round, warm);
                for (Server s : servers)
                    send(s, Files.exists(template) ? warmUp(v.fill(text(template, s))) : text(file, s), file);
            }
        for (Path file : files) {
            String name = file.getFileName().toString().replaceAll("\\.rq$", "");
            measure(size, name, servers, runs, budget, null, records, file);
            Path template = cold.resolve(file.getFileName());
            if (Files.exists(template))
                measure(size, name, servers, runs, budget, template, records, file);
        }
    }

    /** The file's text for that server: its first variant that has a file of its own, else the file. */
    static String text(Path file, Server server) throws Exception {
        for (String variant : server.variant().split(",")) {
            Path own = Path.of(file.toString().replaceAll("\\.rq$", "." + variant + ".rq"));
            if (Files.exists(own))
                return Files.readString(own);
        }
        return Files.readString(file);
    }

    /** A warm-up text, marked so that no answer cache holds a measured run's text. */
    static String warmUp(String text) {
        return isPage(text) ? text.strip() + (text.contains("?") ? "&" : "?") + "warm-up" : text + "\n# warm-up\n";
    }

    static boolean isPage(String text) {
        return text.startsWith("# GET ");
    }

    /** The values of one cold run, drawn anew (the same for every server in the run). */
    record Values(String kase, String country, String year, int run) {
        static Values draw(long records, int run, Random random) {
            return new Values("s42-" + (1 + (long) (random.nextDouble() * records)), COUNTRIES[random.nextInt(COUNTRIES.length)],
                    String.valueOf(2002 + random.nextInt(22)), run);
        }

        String fill(String template) {
            return template.replace("{{case}}", kase).replace("{{country}}", country).replace("{{year}}", year)
                    .replace("{{run}}", String.valueOf(run));
        }
    }

    /** One row: the mix file again and again (coldTemplate null: "repeat"), or the cold template filled anew on each run. */
    static void measure(String size, String name, List<Server> servers, int runs, int budget, Path coldTemplate, long records, Path file)
            throws Exception {
        String kind = coldTemplate == null ? "repeat" : "cold";
        boolean pages = false;
        for (Server s : servers)
            pages |= isPage(text(file, s)) || (coldTemplate != null && isPage(text(coldTemplate, s)));
        int n = servers.size();
        List<List<Long>> times = new ArrayList<>();
        long[] rows = new long[n];
        boolean[] differs = new boolean[n];
        for (int i = 0; i < n; i++)
            times.add(new ArrayList<>());
        long spent = 0;
        int cacheHits = 0;
        boolean repeat = kind.equals("repeat");
        for (int run = 0; run < runs && (run < 5 || spent < budget * 1_000_000_000L); run++) {
            Values values = repeat ? null : Values.draw(records, run, RANDOM);
            long[] thisRun = new long[n];
            for (int k = 0; k < n; k++) {
                int i = (run + k) % n;
                Server s = servers.get(i);
                String q = repeat ? text(file, s) : values.fill(text(coldTemplate, s));
                long t0 = System.nanoTime();
                Answer a = send(s, q, file);
                long t = System.nanoTime() - t0;
                times.get(i).add(t);
                spent += t;
                thisRun[i] = a.rows();
                if (!repeat && a.cacheHit())
                    cacheHits++;
            }
            for (int i = 0; i < n; i++) {
                rows[i] = repeat && run > 0 ? rows[i] : rows[i] + thisRun[i];
                if (!pages && thisRun[i] != thisRun[0])
                    differs[i] = true;
            }
        }
        StringBuilder row = new StringBuilder("| " + size + " | " + name + " | " + kind + (cacheHits > 0 ? " (" + cacheHits + " cache hits!)" : "") + " |");
        for (int i = 0; i < n; i++)
            row.append(" ").append(repeat ? "" : "Σ ").append(rows[i]).append(differs[i] ? " ≠" : "").append(" |");
        double[] p50 = new double[n];
        for (int i = 0; i < n; i++) {
            List<Long> ts = times.get(i);
            Collections.sort(ts);
            p50[i] = ts.get(ts.size() / 2) / 1e6;
            row.append(String.format(" %.1f |", p50[i]));
        }
        for (int i = 0; i < n; i++) {
            List<Long> ts = times.get(i);
            row.append(String.format(" %.1f |", ts.get(Math.min(ts.size() - 1, (int) Math.ceil(ts.size() * 0.99) - 1)) / 1e6));
        }
        row.append(String.format(" %.2f |", p50[0] / p50[n - 1]));
        System.out.println(row);
    }

    record Answer(long rows, boolean cacheHit) {}

    static Answer send(Server server, String query, Path file) throws Exception {
        if (isPage(query))
            return page(server, query.substring("# GET ".length()).strip(), file);
        boolean graphResult = query.contains("DESCRIBE") || query.contains("CONSTRUCT");
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url()))
                .timeout(Duration.ofSeconds(300))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", graphResult ? "application/n-triples" : "text/tab-separated-values")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .build();
        HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200)
            throw new IllegalStateException(server.label() + " " + file.getFileName() + ": HTTP " + r.statusCode() + ": " + r.body());
        long lines = r.body().lines().filter(l -> !l.isBlank()).count();
        return new Answer(graphResult ? lines : lines - 1, r.headers().firstValue("X-Ctkg-Cache").map("hit"::equalsIgnoreCase).orElse(false));
    }

    /** A page: GET the path from the server's origin, as a browser asks for it. */
    static Answer page(Server server, String path, Path file) throws Exception {
        URI endpoint = URI.create(server.url());
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve(path)).timeout(Duration.ofSeconds(300))
                .header("Accept", "text/html").GET().build();
        HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 || !r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"))
            throw new IllegalStateException(server.label() + " " + file.getFileName() + ": HTTP " + r.statusCode() + " "
                    + r.headers().firstValue("Content-Type").orElse("") + ": " + r.body());
        return new Answer(1, r.headers().firstValue("X-Ctkg-Cache").map("hit"::equalsIgnoreCase).orElse(false));
    }
}
