package org.ctkg.server.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The readers' file and the log of their requests. */
class ReaderLogTest {
    @TempDir
    Path tmp;

    private List<String> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void daysPastTheRetentionAreDeletedAndOtherFilesLeftAlone() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("log"));
        for (String f : List.of("readers-2026-11-01.log", "readers-2026-11-25.log", "readers-2026-11-26.log", "notes.txt"))
            Files.writeString(dir.resolve(f), "old\n");
        ReaderLog log = new ReaderLog(dir, 7, Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC));
        log.record("alice", "GET", "/search", 200, 5);
        assertEquals(List.of("notes.txt", "readers-2026-11-26.log", "readers-2026-12-02.log"), files(dir));
        String line = Files.readString(dir.resolve("readers-2026-12-02.log"));
        assertEquals("2026-12-02T10:00:00Z\talice\tGET\t/search\t200\t5\n", line);
    }

    @Test
    void fieldsCannotForgeLines() throws Exception {
        ReaderLog log = new ReaderLog(tmp.resolve("log"), 1, Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC));
        log.record("alice", "GET", "/id/x\nforged\tline", 404, 1);
        assertEquals(1, Files.readAllLines(tmp.resolve("log/readers-2026-12-02.log")).size());
    }

    @Test
    void readersAreReadWithTheirAccessAndBadLinesNamed() throws Exception {
        Path file = Files.writeString(tmp.resolve("readers"), "# who\n\nalice: a-pw restricted\nbob: b-pw https://example.org/g\n");
        Readers readers = Readers.read(file);
        assertNotNull(readers.authenticate("alice", "a-pw"));
        assertNull(readers.authenticate("alice", "b-pw"));
        assertNull(readers.authenticate("carol", "a-pw"));
        assertTrue(readers.authenticate("alice", "a-pw").seesEverything());
        assertFalse(readers.authenticate("bob", "b-pw").seesEverything());
        for (String bad : List.of("carol\n", "carol: pw\n", "carol: pw not-an-iri\n", "alice: x restricted\nalice: y restricted\n")) {
            Path f = Files.writeString(tmp.resolve("bad"), "# first\n" + bad);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Readers.read(f));
            assertTrue(e.getMessage().startsWith(f + ":2: ") || e.getMessage().startsWith(f + ":3: "), e.getMessage());
        }
    }
}
