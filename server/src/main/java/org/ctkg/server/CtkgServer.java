package org.ctkg.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.JettySecurityLib;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.ctkg.loader.source.JsonLdContexts;
import org.ctkg.ontology.Ids;
import org.ctkg.server.access.AccessModule;
import org.ctkg.server.access.ReaderLog;
import org.ctkg.server.access.Readers;
import org.ctkg.server.cache.AnswerCache;
import org.ctkg.server.cache.CacheModule;
import org.ctkg.server.http.Admission;
import org.ctkg.server.http.AllowedServices;
import org.ctkg.server.http.ClientAddress;
import org.ctkg.server.http.OperationsModule;
import org.ctkg.server.http.ProtocolModule;
import org.ctkg.server.http.QueryBudget;
import org.ctkg.server.http.QueryRoutes;
import org.ctkg.server.http.Readiness;
import org.ctkg.server.http.WriteActivity;
import org.ctkg.server.ld.LinkedData;
import org.ctkg.server.ld.LinkedDataModule;
import org.ctkg.server.load.LiveLoadModule;
import org.ctkg.loader.cube.CaseCounts;
import org.ctkg.loader.cube.RecountingDataset;
import org.ctkg.server.load.LoadService;
import org.ctkg.server.releases.ReleaseShelf;
import org.ctkg.server.releases.Releases;
import org.ctkg.server.replication.ReplicationLog;
import org.ctkg.server.replication.ReplicationModule;
import org.ctkg.server.search.SearchIndex;
import org.ctkg.server.ui.QueryUiModule;
import org.eclipse.jetty.security.UserStore;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * ctkg's embedded Fuseki server: one dataset, {@value #DATASET}, with Fuseki's conventional
 * services: queries on {@code /ctkg}, {@code /ctkg/sparql} and {@code /ctkg/query}, Graph Store
 * Protocol reads on {@code /ctkg/data}, a health check at {@code /$/ping} and Prometheus metrics at
 * {@code /$/metrics}, the SPARQL Service Description (a GET of a query service without a query)
 * the VoID description at {@code /ctkg/void} and {@code /.well-known/void}, a query UI at
 * {@code /ui/}, and linked-data pages for every IRI ctkg mints ({@code /id/…}, {@code /graph/…},
 * {@code /ontology}). Each concern is a Fuseki module in its own package: the protocol add-ons and
 * operations ({@code http}), the pages ({@code ld}), the query UI ({@code ui}), the live load
 * service ({@code load}). Read-only unless writers are configured (a password file or one user and
 * password); then SPARQL Update on {@code /ctkg/update} and Graph Store writes on
 * {@code /ctkg/data} need HTTP Basic authentication as one of them. There is no default password.
 * <pre>
 *   CtkgServer server = CtkgServer.create().port(0).dataset(dsg).build().start();
 *   int port = server.port();
 * </pre>
 */
public final class CtkgServer {
    /** The dataset's name, and so the first segment of every service path. */
    public static final String DATASET = "ctkg";
    /** The logger of the access log (one line per request, NCSA extended format). */
    public static final String ACCESS_LOG = "ctkg.access";
    /** Where writers send load jobs ({@link LoadService}). */
    public static final String LOAD_PATH = "/" + DATASET + "/load";
    /** The HTTP authentication realm writers log in to. */
    public static final String REALM = "ctkg";
    /** Where load balancers ask whether this server should get readers: 200 or 503 with the reason. */
    public static final String READY_PATH = "/$/ready";
    /**
     * Jetty's threads at most. Fuseki main's default is 20, acceptors and selectors included: a
     * few greedy clients whose queries wait their turn in the {@code QueryGate} (each holds a
     * thread while it waits) then leave none for anyone else, whose cheap lookups queued for
     * seconds (docs/reliability.md). A waiting thread costs a stack, not CPU.
     */
    static final int MAX_SERVER_THREADS = 400;
    /** The pages whose queries depend on what a caller asks (search words, a page far down a class), budgeted like queries. */
    private static final List<String> BUDGETED_PAGES = List.of("/search", "/classes/", "/ui/data/complete");
    /** The query services. */
    private static final Set<String> QUERY_PATHS = Set.of("/" + DATASET, "/" + DATASET + "/", "/" + DATASET + "/sparql", "/" + DATASET + "/query");
    /** What the answer cache keeps GETs of: the query services and the pages that read the store. */
    private static final QueryRoutes CACHED = new QueryRoutes(
            Stream.concat(QUERY_PATHS.stream(), Stream.of("/", "/search", LinkedData.CONTEXT_PATH)).collect(Collectors.toSet()),
            List.of("/id/", "/graph/", "/ontology", "/classes/", "/map/"));

