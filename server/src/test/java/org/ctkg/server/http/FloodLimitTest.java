package org.ctkg.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.ctkg.loader.Stores;
import org.ctkg.server.CtkgServer;
import org.ctkg.testkit.Internals;
import org.ctkg.testkit.RawHttp;
import org.ctkg.testkit.ServedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The flood limit over HTTP: ten requests a second per client (a bucket of ten), from loopback addresses 127.0.0.x. */
class FloodLimitTest {
    private static CtkgServer server;
    private static ServedData before;

    @BeforeAll
    static void start() throws Exception {
        server = CtkgServer.create().port(0).dataset(Stores.curatedScratch())
                .admission(Admission.defaults().withMaxRequestsPerSecond(10)).build().start();
        before = ServedData.of(server.baseUrl() + "/" + CtkgServer.DATASET + "/data", server.dataset());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void aFloodGets429WithRetryAfterWhileAnotherClientIsServedAndTheFlooderIsServedAgainLater() throws Exception {
        RawHttp.Response refused = null;
        long heldNanos = 0;
        for (int i = 0; i < 200 && refused == null; i++) {
            long sent = System.nanoTime();
            RawHttp.Response r = RawHttp.get("127.0.0.81", server.port(), i % 2 == 0 ? "/$/ping" : RawHttp.queryPath("ASK {}"));
            if (r.status() == 429) {
                refused = r;
                heldNanos = System.nanoTime() - sent;
            } else
                assertEquals(200, r.status(), r.raw());
        }
        assertTrue(refused != null, "200 requests at once, well over ten a second: refused");
        assertEquals("1", refused.header("Retry-After"));
        assertTrue(heldNanos >= TimeUnit.MILLISECONDS.toNanos(FloodLimit.REFUSAL_DELAY_MILLIS) * 9 / 10,
                "the refusal is held, so that a flooder slows down: " + heldNanos / 1_000_000 + " ms");
        assertTrue(refused.body().contains("Too many requests"), refused.body());
        assertTrue(refused.header("Content-Type").startsWith("text/plain"), refused.raw());
        assertEquals("nosniff", refused.header("X-Content-Type-Options"));
        Internals.assertNone(refused.body(), "the 429");
        assertEquals(200, RawHttp.get("127.0.0.82", server.port(), "/$/ping").status(), "another client is served");
        // The bucket drains at ten a second: the flooder is served again once it slows down.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int status;
        do {
            TimeUnit.MILLISECONDS.sleep(500);
            status = RawHttp.get("127.0.0.81", server.port(), "/$/ping").status();
        } while (status != 200 && System.nanoTime() < deadline);
        assertEquals(200, status);
        before.assertUnchanged("the data is unchanged");
    }
}
