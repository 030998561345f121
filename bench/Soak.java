import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
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
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A bounded soak test of a ctkg server on loopback. In "cheap" mode every client sends cheap
 * lookups (the baseline); in "soak" mode, of every 16 clients 12 send cheap lookups, 2 send
 * pathological queries (cross products, a regex over everything, deep property paths), one sends
 * oversized requests (a 10 MB query, 100 MB POSTs to the query, update, data and load routes, a
 * 100 KB URL) and one is slow (dribbles its request a byte at a time, or reads its answer a byte at
 * a time). It watches the server's resident memory, checks every error answer for leaked internals
 * (stack traces, class names, versions), and prints one Markdown row.
 *
 *   java bench/Soak.java BASEURL PID MIXDIR CLIENTS SECONDS cheap|soak LABEL
 *
 * Cheap lookups are the mix's lookups (MIXDIR/1-, 2-, 4-, 6-, 8-*.rq). JDK only; it stops by itself:
 * every request has a deadline and the run ends after SECONDS plus at most a minute.
 */
public class Soak {
    static final String[] PATHOLOGICAL = {
        "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
        "SELECT ?s ?o WHERE { ?s ?p ?o . FILTER(REGEX(STR(?o), \"^(a|b|c|d|e)+.*(x|y|z)+$\", \"i\")) ?s2 ?p2 ?o2 }",
        "SELECT (COUNT(*) AS ?n) WHERE { ?s (<http://www.w3.org/2000/01/rdf-schema#subClassOf>|!<urn:x>)* ?o }",
    };
    /** What an error answer must not show: stack frames, exception or package names, server versions. */
    static final Pattern LEAK = Pattern.compile("\\bat [a-z]+\\.[a-z]+\\.|Exception|org\\.apache|org\\.eclipse|jetty|Jetty|java\\.|/work/|/home/");

    static String base;
    static final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
    static final AtomicLong leaks = new AtomicLong();
    static final AtomicReference<String> leakExample = new AtomicReference<>("");

