package org.ctkg.server.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.ctkg.loader.Stores;
import org.ctkg.server.CtkgServer;
import org.junit.jupiter.api.Test;

/**
 * The HTTP face of replication, over a log whose position the test moves (the Kafka log itself is
 * tested in the replication and cli modules): a writer's answers to writes carry its position; a
 * replica holds a read that names a position until it gets there, and refuses it after the bound;
 * both show the log in {@code /$/metrics}.
 */
class ReplicationHttpTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    /** A log standing where the test puts it; counts the reads waiting on it. */
    private static final class MovableLog implements ReplicationLog {
        private final Role role;
        private long position;
        private int waiting;

        MovableLog(Role role, long position) {
            this.role = role;
            this.position = position;
        }

        synchronized void moveTo(long p) {
            position = p;
            notifyAll();
        }

        synchronized void awaitWaiting(int n) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (waiting < n && System.nanoTime() < deadline)
                wait(100);
            assertEquals(n, waiting, "reads waiting for the log");
        }

        @Override
        public Role role() {
            return role;
        }

        @Override
        public synchronized long position() {
            return position;
        }

        @Override
        public synchronized boolean awaitPosition(long target, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            waiting++;
            notifyAll();
            try {
                while (position < target) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0)
                        return false;
                    wait(Math.max(1, left / 1_000_000));
                }
                return true;
            } finally {
                waiting--;
            }
        }

        @Override
        public long lag() {
            return role == Role.WRITER ? 0 : 3;
        }

        @Override
        public long transactions() {
            return 17;
        }

        @Override
        public long applyNanos() {
            return role == Role.WRITER ? 0 : 2_500_000_000L;
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder query(CtkgServer server, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.sparqlUrl() + "?query=ASK%7B%7D"));
        return headers.length == 0 ? b : b.headers(headers);
    }

    @Test
    void aWritersAnswersToWritesCarryItsLogPositionAndReadsDoNot() throws Exception {
        MovableLog log = new MovableLog(ReplicationLog.Role.WRITER, 41);
        CtkgServer server = CtkgServer.create().port(0).dataset(Stores.curatedScratch()).writer("alice", "s3cret")
                .replicationLog(log, Duration.ofSeconds(5)).build().start();
        try {
            String auth = "Basic " + Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> update = send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/ctkg/update"))
                    .header("Authorization", auth).header("Content-Type", "application/sparql-update")
                    .POST(HttpRequest.BodyPublishers.ofString("INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> <urn:c> } }")));
            assertEquals(204 / 100, update.statusCode() / 100, update.body());
            assertEquals("41", update.headers().firstValue(ReplicationModule.POSITION_HEADER).orElse(null));

            log.moveTo(42);
            HttpResponse<String> put = send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/ctkg/data?graph=urn:h"))
                    .header("Authorization", auth).header("Content-Type", "text/turtle")
                    .PUT(HttpRequest.BodyPublishers.ofString("<urn:a> <urn:b> <urn:d> .")));
            assertEquals(2, put.statusCode() / 100, put.body());
            assertEquals("42", put.headers().firstValue(ReplicationModule.POSITION_HEADER).orElse(null), "a Graph Store write too");

            HttpResponse<String> read = send(query(server));
            assertEquals(200, read.statusCode());
            assertTrue(read.headers().firstValue(ReplicationModule.POSITION_HEADER).isEmpty(), "a read changes nothing: no position");

            String metrics = send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/$/metrics"))).body();
            assertTrue(metrics.contains("ctkg_log_position{application=\"fuseki\",role=\"writer\"} 42.0"), metrics);
            assertTrue(metrics.contains("ctkg_log_transactions_total{application=\"fuseki\",role=\"writer\"} 17.0"), metrics);
            assertFalse(metrics.contains("ctkg_replica_lag"), "a writer has no lag");
        } finally {
            server.stop();
        }
    }

    @Test
    void aReplicaHoldsAReadThatNamesALaterPositionUntilItHasAppliedItThenAnswers() throws Exception {
        MovableLog log = new MovableLog(ReplicationLog.Role.REPLICA, 5);
        CtkgServer server = CtkgServer.create().port(0).dataset(Stores.curatedScratch())
                .replicationLog(log, Duration.ofMinutes(2)).build().start();
        try {
            assertEquals(200, send(query(server, ReplicationModule.MIN_POSITION_HEADER, "5")).statusCode(), "a position already applied");
            CompletableFuture<HttpResponse<String>> later = CLIENT.sendAsync(query(server, ReplicationModule.MIN_POSITION_HEADER, "9").build(),
                    HttpResponse.BodyHandlers.ofString());
            log.awaitWaiting(1);
            assertFalse(later.isDone(), "the read waits for the replica");
            log.moveTo(9);
            HttpResponse<String> answer = later.get(60, TimeUnit.SECONDS);
            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("true"), answer.body());

            String metrics = send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/$/metrics"))).body();
            assertTrue(metrics.contains("ctkg_log_position{application=\"fuseki\",role=\"replica\"} 9.0"), metrics);
            assertTrue(metrics.contains("ctkg_replica_lag_records{application=\"fuseki\"} 3.0"), metrics);
            assertTrue(metrics.contains("ctkg_replica_apply_seconds_total{application=\"fuseki\"} 2.5"), metrics);
        } finally {
            server.stop();
        }
    }

    @Test
    void aReplicaRefusesAReadItCannotAnswerInTimeAndABadPosition() throws Exception {
        MovableLog log = new MovableLog(ReplicationLog.Role.REPLICA, 5);
        CtkgServer server = CtkgServer.create().port(0).dataset(Stores.curatedScratch())
                .replicationLog(log, Duration.ofMillis(200)).build().start();
        try {
            HttpResponse<String> behind = send(query(server, ReplicationModule.MIN_POSITION_HEADER, "12"));
            assertEquals(503, behind.statusCode());
            assertEquals("1", behind.headers().firstValue("Retry-After").orElse(null));
            assertTrue(behind.body().contains("up to position 5, not yet 12"), behind.body());

            HttpResponse<String> bad = send(query(server, ReplicationModule.MIN_POSITION_HEADER, "soon"));
            assertEquals(400, bad.statusCode());
            assertTrue(bad.body().contains("X-Ctkg-Min-Log-Position must be a log position"), bad.body());

            assertEquals(200, send(query(server)).statusCode(), "a read that names no position is answered at once");
        } finally {
            server.stop();
        }
    }
}
