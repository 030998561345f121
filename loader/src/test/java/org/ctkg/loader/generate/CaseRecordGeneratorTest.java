package org.ctkg.loader.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The names of generated records: enumerable by default, keyed hashes with an id key. */
class CaseRecordGeneratorTest {
    private static final Pattern SUBJECT = Pattern.compile("^<https://w3id.org/ctkg/id/case/([^>]+)>", Pattern.MULTILINE);

    private static List<String> names(CaseRecordGenerator g) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        g.write(out, 2000);
        Matcher m = SUBJECT.matcher(out.toString(StandardCharsets.UTF_8));
        List<String> names = new java.util.ArrayList<>();
        while (m.find())
            if (names.isEmpty() || !names.get(names.size() - 1).equals(m.group(1)))
                names.add(m.group(1));
        return names;
    }

    @Test
    void byDefaultRecordsAreNamedBySeedAndNumber() throws Exception {
        List<String> names = names(new CaseRecordGenerator(7));
        assertEquals("s7-0", names.get(0));
        assertEquals("s7-1", names.get(1));
    }

    @Test
    void withAKeyNamesAreKeyedHashesThatGiveNothingAway() throws Exception {
        byte[] key = "a key of thirty-two bytes, made!".getBytes(StandardCharsets.UTF_8);
        List<String> names = names(new CaseRecordGenerator(7).opaqueIds(key));
        assertTrue(names.stream().allMatch(n -> n.matches("r-[a-z2-7]{26}")), names.subList(0, 3).toString());
        Set<String> distinct = names.stream().collect(Collectors.toSet());
        assertEquals(names.size(), distinct.size(), "one name per record");
        assertEquals(names, names(new CaseRecordGenerator(7).opaqueIds(key)), "the same key names them alike");
        assertNotEquals(names.get(0), names(new CaseRecordGenerator(7).opaqueIds("another key".getBytes(StandardCharsets.UTF_8))).get(0));
    }
}