    public static void main(String[] args) throws Exception {
        base = args[0];
        long pid = Long.parseLong(args[1]);
        List<String> cheap = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of(args[2]))) {
            for (Path p : s.sorted().toList())
                if (p.getFileName().toString().matches("[12468]-[^.]*\\.rq"))
                    cheap.add(Files.readString(p));
        }
        int clients = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        boolean soak = args[5].equals("soak");
        String label = args[6];
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong cheapErrors = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int role = soak ? c % 16 : 0, id = c;
            Runnable work = role < 12 ? () -> cheap(cheap, id, end, latencies, cheapErrors)
                    : role < 14 ? () -> pathological(id, end)
                    : role == 14 ? () -> oversized(id, end)
                    : () -> slow(id, end);
            Thread t = new Thread(work);
            threads.add(t);
            t.start();
        }
        long rssStart = rss(pid), rssMax = rssStart;
        while (threads.stream().anyMatch(Thread::isAlive)) {
            Thread.sleep(1000);
            rssMax = Math.max(rssMax, rss(pid));
        }
        long rssEnd = rss(pid);
        List<Long> all = new ArrayList<>(latencies);
        Collections.sort(all);
        double p50 = all.isEmpty() ? Double.NaN : all.get(all.size() / 2) / 1e6;
        double p99 = all.isEmpty() ? Double.NaN : all.get(Math.min(all.size() - 1, (int) (all.size() * 0.99))) / 1e6;
        String alive = status(HttpRequest.newBuilder(URI.create(base + "/$/ping")).timeout(Duration.ofSeconds(10)).GET().build());
        Map<String, Long> sorted = new TreeMap<>();
        outcomes.forEach((k, v) -> sorted.put(k, v.get()));
        System.out.printf("| %s | %d | %d | %d | %d | %.1f | %.1f | %s | %d%s | %d / %d / %d | %s |%n", label, clients, seconds,
                all.size(), cheapErrors.get(), p50, p99, sorted.isEmpty() ? "none" : sorted.toString(), leaks.get(),
                leakExample.get().isEmpty() ? "" : " (" + leakExample.get() + ")", rssStart >> 20, rssMax >> 20, rssEnd >> 20, alive);
    }

    static void cheap(List<String> queries, int id, long end, List<Long> latencies, AtomicLong errors) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<Long> mine = new ArrayList<>();
        for (int i = id; System.nanoTime() < end; i++) {
            long t0 = System.nanoTime();
            try {
                HttpResponse<String> r = http.send(query(queries.get(i % queries.size()), 60), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200)
                    mine.add(System.nanoTime() - t0);
                else {
                    errors.incrementAndGet();
                    count("cheap HTTP " + r.statusCode(), r.body());
                }
            } catch (Exception e) {
                errors.incrementAndGet();
                count("cheap " + e.getClass().getSimpleName(), "");
            }
        }
        latencies.addAll(mine);
    }

    static void pathological(int id, long end) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        for (int i = id; System.nanoTime() < end; i++) {
            try {
                HttpResponse<String> r = http.send(query(PATHOLOGICAL[i % PATHOLOGICAL.length], 120), HttpResponse.BodyHandlers.ofString());
                count("pathological HTTP " + r.statusCode(), r.statusCode() == 200 ? "" : r.body());
            } catch (Exception e) {
                count("pathological " + e.getClass().getSimpleName(), "");
            }
        }
    }

    /** Oversized requests, on raw sockets so that a refusal before the body is sent is seen as such. */
    static void oversized(int id, long end) {
        String big = "SELECT * WHERE { ?s ?p ?o FILTER(?o != \"" + "x".repeat(10 << 20) + "\") }";
        String form = "query=" + "x".repeat(100 << 20);
        for (int i = id; System.nanoTime() < end; i++) {
            String kind;
            String answer;
            switch (i % 5) {
                case 0 -> { kind = "10 MB query"; answer = post("/ctkg/sparql", "application/sparql-query", big.getBytes(StandardCharsets.UTF_8)); }
                case 1 -> { kind = "100 MB form to /ctkg/query"; answer = post("/ctkg/query", "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.US_ASCII)); }
                case 2 -> { kind = "100 MB update"; answer = post("/ctkg/update", "application/sparql-update", form.getBytes(StandardCharsets.US_ASCII)); }
                case 3 -> { kind = "100 MB to /ctkg/data"; answer = post("/ctkg/data?default", "application/n-triples", form.getBytes(StandardCharsets.US_ASCII)); }
                default -> { kind = "100 KB URL"; answer = exchange(("GET /ctkg/sparql?query=" + "x".repeat(100_000) + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII), null, 0); }
            }
            count("oversized: " + kind + " → " + statusOf(answer), body(answer));
        }
    }

    /** Slow clients: one dribbles a request a byte every 100 ms; the next reads a large answer a byte every 100 ms. */
    static void slow(int id, long end) {
        String q = "query=" + URLEncoder.encode("SELECT * WHERE { ?s ?p ?o } LIMIT 5000", StandardCharsets.UTF_8);
        byte[] request = ("POST /ctkg/sparql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Connection: close\r\nContent-Length: " + q.length() + "\r\n\r\n" + q).getBytes(StandardCharsets.US_ASCII);
        for (int i = id; System.nanoTime() < end; i++) {
            boolean dribble = i % 2 == 0;
            String answer = exchange(request, null, dribble ? 100 : -100);
            count("slow " + (dribble ? "sender" : "reader") + " → " + statusOf(answer), "");
        }
    }

    static String post(String path, String type, byte[] body) {
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + type + "\r\nConnection: close\r\nContent-Length: "
                + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        return exchange(head, body, 0);
    }

    /**
     * Sends head and body and returns what the server answered (or "closed: …"). pace &gt; 0: the
     * request goes a byte every pace ms; pace &lt; 0: the answer is read a byte every -pace ms (for at most 30 s).
     */
    static String exchange(byte[] head, byte[] body, int pace) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(URI.create(base).getHost(), URI.create(base).getPort()), 10_000);
            socket.setSoTimeout(120_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            try {
                if (pace > 0) {
                    for (byte b : head) {
                        out.write(b);
                        out.flush();
                        Thread.sleep(pace);
                    }
                } else {
                    out.write(head);
                    if (body != null)
                        for (int off = 0; off < body.length; off += 1 << 16) {
                            if (in.available() > 0)
                                break;                      // answered before the body was sent: stop sending
                            out.write(body, off, Math.min(1 << 16, body.length - off));
                        }
                }
                out.flush();
            } catch (IOException e) {
                // the server closed its side while the request was being sent; its answer may be readable
            }
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            long stop = System.nanoTime() + 30_000_000_000L;
            int b;
            while (got.size() < (1 << 20) && (b = in.read()) >= 0) {
                got.write(b);
                if (pace < 0) {
                    Thread.sleep(-pace);
                    if (System.nanoTime() > stop)
                        return got.toString(StandardCharsets.ISO_8859_1);
                }
            }
            return got.toString(StandardCharsets.ISO_8859_1);
        } catch (Exception e) {
            return "closed: " + e.getClass().getSimpleName();
        }
    }

    static String statusOf(String answer) {
        if (answer.startsWith("HTTP/1.1 "))
            return "HTTP " + answer.substring(9, 12);
        return answer.isEmpty() ? "closed without an answer" : answer.startsWith("closed") ? answer : "partial answer";
    }

    static String body(String answer) {
        int at = answer.indexOf("\r\n\r\n");
        return at < 0 ? "" : answer.substring(at + 4);
    }

    static HttpRequest query(String q, int timeout) {
        return HttpRequest.newBuilder(URI.create(base + "/ctkg/sparql")).timeout(Duration.ofSeconds(timeout))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(q, StandardCharsets.UTF_8))).build();
    }

    static String status(HttpRequest r) {
        try {
            return "HTTP " + HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }

    /** Counts an outcome; an error body that shows internals counts as a leak. */
    static void count(String outcome, String errorBody) {
        outcomes.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
        if (!errorBody.isEmpty() && LEAK.matcher(errorBody).find()) {
            leaks.incrementAndGet();
            leakExample.compareAndSet("", outcome + ": " + errorBody.substring(0, Math.min(120, errorBody.length())).replace('\n', ' ').replace('|', '/'));
        }
    }

    static long rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status")))
                if (line.startsWith("VmRSS:"))
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
        } catch (IOException e) {
            // the server is gone: reported as 0
        }
        return 0;
    }
}
