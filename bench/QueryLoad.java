import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded load test for a SPARQL endpoint on loopback: N clients for S seconds; with --mix,
 * one client in eight sends pathological queries (cross products, regex over every literal, deep
 * property paths) while the rest send cheap lookups; with --greedy, that client in eight sends them
 * on 8 connections at once, nonstop, waiting only as long as a 429's Retry-After says (with --flood,
 * not even that: it sends again at once). A cheap client sends a lookup every PACE milliseconds (the
 * next one when the last has been answered, and the rest of the period has passed; 0: nonstop),
 * starting at a random point of the first period, so that the clients do not send in step. Prints one
 * Markdown table row: cheap requests per second, p50 and p99 latency of the cheap queries, errors
 * (and 429s) by kind. Client c sends {@code X-Forwarded-For: 10.0.c/256.c%256}, so that a server
 * trusting 127.0.0.1 as its proxy tells the clients apart (others ignore the header).
 *
 * URL may be several, separated by commas: client c then sends to the (c mod n)th, a client-side
 * spread over replicas.
 *
 *   java bench/QueryLoad.java URL[,URL...] CLIENTS SECONDS cheap|--mix|--greedy|--flood LABEL [PACE]
 *
 * Run with the JDK's single-file launcher; it uses only the JDK. It stops by itself.
 */
public class QueryLoad {
    static final String[] CHEAP = {
        "SELECT ?c WHERE { <https://w3id.org/ctkg/id/instrument/palermo-protocol> <https://w3id.org/ctkg/ontology#supplements> ?c }",
        "SELECT ?p ?o WHERE { <https://w3id.org/ctkg/id/recommendation/expand-national-action-plan> ?p ?o }",
        "SELECT ?label WHERE { ?s a <https://w3id.org/ctkg/ontology#Recommendation> ; <http://www.w3.org/2000/01/rdf-schema#label> ?label }",
        "SELECT ?v WHERE { <https://w3id.org/ctkg/id/statistic/ilo-25-million-victims> <https://w3id.org/ctkg/ontology#value> ?v }",
        "ASK { <https://w3id.org/ctkg/id/person/jamille-bigio> ?p ?o }",
    };
    static final String[] PATHOLOGICAL = {
        "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
        "SELECT ?s ?o WHERE { ?s ?p ?o . FILTER(REGEX(STR(?o), \"^(a|b|c|d|e)+.*(x|y|z)+$\", \"i\")) ?s2 ?p2 ?o2 }",
        "SELECT (COUNT(*) AS ?n) WHERE { ?s (<http://www.w3.org/2000/01/rdf-schema#subClassOf>|!<urn:x>)* ?o }",
    };

    /** What a client told to retry later does: waits that long (or to the end of the run). */
    static void waitOut(String retryAfter, long end) {
        try {
            Thread.sleep(Math.max(0, Math.min(Long.parseLong(retryAfter.strip()) * 1000, (end - System.nanoTime()) / 1_000_000)));
        } catch (NumberFormatException | InterruptedException e) {
            // no wait
        }
    }

    /** Sleeps until {@code at} (or the end of the run). */
    static void waitUntil(long at, long end) {
        long nanos = Math.min(at, end) - System.nanoTime();
        if (nanos > 0) {
            try {
                Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            } catch (InterruptedException e) {
                // no wait
            }
        }
    }

    public static void main(String[] args) throws Exception {
        String[] urls = args[0].split(",");
        int clients = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        boolean flood = args[3].equals("--flood");
        boolean greedy = flood || args[3].equals("--greedy");
        boolean mix = greedy || args[3].equals("--mix");
        String label = args[4];
        long paceNanos = (args.length > 5 ? Long.parseLong(args[5]) : 0) * 1_000_000L;
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<List<Long>> latencies = Collections.synchronizedList(new ArrayList<>());
        Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
        AtomicLong cheapDone = new AtomicLong();
        AtomicLong heavyDone = new AtomicLong();
        // LATENCY_TRACE=FILE: each cheap answer's wall-clock end (ms since the epoch) and latency (µs), a line each
        String traceFile = System.getenv("LATENCY_TRACE");
        List<String> trace = traceFile == null ? null : Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients * 8; c++) {
            int client = c / 8;
            boolean heavy = mix && client % 8 == 7;
            if (c % 8 != 0 && !(heavy && greedy))
                continue; // one connection per client, but for a greedy one
            int id = c;
            String forwarded = "10.0." + client / 256 + "." + client % 256;
            String url = urls[client % urls.length];
            Thread t = new Thread(() -> {
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                List<Long> mine = new ArrayList<>();
                int i = id;
                long next = System.nanoTime() + (heavy || paceNanos == 0 ? 0 : (long) (Math.random() * paceNanos));
                while (System.nanoTime() < end) {
                    if (!heavy && paceNanos > 0) {
                        waitUntil(next, end);
                        if (System.nanoTime() >= end)
                            break;
                        next = Math.max(next + paceNanos, System.nanoTime());
                    }
                    String q = heavy ? PATHOLOGICAL[i++ % PATHOLOGICAL.length] : CHEAP[i++ % CHEAP.length];
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(60))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("Accept", "application/sparql-results+json")
                                .header("X-Forwarded-For", forwarded)
                                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                                .build(), HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() != 200) {
                            errors.computeIfAbsent((heavy ? "heavy " : "cheap ") + "HTTP " + r.statusCode(), k -> new AtomicLong()).incrementAndGet();
                            if (r.statusCode() == 429 && !flood)
                                waitOut(r.headers().firstValue("Retry-After").orElse("1"), end);
                        } else if (!heavy) {
                            mine.add(System.nanoTime() - t0);
                            if (trace != null)
                                trace.add(System.currentTimeMillis() + " " + (System.nanoTime() - t0) / 1000);
                        }
                    } catch (Exception e) {
                        errors.computeIfAbsent((heavy ? "heavy " : "cheap ") + e.getClass().getSimpleName(), k -> new AtomicLong()).incrementAndGet();
                    }
                    (heavy ? heavyDone : cheapDone).incrementAndGet();
                }
                latencies.add(mine);
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads)
            t.join();
        if (trace != null)
            java.nio.file.Files.write(java.nio.file.Path.of(traceFile), trace);
        List<Long> all = new ArrayList<>();
        latencies.forEach(all::addAll);
        Collections.sort(all);
        double p50 = all.isEmpty() ? Double.NaN : all.get(all.size() / 2) / 1e6;
        double p99 = all.isEmpty() ? Double.NaN : all.get(Math.min(all.size() - 1, (int) (all.size() * 0.99))) / 1e6;
        Map<String, Long> errs = new TreeMap<>();
        errors.forEach((k, v) -> errs.put(k, v.get()));
        System.out.printf("| %s | %d | %s | %d | %.0f | %.1f | %.1f | %d | %s |%n", label, clients,
                flood ? "cheap + greedy ignoring Retry-After" : greedy ? "cheap + greedy (8 connections each)" : mix ? "cheap + pathological" : "cheap only",
                cheapDone.get(), all.size() / (double) seconds, p50, p99, heavyDone.get(), errs.isEmpty() ? "none" : errs.toString());
    }
}
