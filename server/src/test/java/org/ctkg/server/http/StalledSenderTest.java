package org.ctkg.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.ctkg.loader.Stores;
import org.ctkg.server.CtkgServer;
import org.ctkg.testkit.Internals;
import org.ctkg.testkit.RawHttp;
import org.ctkg.testkit.ServedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A sender that stops in the middle of a query body: the idle timeout (one second here; the
 * query timeout, which bounds a trickling body, is the default 30 s) closes its connection, and
 * other clients are served meanwhile.
 */
class StalledSenderTest {
    private static CtkgServer server;
    private static ServedData before;

    @BeforeAll
    static void start() throws Exception {
        server = CtkgServer.create().port(0).dataset(Stores.curatedScratch())
                .admission(Admission.defaults().withIdleTimeout(Duration.ofSeconds(1))).build().start();
        before = ServedData.of(server.baseUrl() + "/" + CtkgServer.DATASET + "/data", server.dataset());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void aSenderThatStallsMidBodyIsCutOffAfterTheIdleTimeoutAndOthersAreServed() throws Exception {
        try (RawHttp stalled = RawHttp.connect("127.0.0.91", server.port())) {
            stalled.send("POST /ctkg/sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nContent-Length: 1000\r\n\r\n"
                    + "SELECT * {");
            long stalledAt = System.nanoTime();
            assertEquals(200, RawHttp.get("127.0.0.92", server.port(), RawHttp.queryPath("ASK {}")).status(), "another client meanwhile");
            RawHttp.Response r = stalled.read(); // until the server closes the connection (the read fails after 60 s)
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - stalledAt);
            assertTrue(seconds < 15, "closed within 15 s of the stall (the idle timeout is 1 s; the query timeout 30 s): " + seconds + " s");
            assertEquals(408, r.status(), r.raw());
            Internals.assertNone(r.body(), "the answer to the stalled sender");
        }
        assertEquals(200, RawHttp.get("127.0.0.91", server.port(), RawHttp.queryPath("ASK {}")).status(), "the stalled sender's address is served again");
        before.assertUnchanged("the data is unchanged");
    }
}
