package org.ctkg.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.fuseki.FusekiException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.ctkg.loader.Store;
import org.ctkg.loader.Stores;
import org.ctkg.loader.cube.CaseCounts;
import org.ctkg.ontology.Ids;
import org.ctkg.replication.PublishingDataset;
import org.ctkg.replication.Replica;
import org.ctkg.replication.Replication;
import org.ctkg.replication.ReplicaStore;
import org.ctkg.replication.ReplicationException;
import org.ctkg.replication.Settings;
import org.ctkg.server.CtkgServer;
import org.ctkg.server.Defaults;
import org.ctkg.server.http.Admission;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code ctkg serve}: the SPARQL endpoint over the curated graph, or over a store. */
@CommandLine.Command(name = "serve",
        defaultValueProvider = ServeConfig.class,
        customSynopsis = {"ctkg serve [--config FILE] [--loc DIR] [--port N] [--timeout SECONDS] [--max-rows N] [--passwd FILE]",
                "                  [--base IRI] [--allow-service URL]... [--max-upload-bytes N] [--cache-size MB] [--localhost]",
                "                  [--query-budget SECONDS] [--max-concurrent-queries N] [--trusted-proxy ADDR]...",
                "                  [--max-running-queries N] [--max-queue-wait SECONDS] [--max-requests-per-second N] [--idle-timeout SECONDS]",
                "                  [--readers FILE [--reader-log DIR] [--reader-log-days N]]",
                "                  [--https KEYSTORE [--https-password-file FILE]] [--releases DIR]",
                "                  [--publish-to HOST:PORT | --replica-of HOST:PORT] [--topic NAME] [--max-read-wait SECONDS]",
                "                  [--kafka-timeout SECONDS]"},
        description = {"serve the knowledge graph over HTTP (SPARQL at /ctkg/sparql)",
                "",
                "Serves the curated graph read-only from a scratch store that is gone when it stops, or the TDB2 store at DIR."},
        footer = {"",
                "Environment: CTKG_WRITER_USER and CTKG_WRITER_PASSWORD let that one user write instead of --passwd.",
                "Without either, the server is read-only: writes are refused and the data is untouched.",
                "CTKG_HTTPS_PASSWORD is the --https keystore's password when no --https-password-file is given.",
                "Health: /$/ping. Prometheus metrics: /$/metrics.",
                "",
                "Services: /ctkg/sparql and /ctkg/query (SPARQL 1.1 query, with text:query full-text search),",
                "/ctkg/data (Graph Store Protocol, read). Pages: / (home), /search, /id/..., /ontology, /ui/ (query UI),",
                "/downloads (the releases of --releases DIR).",
                "JSON-LD context: /context.jsonld."})
final class ServeCommand extends Command {
    /** The longest query timeout, in seconds: a day. */
    private static final int MAX_TIMEOUT = 24 * 3600;

    @Option(names = "--config", paramLabel = "FILE", description = "read settings from a properties file, "
            + "named like the options (port = 8080, localhost = true, ...); options on the command line win; an unknown name is an error")
    Path config;