    private final FusekiServer fuseki;
    private final DatasetGraph served;

    private CtkgServer(FusekiServer fuseki, DatasetGraph served) {
        this.fuseki = fuseki;
        this.served = served;
    }

    /**
     * The dataset as the server serves it: writes through it keep the search index and the
     * descriptions in step, as writes through the endpoints do (a replica applies its log here).
     */
    public DatasetGraph dataset() {
        return served;
    }

    /**
     * The predicates whose writes {@link #dataset()} must see (the search index's): what writes
     * the store past it, in bulk (a replica applying its log), sends their quads through it.
     */
    public Predicate<Node> watchedPredicates() {
        return SearchIndex::indexes;
    }

    /** A builder; {@link Builder#dataset} is required. */
    public static Builder create() {
        return new Builder();
    }

    /** Starts the server; returns this. */
    public CtkgServer start() {
        fuseki.start();
        return this;
    }

    /** Stops the server gracefully: new requests are refused, those in flight finish (up to {@link Builder#stopTimeoutMillis}). */
    public void stop() {
        fuseki.stop();
    }

    /** True once a stop has begun (new requests are refused) and until it has ended. */
    public boolean isStopping() {
        return fuseki.getJettyServer().isStopping();
    }

    /** How many requests are being handled right now. */
    public long requestsInFlight() {
        return fuseki.getJettyServer().getDescendant(GracefulHandler.class).getCurrentRequestCount();
    }

    /** Blocks until the server stops. */
    public void join() {
        fuseki.join();
    }

    /** Jetty's connectors, for tests of how they are made. */
    Connector[] connectors() {
        return fuseki.getJettyServer().getConnectors();
    }

    /** The port the server listens on (the actual port when built with port 0); HTTPS on it when built with a keystore. */
    public int port() {
        return fuseki.getPort();
    }

    /** Whether the server speaks HTTPS (built with {@link Builder#https}). */
    public boolean isHttps() {
        return fuseki.getHttpsPort() > 0;
    }

    /** The base URL of the server, without a trailing slash. */
    public String baseUrl() {
        return (isHttps() ? "https" : "http") + "://localhost:" + port();
    }

    /** The URL of the SPARQL query service. */
    public String sparqlUrl() {
        return baseUrl() + "/" + DATASET + "/sparql";
    }

    /** Settings for a {@link CtkgServer}. */
    public static final class Builder {
        private int port = Defaults.PORT;
        private DatasetGraph dataset;
        private long queryTimeoutMillis = Defaults.QUERY_TIMEOUT_SECONDS * 1000L;
        private boolean loopbackOnly = false;
        private long maxRows = Defaults.MAX_ROWS;
        private Path passwordFile;
        private String writerUser;
        private String writerPassword;
        private String publicBase = Ids.BASE;
        private long maxQueryBytes = Defaults.MAX_QUERY_BYTES;
        private long maxUploadBytes = Defaults.MAX_UPLOAD_BYTES;
        private int minCell = CaseCounts.DEFAULT_MIN_CELL;
        private long stopTimeoutMillis = Defaults.STOP_TIMEOUT_MILLIS;
        private final List<String> allowedServices = new ArrayList<>();
        private Duration queryBudget = Duration.ofSeconds(Defaults.QUERY_BUDGET_SECONDS);
        private Duration queryBudgetWindow = Duration.ofSeconds(Defaults.QUERY_BUDGET_WINDOW_SECONDS);
        private int maxConcurrentQueries = Defaults.MAX_CONCURRENT_QUERIES;
        private final List<String> trustedProxies = new ArrayList<>();
        private Admission admission = Admission.defaults();
        private Readiness readiness = Readiness.ALWAYS;
        private ReplicationModule replication;
        private Path keystore;
        private String keystorePassword;
        private ReleaseShelf releases = ReleaseShelf.none();
        private Readers readers = Readers.NONE;
        private ReaderLog readerLog;
        private long cacheBytes = Defaults.CACHE_BYTES;

