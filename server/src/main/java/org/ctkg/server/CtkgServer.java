package org.ctkg.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.JettySecurityLib;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.ctkg.loader.source.JsonLdContexts;
import org.ctkg.ontology.Ids;
import org.ctkg.server.http.AllowedServices;
import org.ctkg.server.http.CappedQuery;
import org.ctkg.server.http.CtkgUpdate;
import org.ctkg.server.http.DatasetDescription;
import org.ctkg.server.http.Readiness;
import org.ctkg.server.http.ReadinessServlet;
import org.ctkg.server.http.DiscoveryFilter;
import org.ctkg.server.http.GraphUploadFilter;
import org.ctkg.server.http.QuerySizeFilter;
import org.ctkg.server.http.ReadOnlyFilter;
import org.ctkg.server.http.SecurityHeaders;
import org.ctkg.server.http.WriterAccess;
import org.ctkg.server.ld.BrowsePages;
import org.ctkg.server.ld.LinkedData;
import org.ctkg.server.views.CountryFacts;
import org.ctkg.server.views.TierMapPage;
import org.ctkg.server.load.LoadService;
import org.ctkg.server.search.SearchIndex;
import org.ctkg.server.ui.QueryUiServlet;
import org.eclipse.jetty.security.UserStore;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.Slf4jRequestLogWriter;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * ctkg's embedded Fuseki server: one dataset, {@value #DATASET}, with Fuseki's conventional
 * services: queries on {@code /ctkg}, {@code /ctkg/sparql} and {@code /ctkg/query}, Graph Store
 * Protocol reads on {@code /ctkg/data}, a health check at {@code /$/ping} and Prometheus metrics at
 * {@code /$/metrics}, the SPARQL Service Description (a GET of a query service without a query)
 * the VoID description at {@code /ctkg/void} and {@code /.well-known/void}, a query UI at
 * {@code /ui/}, and linked-data pages for every IRI ctkg mints ({@code /id/…}, {@code /graph/…},
 * {@code /ontology}). Read-only unless writers are configured (a password file or one user and
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
    /** How long an idle connection stays open once a stop has begun. */
    private static final long IDLE_AT_STOP_MILLIS = 50;

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
        private int port = 3030;
        private DatasetGraph dataset;
        private long queryTimeoutMillis = 30_000;
        private boolean loopbackOnly = false;
        private long maxRows = 100_000;
        private Path passwordFile;
        private String writerUser;
        private String writerPassword;
        private String publicBase = Ids.BASE;
        private long maxQueryBytes = 1 << 20;
        private long maxUploadBytes = 1L << 30;
        private long stopTimeoutMillis = 10_000;
        private final List<String> allowedServices = new ArrayList<>();
        private Readiness readiness = Readiness.ALWAYS;
        private Path keystore;
        private String keystorePassword;

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

        private boolean writable() {
            return passwordFile != null || writerUser != null;
        }

        /** Builds the server (not started). */
        public CtkgServer build() {
            if (dataset == null)
                throw new IllegalStateException("CtkgServer needs a dataset");
            // Served through the search index's wrapper, so that writes keep the index in step.
            SearchIndex search = new SearchIndex(dataset);
            DatasetGraph served = search.dataset();
            served.getContext().set(ARQ.queryTimeout, Long.toString(queryTimeoutMillis));
            AllowedServices allowed = new AllowedServices(allowedServices);
            allowed.guard(served.getContext(), queryTimeoutMillis, maxRows);
            JsonLdContexts.guardEveryReader();
            DataService.Builder service = DataService.newBuilder(served)
                    .addEndpoint(Operation.Query)
                    .addEndpoint(Operation.Query, "sparql")
                    .addEndpoint(Operation.Query, "query")
                    .addEndpoint(Operation.GSP_R)
                    .addEndpoint(Operation.GSP_R, "data");
            if (writable()) {
                // Jetty demands credentials for writes (WriterAccess); reads of /data stay open.
                service.addEndpoint(Operation.Update, "update", Auth.ANY_USER)
                       .addEndpoint(Operation.GSP_RW, "data", Auth.ANY_ANON);
            } else {
                service.addEndpoint(Operation.Update, "update", Auth.DENY_ALL);
            }
            LinkedData.Iris iris = new LinkedData.Iris(publicBase);
            CountryFacts countries = new CountryFacts(served);
            LinkedData linkedData = new LinkedData(served, iris, countries);
            BrowsePages browse = new BrowsePages(search, iris);
            FusekiServer.Builder fuseki = FusekiServer.create();
            if (keystore != null)
                fuseki.https(port, keystore.toString(), keystorePassword);
            else
                fuseki.port(port);
            fuseki.loopback(loopbackOnly)
                    .enableCors(true, null)
                    .enablePing(true)
                    .enableMetrics(true)
                    .registerOperation(Operation.Query, new CappedQuery(maxRows))
                    .registerOperation(Operation.Update, new CtkgUpdate(allowed))
                    .addFilter("/*", new SecurityHeaders())
                    .addFilter("/*", new DiscoveryFilter(new DatasetDescription(served)))
                    .addFilter("/*", new QuerySizeFilter(java.util.Set.of("/" + DATASET, "/" + DATASET + "/", "/" + DATASET + "/sparql",
                            "/" + DATASET + "/query"), maxQueryBytes))
                    .addFilter("/*", new GraphUploadFilter("/" + DATASET + "/data"))
                    .addServlet("/ui/*", new QueryUiServlet())
                    .addServlet(READY_PATH, new ReadinessServlet(readiness))
                    .addServlet("/id/*", linkedData)
                    .addServlet("/graph/*", linkedData)
                    .addServlet(LinkedData.CONTEXT_PATH, linkedData)
                    .addServlet(LOAD_PATH, new LoadService(dataset, search, writable(), maxUploadBytes))
                    .addServlet("/search", browse)
                    .addServlet("/classes/*", browse)
                    .addServlet("/map/*", new TierMapPage(countries, iris))
                    .addServlet("", browse)
                    .add(DATASET, service.build());
            for (String suffix : new String[] {"", ".html", ".ttl", ".jsonld", ".nt", ".rdf"})
                fuseki.addServlet("/ontology" + suffix, linkedData);
            if (!writable())
                fuseki.addFilter("/*", new ReadOnlyFilter("/" + DATASET + "/data"));
            if (writable()) {
                UserStore users = passwordFile != null ? JettySecurityLib.makeUserStore(passwordFile.toString())
                                                       : JettySecurityLib.makeUserStore(writerUser, writerPassword);
                fuseki.securityHandler(WriterAccess.securityHandler(REALM, users, "/" + DATASET + "/update", "/" + DATASET + "/data", LOAD_PATH));
            }
            FusekiServer built = fuseki.build();
            Server jetty = built.getJettyServer();
            // Standard access log (NCSA extended) through the logger "ctkg.access".
            Slf4jRequestLogWriter accessLog = new Slf4jRequestLogWriter();
            accessLog.setLoggerName(ACCESS_LOG);
            jetty.setRequestLog(new CustomRequestLog(accessLog, CustomRequestLog.EXTENDED_NCSA_FORMAT));
            // Graceful stop: refuse new requests, let those in flight finish (up to the stop timeout).
            jetty.setHandler(new GracefulHandler(jetty.getHandler()));
            jetty.setStopTimeout(stopTimeoutMillis);
            // Idle keep-alive connections carry no request: close them at once on stop, rather than
            // after Jetty's default second, which every stop would otherwise wait out.
            for (Connector connector : jetty.getConnectors())
                if (connector instanceof AbstractConnector c)
                    c.setShutdownIdleTimeout(IDLE_AT_STOP_MILLIS);
            return new CtkgServer(built, served);
        }
    }
}