    @Option(names = "--loc", paramLabel = "DIR", description = "serve this store (made with ctkg load) instead of the curated graph")
    Path loc;

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + Defaults.PORT, description = "HTTP port (default ${DEFAULT-VALUE}; 0 picks a free one)")
    int port;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "" + Defaults.QUERY_TIMEOUT_SECONDS,
            description = "longest a query may run (default ${DEFAULT-VALUE}, at most " + MAX_TIMEOUT + ")")
    int timeout;

    @Option(names = "--max-rows", paramLabel = "N", defaultValue = "" + Defaults.MAX_ROWS, description = "the most rows an anonymous query gets "
            + "(default ${DEFAULT-VALUE}; 0 for no cap); a capped response carries the header X-Ctkg-Row-Cap")
    long maxRows;

    @Option(names = "--max-query-bytes", paramLabel = "N", defaultValue = "" + Defaults.MAX_QUERY_BYTES,
            description = "the largest query request body accepted (default ${DEFAULT-VALUE}); larger: HTTP 413")
    long maxQueryBytes;

    @Option(names = "--query-budget", paramLabel = "SECONDS", defaultValue = "" + Defaults.QUERY_BUDGET_SECONDS,
            description = "the query time each anonymous client may spend per minute (default ${DEFAULT-VALUE}: one query "
            + "running at all times; 0 for no budget); past it: HTTP 429 with Retry-After")
    int queryBudget;

    @Option(names = "--max-concurrent-queries", paramLabel = "N", defaultValue = "" + Defaults.MAX_CONCURRENT_QUERIES,
            description = "the most queries one anonymous client may run at once (default ${DEFAULT-VALUE}; 0 for no bound); "
            + "more: HTTP 429 with Retry-After")
    int maxConcurrentQueries;

    @Option(names = "--max-running-queries", paramLabel = "N", description = "the most anonymous queries running at once across "
            + "clients (default " + Admission.RUNNING_QUERIES_PER_CORE + " per core; 0 for no bound); the others wait their turn, least "
            + "recent query time first, and clients over their share of it share one place in sixteen; a query that uses a "
            + "second of CPU while those are taken is stopped (HTTP 429)")
    Integer maxRunningQueries;

    @Option(names = "--max-queue-wait", paramLabel = "SECONDS", defaultValue = "" + Admission.MAX_QUEUE_WAIT_SECONDS,
            description = "the longest a query waits for its turn (default ${DEFAULT-VALUE}); then HTTP 429 with Retry-After for a "
            + "client over its share, 503 for the others")
    int maxQueueWait;

    @Option(names = "--max-requests-per-second", paramLabel = "N", defaultValue = "" + Admission.MAX_REQUESTS_PER_SECOND,
            description = "the most requests per second from one client, of any kind, in bursts of as many (default ${DEFAULT-VALUE}; "
            + "0 for no limit); more: HTTP 429 with Retry-After")
    int maxRequestsPerSecond;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "" + Admission.IDLE_TIMEOUT_SECONDS,
            description = "close a connection on which nothing arrives for this long, as from a sender stalled in the middle of a "
            + "request (default ${DEFAULT-VALUE}); a query body cut off so gets HTTP 408")
    int idleTimeout;

    @Option(names = "--trusted-proxy", paramLabel = "ADDR", split = "[,\\s]+", description = "a reverse proxy in front of the "
            + "server (an IP address or CIDR range): for its requests, the client is X-Forwarded-For's last hop; repeatable "
            + "(in --config: separated by commas or spaces); by default none: the client is the address that connected")
    List<String> trustedProxy = new ArrayList<>();

    @Option(names = "--base", paramLabel = "IRI", defaultValue = Ids.BASE, description = "the public base of the IRIs this server "
            + "dereferences: {base}id/... answers at /id/..., {base}graph/... at /graph/... (default ${DEFAULT-VALUE})")
    String base;

    @Option(names = "--allow-service", paramLabel = "URL", split = "[,\\s]+", description = "let queries (SERVICE) and updates (LOAD) "
            + "reach endpoints under this URL prefix; repeatable (in --config: URLs separated by commas or spaces); by default none: "
            + "the server sends no request on a client's behalf")
    List<String> allowService = new ArrayList<>();

    @Option(names = "--max-upload-bytes", paramLabel = "N", defaultValue = "" + Defaults.MAX_UPLOAD_BYTES, description = "the most bytes a live load "
            + "job may send, a zip counted as what it expands to (default ${DEFAULT-VALUE}); larger: HTTP 413")
    long maxUploadBytes;

    @Option(names = "--cache-size", paramLabel = "MB", defaultValue = "" + (Defaults.CACHE_BYTES >> 20), description = "keep whole "
            + "answers to queries and pages, up to this many MiB in all (each at most 1 MiB), until the store is next written to "
            + "(default ${DEFAULT-VALUE}; 0: none kept); answers carry the header X-Ctkg-Cache: hit or miss")
    long cacheSize;

    @Option(names = "--min-cell", paramLabel = "K", defaultValue = "" + CaseCounts.DEFAULT_MIN_CELL, description = "the threshold of the "
            + "published case counts that live loads into restricted graphs, and writers' updates of them, recompute: a count under K is suppressed (default ${DEFAULT-VALUE}; at least 2)")
    int minCell;

    @Option(names = "--localhost", description = "listen on the loopback interface only (default: all interfaces)")
    boolean localhost;

    @Option(names = "--passwd", paramLabel = "FILE", description = "let the users of this password file "
            + "('user: password' lines) write: SPARQL Update on /ctkg/update, Graph Store writes on /ctkg/data (HTTP Basic)")
    Path passwd;

    @Option(names = "--readers", paramLabel = "FILE", description = "let the readers of this file ('name: password restricted' "
            + "or 'name: password GRAPH-IRI...' lines) see the restricted graphs they are allowed, with HTTP Basic on the same routes; "
            + "by default restricted graphs are seen by writers only (docs/privacy.md)")
    Path readers;

    @Option(names = "--reader-log", paramLabel = "DIR", defaultValue = "ctkg-reader-log", description = "where readers' requests are "
            + "logged, without their text: a file per day (default ${DEFAULT-VALUE}, in the working directory)")
    Path readerLog;

    @Option(names = "--reader-log-days", paramLabel = "N", defaultValue = "30",
            description = "how many days the reader log keeps (default ${DEFAULT-VALUE}); older days' files are deleted")
    int readerLogDays;

    @Option(names = "--https", paramLabel = "KEYSTORE", description = "serve HTTPS (only) on the port, with the key and "
            + "certificate in this keystore (PKCS12 or JKS); its password from --https-password-file or CTKG_HTTPS_PASSWORD")
    Path https;

    @Option(names = "--https-password-file", paramLabel = "FILE", description = "the --https keystore's password: the first line "
            + "of this file (so that it is not on the command line, where other users of the machine could read it)")
    Path httpsPasswordFile;

    @Option(names = "--releases", paramLabel = "DIR", description = "offer the releases in this directory (what ctkg release --out DIR "
            + "writes into) at /downloads, with their files, checksums and changes, in the home page's dataset markup and in each "
            + "resource's history and citation; default none")
    Path releases;

    @Option(names = "--publish-to", paramLabel = "HOST:PORT", description = "publish every committed write to this Kafka "
            + "cluster, before the store commits it, for replicas to apply (needs --loc); a write Kafka does not take fails and changes nothing")
    String publishTo;

    @Option(names = "--replica-of", paramLabel = "HOST:PORT", description = "serve read-only a replica of the writer publishing to this "
            + "Kafka cluster: apply its log to the store at --loc, each job whole; the place in the log is kept in DIR.position")
    String replicaOf;

    @Option(names = "--topic", paramLabel = "NAME", defaultValue = Settings.DEFAULT_TOPIC,
            description = "the Kafka topic of --publish-to or --replica-of (default ${DEFAULT-VALUE})")
    String topic;

    @Option(names = "--max-read-wait", paramLabel = "SECONDS", defaultValue = "10",
            description = "on a replica, how long a read that names a log position (header X-Ctkg-Min-Log-Position, the "
            + "X-Ctkg-Log-Position of the writer's answer to a write) waits for the replica to apply the log that far; "
            + "then 503 (default ${DEFAULT-VALUE})")
    int maxReadWait;

    @Option(names = "--kafka-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "the bound on each call to Kafka of --publish-to or --replica-of: a start that cannot reach it, or a "
            + "write it does not take, fails after this long (default ${DEFAULT-VALUE})")
    int kafkaTimeout;

    ServeCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    public Integer call() {
        if (timeout < 1 || timeout > MAX_TIMEOUT)
            throw usage("--timeout must be between 1 and " + MAX_TIMEOUT + " seconds, got " + timeout);
        WriterCredentials writer = WriterCredentials.fromEnvironment();
        CtkgServer.Builder builder = CtkgServer.create().queryTimeoutMillis(timeout * 1000L).loopbackOnly(localhost);
        try {
            builder.port(port).maxRows(maxRows).maxQueryBytes(maxQueryBytes).maxUploadBytes(maxUploadBytes).publicBase(base).minCell(minCell);
            if (cacheSize < 0 || cacheSize > Long.MAX_VALUE >> 20)
                throw usage("--cache-size must be 0 (none) or a number of MiB, got " + cacheSize);
            builder.cacheBytes(cacheSize << 20);
            allowService.forEach(builder::allowService);
            if (queryBudget < 0)
                throw usage("--query-budget must be 0 (none) or a number of seconds per minute, got " + queryBudget);
            builder.queryBudget(Duration.ofSeconds(queryBudget), Duration.ofSeconds(Defaults.QUERY_BUDGET_WINDOW_SECONDS))
                   .maxConcurrentQueries(maxConcurrentQueries);
            trustedProxy.forEach(builder::trustedProxy);
            builder.admission(admission());
            if (passwd != null)
                builder.passwordFile(passwd);
            else if (writer.password() != null)
                builder.writer(writer.user(), writer.password());
            if (releases != null)
                builder.releases(releases);
            if (readers != null)
                builder.readers(readers).readerLog(readerLog, readerLogDays);
            if (https != null)
                builder.https(https, KeystorePassword.read(httpsPasswordFile, "CTKG_HTTPS_PASSWORD"));
            else if (httpsPasswordFile != null)
                throw usage("--https-password-file is the password of the --https keystore; give --https KEYSTORE too");
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        boolean writable = passwd != null || writer.password() != null;
        Settings replication = replicationSettings(writable);
        if ((writable || readers != null) && https == null && !localhost)
            err.println("ctkg serve: warning: " + (writable ? "writers'" : "readers'") + " passwords will cross the network in clear: serve with --https KEYSTORE, "
                        + "or behind a TLS proxy with --localhost");
        DatasetGraph dsg = loc != null ? Store.openExisting(loc).dataset() : Stores.curatedScratch();
        PublishingDataset publishing = publishTo != null ? writer(dsg, replication) : null;
        ReplicaLog replicaLog = new ReplicaLog();
        if (replicaOf != null)
            builder.readiness(replicaLog).replicationLog(replicaLog, Duration.ofSeconds(maxReadWait));
        else if (publishing != null)
            builder.replicationLog(new WriterLog(publishing.publisher()), Duration.ofSeconds(maxReadWait));
        CtkgServer server;
        Replica replica = null;
        try {
            server = builder.dataset(publishing != null ? publishing : dsg).build();
            if (replicaOf != null) {
                // Applied in a transaction of the served dataset, so that search and the descriptions follow
                // each job; the quads search does not watch go in sorted batches into the store under it.
                replica = Replication.replica(new ReplicaStore(server.dataset(), dsg, server.watchedPredicates()), replication,
                                              Replication.positionFileOf(loc));
                replicaLog.follow(replica);
            }
            server.start();
        } catch (FusekiException e) {
            throw startFailure(e);
        }
        CtkgServer started = server;
        AutoCloseable log = replica != null ? replica : publishing;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            started.stop();
            closeQuietly(log);
        }, "ctkg-shutdown"));
        out.println("ctkg serving on " + server.baseUrl() + "  (SPARQL: " + server.sparqlUrl() + ")"
                    + (writable ? "; writes need credentials" : "; read-only")
                    + (publishTo != null ? "; publishing to " + publishTo + " topic " + topic : "")
                    + (replicaOf != null ? "; a replica of " + replicaOf + " topic " + topic : ""));
        server.join();
        return 0;
    }

    /** The bounds across clients, from their options. */
    private Admission admission() {
        if (idleTimeout < 1)
            throw usage("--idle-timeout must be a positive number of seconds, got " + idleTimeout);
        Admission defaults = Admission.defaults();
        return defaults.withMaxRunningQueries(maxRunningQueries != null ? maxRunningQueries : defaults.maxRunningQueries())
                .withMaxQueueWait(Duration.ofSeconds(maxQueueWait)).withMaxRequestsPerSecond(maxRequestsPerSecond)
                .withIdleTimeout(Duration.ofSeconds(idleTimeout));
    }

    /** The Kafka settings of --publish-to or --replica-of, checked against the other options; null when neither. */
    private Settings replicationSettings(boolean writable) {
        if (maxReadWait < 1)
            throw usage("--max-read-wait must be a positive number of seconds, got " + maxReadWait);
        if (kafkaTimeout < 1)
            throw usage("--kafka-timeout must be a positive number of seconds, got " + kafkaTimeout);
        if (publishTo == null && replicaOf == null)
            return null;
        if (publishTo != null && replicaOf != null)
            throw usage("--publish-to and --replica-of exclude each other: a server either writes or follows a writer");
        if (loc == null)
            throw usage((publishTo != null ? "--publish-to" : "--replica-of") + " needs --loc DIR: a store of its own that outlives the server");
        if (replicaOf != null && writable)
            throw usage("a replica takes no writes (only the writer's log changes it): drop --passwd and CTKG_WRITER_PASSWORD, or serve without --replica-of");
        try {
            return Settings.of(publishTo != null ? publishTo : replicaOf).withTopic(topic).withTimeout(Duration.ofSeconds(kafkaTimeout));
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    /**
     * The store as the topic's writer, once it has caught up with the log from its place in it
     * (DIR.position): after a crash between Kafka's commit and the store's, or when a replica's
     * store is promoted.
     */
    private PublishingDataset writer(DatasetGraph dsg, Settings replication) {
        try {
            return Replication.writer(dsg, replication, Replication.positionFileOf(loc));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplicationException("interrupted while catching up with Kafka topic " + replication.topic(), e);
        }
    }

    /** A server that cannot start with the given keystore is the operator's mistake (exit 2); anything else is not. */
    private RuntimeException startFailure(FusekiException e) {
        return https == null ? e : usage("cannot serve HTTPS with the keystore " + https + ": " + e.getMessage());
    }

    private static void closeQuietly(AutoCloseable log) {
        if (log == null)
            return;
        try {
            log.close();
        } catch (Exception e) {
            // stopping anyway: the position file or the producer's state is what it last was
        }
    }
}