        /** The HTTP port; default 3030; 0 picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535)
                throw new IllegalArgumentException("port must be 0..65535, got " + port);
            this.port = port;
            return this;
        }

        /** The dataset to serve (required). */
        public Builder dataset(DatasetGraph dataset) {
            this.dataset = dataset;
            return this;
        }

        /** The longest a query may run, in milliseconds; default 30 000. */
        public Builder queryTimeoutMillis(long millis) {
            if (millis <= 0)
                throw new IllegalArgumentException("query timeout must be positive, got " + millis);
            this.queryTimeoutMillis = millis;
            return this;
        }

        /**
         * The most rows (or triples) an anonymous query gets; default 100 000; 0 for no cap.
         * Writers (authenticated callers) are not capped.
         */
        public Builder maxRows(long maxRows) {
            if (maxRows < 0)
                throw new IllegalArgumentException("the row cap must be 0 (none) or positive, got " + maxRows);
            this.maxRows = maxRows;
            return this;
        }

        /** Listen on the loopback interface only; default false. */
        public Builder loopbackOnly(boolean loopbackOnly) {
            this.loopbackOnly = loopbackOnly;
            return this;
        }

        /**
         * Lets the users of this Jetty password file ({@code user: password} lines) write;
         * default none (read-only).
         */
        public Builder passwordFile(Path file) {
            if (!Files.isReadable(file))
                throw new IllegalArgumentException("cannot read the password file " + file);
            this.passwordFile = file;
            return this;
        }

        /** Lets this one user write; default none (read-only). The password must not be empty. */
        public Builder writer(String user, String password) {
            if (user == null || user.isBlank() || password == null || password.isEmpty())
                throw new IllegalArgumentException("a writer needs a user name and a non-empty password");
            this.writerUser = user;
            this.writerPassword = password;
            return this;
        }

        /** The largest query request body accepted, in bytes; default 1 MiB. Larger ones get 413. */
        public Builder maxQueryBytes(long bytes) {
            if (bytes <= 0)
                throw new IllegalArgumentException("the query size bound must be positive, got " + bytes);
            this.maxQueryBytes = bytes;
            return this;
        }

        /** How long a stop waits for requests in flight to finish, in milliseconds; default 10 000. */
        public Builder stopTimeoutMillis(long millis) {
            if (millis <= 0)
                throw new IllegalArgumentException("the stop timeout must be positive, got " + millis);
            this.stopTimeoutMillis = millis;
            return this;
        }

        /**
         * The most bytes a live load job may send (its body, or what its zip expands to); default
         * 1 GiB. Larger ones get 413, and the store is unchanged.
         */
        public Builder maxUploadBytes(long bytes) {
            if (bytes <= 0)
                throw new IllegalArgumentException("the upload size bound must be positive, got " + bytes);
            this.maxUploadBytes = bytes;
            return this;
        }

        /**
         * The threshold of the published case counts that live loads into restricted graphs, and
         * writers' SPARQL Updates and Graph Store writes that change one, recompute: a count under it
         * is suppressed; default {@value CaseCounts#DEFAULT_MIN_CELL}.
         * @throws IllegalArgumentException under 2
         */
        public Builder minCell(int k) {
            this.minCell = CaseCounts.minCell(k);
            return this;
        }

        /**
         * The base of the IRIs this server dereferences: {@code {base}id/…} answers at
         * {@code /id/…}, {@code {base}graph/…} at {@code /graph/…}. Default {@value Ids#BASE},
         * the base of everything ctkg mints; set another when serving data minted under your own.
         */
        public Builder publicBase(String base) {
            if (base == null || !(base.startsWith("http://") || base.startsWith("https://")) || !base.endsWith("/"))
                throw new IllegalArgumentException("the public base must be an http(s) IRI ending in '/', got " + base);
            this.publicBase = base;
            return this;
        }

        /**
         * Lets queries ({@code SERVICE}) and updates ({@code LOAD}) reach endpoints under this URL
         * prefix; repeatable; default none: the server sends no request on a caller's behalf.
         */
        public Builder allowService(String prefix) {
            allowedServices.add(AllowedServices.checked(prefix));
            return this;
        }

