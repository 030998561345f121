package org.ctkg.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The cluster ids a broker's storage is formatted with: Base64url of 16 bytes, never one the storage tool would take for an option. */
class ClusterIdTest {
    @Test
    void noIdStartsWithADashAndEachIsNew() {
        Set<String> seen = new HashSet<>();
        // One random id in 64 starts with '-': among 20,000 some 300 would, were they not drawn again.
        for (int i = 0; i < 20_000; i++) {
            String id = KafkaBroker.clusterId();
            assertFalse(id.startsWith("-"), id);
            assertEquals(22, id.length(), id);
            assertTrue(id.matches("[A-Za-z0-9_-]+"), id);
            assertTrue(seen.add(id), "a new id each time: " + id);
        }
    }
}
