package org.ctkg.server.replication;

import java.time.Duration;
import java.util.Set;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.rdf.model.Model;
import org.ctkg.server.web.ServerMeters;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Replication over HTTP, as a Fuseki module: a writer stamps its answers with the log position
 * ({@link PositionOfWrites}), a replica holds reads that name a position until it has applied it
 * ({@link ReadYourWrites}), and both put the log's figures in Fuseki's {@code /$/metrics}.
 */
public final class ReplicationModule implements FusekiModule {
    /** The header of a writer's answers: the log position it had reached. */
    public static final String POSITION_HEADER = "X-Ctkg-Log-Position";
    /** The header of a read on a replica: answer once the log is applied up to here. */
    public static final String MIN_POSITION_HEADER = "X-Ctkg-Min-Log-Position";

    private final ReplicationLog log;
    private final Duration maxWait;
    private final ServerMeters meters = new ServerMeters();

    public ReplicationModule(ReplicationLog log, Duration maxWait) {
        this.log = log;
        this.maxWait = maxWait;
    }

    @Override
    public String name() {
        return "ctkg replication";
    }

    @Override
    public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
        builder.addFilter("/*", log.role() == ReplicationLog.Role.WRITER ? new PositionOfWrites(log) : new ReadYourWrites(log, maxWait));
    }

    @Override
    public void server(FusekiServer server) {
        MeterRegistry registry = meters.of(server);
        if (registry == null)
            return;
        String role = log.role().name().toLowerCase();
        meters.add(Gauge.builder("ctkg.log.position", log, ReplicationLog::position).tag("role", role)
                .description("the log position just after the last change published (writer) or applied (replica)").register(registry));
        meters.add(FunctionCounter.builder("ctkg.log.transactions", log, ReplicationLog::transactions).tag("role", role)
                .description("store transactions published (writer) or applied (replica) since the start").register(registry));
        if (log.role() == ReplicationLog.Role.REPLICA) {
            meters.add(Gauge.builder("ctkg.replica.lag", log, ReplicationLog::lag).baseUnit("records")
                    .description("records between this replica's position and the end of the log; -1 before the first look").register(registry));
            meters.add(FunctionCounter.builder("ctkg.replica.apply", log, l -> l.applyNanos() / 1e9).baseUnit("seconds")
                    .description("time spent applying store transactions since the start").register(registry));
        }
    }

    /** Fuseki's registry is the JVM's: a stopped server's log leaves it, so that another server's can enter. */
    @Override
    public void serverStopped(FusekiServer server) {
        meters.remove();
    }
}