        /**
         * Each anonymous client may spend this much query time (from a request's arrival to its
         * answer's end, on the query services, Graph Store reads, search and class pages) in any
         * {@code window}; past it, 429 with {@code Retry-After}. Default 60 s per 60 s;
         * {@link Duration#ZERO} for no budget. Writers are not budgeted.
         */
        public Builder queryBudget(Duration budget, Duration window) {
            if (budget.isNegative() || window.isNegative() || window.isZero())
                throw new IllegalArgumentException("a query budget is 0 (none) or positive, per a positive window; got " + budget + " per " + window);
            this.queryBudget = budget;
            this.queryBudgetWindow = window;
            return this;
        }

        /** The most queries one anonymous client may run at once; default 4; 0 for no bound. More: 429 with {@code Retry-After}. */
        public Builder maxConcurrentQueries(int n) {
            if (n < 0)
                throw new IllegalArgumentException("the bound on concurrent queries must be 0 (none) or positive, got " + n);
            this.maxConcurrentQueries = n;
            return this;
        }

        /**
         * Admits anonymous work across clients so: queries running at once and their longest wait,
         * requests per second per client, the idle timeout of connections; default {@link Admission#defaults}.
         */
        public Builder admission(Admission admission) {
            this.admission = Objects.requireNonNull(admission);
            return this;
        }

        /**
         * Believes {@code X-Forwarded-For}'s last hop as the client, for the query budget, when the
         * request comes from this proxy (an IP address or a CIDR range); repeatable; default none:
         * the client is the address that connected, whatever the header says.
         */
        public Builder trustedProxy(String addressOrRange) {
            trustedProxies.add(ClientAddress.checked(addressOrRange));
            return this;
        }

        /**
         * The replication log this server writes to or follows: a writer's answers then carry the
         * log position, a replica holds a read naming a position until it has applied it (at most
         * {@code maxReadWait}), and {@code /$/metrics} shows the log's figures. Default none.
         */
        public Builder replicationLog(ReplicationLog log, Duration maxReadWait) {
            if (maxReadWait.isNegative() || maxReadWait.isZero())
                throw new IllegalArgumentException("the longest wait of a read for a log position must be positive, got " + maxReadWait);
            this.replication = new ReplicationModule(Objects.requireNonNull(log), maxReadWait);
            return this;
        }

        /** What {@code /$/ready} answers: 200 when ready, else 503 with the reason; default always ready. */
        public Builder readiness(Readiness readiness) {
            this.readiness = Objects.requireNonNull(readiness);
            return this;
        }

        /**
         * Serves HTTPS, and only HTTPS, on the port, with the key and certificate in this keystore
         * (PKCS12 or JKS) opened with this password; default plain HTTP. Writers' passwords (HTTP
         * Basic) cross the network in clear without it, unless a TLS proxy stands in front.
         */
        public Builder https(Path keystore, String password) {
            if (!Files.isReadable(keystore))
                throw new IllegalArgumentException("cannot read the keystore " + keystore);
            if (password == null || password.isEmpty())
                throw new IllegalArgumentException("the keystore " + keystore + " needs its password");
            this.keystore = keystore;
            this.keystorePassword = password;
            return this;
        }

        /**
         * Offers the releases in this directory (what {@code ctkg release --out DIR} writes into) at
         * {@code /downloads}, in the home page's dataset markup and in each resource's history and
         * citation; default none.
         */
        public Builder releases(Path dir) {
            this.releases = ReleaseShelf.of(dir);
            return this;
        }

        /**
         * Lets these readers (a file of {@code name: password access…} lines, {@link Readers}) see
         * the restricted graphs each is allowed, with HTTP Basic on the same routes; default none:
         * restricted graphs are seen by writers only.
         * @throws IllegalArgumentException naming the file and line of a bad entry
         */
        public Builder readers(Path file) {
            this.readers = Readers.read(file);
            return this;
        }

        /** Logs readers' requests, without their text, in daily files in {@code dir} kept {@code days} days; default not logged. */
        public Builder readerLog(Path dir, int days) {
            this.readerLog = new ReaderLog(dir, days);
            return this;
        }

