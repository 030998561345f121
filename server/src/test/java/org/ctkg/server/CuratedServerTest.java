package org.ctkg.server;

import org.ctkg.loader.Stores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Base of the tests that query the real server, on a free port, serving the curated graph read-only. */
public abstract class CuratedServerTest {
    public static CtkgServer server;

    @BeforeAll
    static void startCuratedServer() {
        server = CtkgServer.create().port(0).dataset(Stores.curatedScratch()).build().start();
    }

    @AfterAll
    static void stopCuratedServer() {
        server.stop();
    }
}
