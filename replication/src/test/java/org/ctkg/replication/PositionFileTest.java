package org.ctkg.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PositionFileTest {
    @TempDir
    Path dir;

    @Test
    void aReplicaWithoutAFileStartsAtTheLogsStart() {
        assertEquals(0, new PositionFile(dir.resolve("replica.position"), "ctkg").read());
    }

    @Test
    void thePositionWrittenIsReadBackAndNoTemporaryFileStays() {
        PositionFile file = new PositionFile(dir.resolve("replica.position"), "ctkg");
        file.write(41);
        file.write(42);
        assertEquals(42, new PositionFile(dir.resolve("replica.position"), "ctkg").read());
        assertFalse(Files.exists(dir.resolve("replica.position.tmp")));
    }

    @Test
    void anotherTopicsPositionIsRefused() {
        new PositionFile(dir.resolve("replica.position"), "ctkg").write(7);
        ReplicationException e = assertThrows(ReplicationException.class, () -> new PositionFile(dir.resolve("replica.position"), "other").read());
        assertTrue(e.getMessage().contains("topic ctkg, not of other"), e.getMessage());
    }
}