        /**
         * Keeps whole answers to queries and pages, up to this many bytes in all, for as long as the
         * store is not written to ({@link AnswerCache}); default {@value Defaults#CACHE_BYTES}; 0: none kept.
         */
        public Builder cacheBytes(long bytes) {
            if (bytes < 0)
                throw new IllegalArgumentException("the answer cache's size must be 0 (none) or positive, got " + bytes);
            this.cacheBytes = bytes;
            return this;
        }

        private boolean writable() {
            return passwordFile != null || writerUser != null;
        }

        /** Builds the server (not started). */
        public CtkgServer build() {
            if (dataset == null)
                throw new IllegalStateException("CtkgServer needs a dataset");
            // Served through the search index's wrapper, so that writes keep the index in step, and
            // seen through the caller's view, which hides the restricted graphs they may not see.
            // Writers' writes recount the published case counts above the index, so that the counts are indexed and published with them.
            SearchIndex search = new SearchIndex(dataset, !writable() ? UnaryOperator.identity()
                    : indexed -> new RecountingDataset(indexed, minCell, WriteActivity::current));
            DatasetGraph served = search.dataset();
            search.context().set(ARQ.queryTimeout, Long.toString(queryTimeoutMillis));
            Releases offered = new Releases(releases, served, new LinkedData.Iris(publicBase));
            AllowedServices allowed = new AllowedServices(allowedServices);
            allowed.guard(search.context(), queryTimeoutMillis, maxRows);
            JsonLdContexts.guardEveryReader();
            DataService.Builder service = DataService.newBuilder(served)
                    .addEndpoint(Operation.Query)
                    .addEndpoint(Operation.Query, "sparql")
                    .addEndpoint(Operation.Query, "query")
                    .addEndpoint(Operation.GSP_R)
                    .addEndpoint(Operation.GSP_R, "data");
            ProtocolModule protocol = new ProtocolModule(served, DATASET, maxRows, maxQueryBytes, queryTimeoutMillis, allowed)
                    .describedWith(offered.datasetLinks());
            QueryBudget.Limits limits = QueryBudget.Limits.of(queryBudget, queryBudgetWindow, maxConcurrentQueries);
            protocol.budget(limits, new ClientAddress(trustedProxies), BUDGETED_PAGES).admission(admission);
            UserStore writers = !writable() ? null : passwordFile != null ? JettySecurityLib.makeUserStore(passwordFile.toString())
                                                                           : JettySecurityLib.makeUserStore(writerUser, writerPassword);
            if (writers != null) {
                // Jetty demands credentials for writes (the protocol module's writer access); reads of /data stay open.
                service.addEndpoint(Operation.Update, "update", Auth.ANY_USER)
                       .addEndpoint(Operation.GSP_RW, "data", Auth.ANY_ANON);
                protocol.writers(writers, REALM, LOAD_PATH);
            } else {
                service.addEndpoint(Operation.Update, "update", Auth.DENY_ALL);
            }
            CacheModule cache = cacheBytes == 0 ? null
                    : new CacheModule(new AnswerCache(served, cacheBytes), CACHED, QUERY_PATHS, offered.datasetLinks()::state);
            FusekiServer.Builder fuseki = FusekiServer.create().numServerThreads(8, MAX_SERVER_THREADS);
            if (keystore != null)
                fuseki.https(port, keystore.toString(), keystorePassword);
            else
                fuseki.port(port);
            // Each of ctkg's concerns is a Fuseki module; their order is the order of their filters.
            FusekiServer built = fuseki.loopback(loopbackOnly)
                    .enableCors(true, null)
                    .enablePing(true)
                    .enableMetrics(true)
                    .add(DATASET, service.build())
                    .fusekiModules(FusekiModules.create(Stream.of(
                            new AccessModule(readers, writers, REALM, readerLog),
                            replication,
                            protocol,
                            cache,
                            new OperationsModule(READY_PATH, readiness, ACCESS_LOG, stopTimeoutMillis),
                            new LinkedDataModule(served, search, publicBase, offered),
                            offered,
                            new QueryUiModule(search),
                            new LiveLoadModule(LOAD_PATH, dataset, search, writable(), maxUploadBytes, minCell))
                            .filter(Objects::nonNull).toList()))
                    .build();
            return new CtkgServer(built, served);
        }
    }
}
