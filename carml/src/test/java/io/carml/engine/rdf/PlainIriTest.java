package io.carml.engine.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.List;
import java.util.Random;

import io.carml.util.RdfValues;
import org.eclipse.rdf4j.common.net.ParsedIRI;
import org.junit.jupiter.api.Test;

/**
 * The patched term generator factory skips RDF4J's IRI parser for IRIs it calls plain: that is
 * only right if the parser would have accepted each of them unchanged.
 */
class PlainIriTest {
    private static final String ALPHABET = "abcXYZ019:/?#@%-._~!$&'()*+,;=[] \"<>\\^`{|}é\u00a0AF";

    @Test
    void everyPlainIriIsOneTheParserAcceptsUnchanged() {
        Random random = new Random(20261127);
        int plain = 0;
        for (int n = 0; n < 300_000; n++) {
            String s = randomIri(random);
            if (RdfTermGeneratorFactory.isPlainAbsoluteIri(s)) {
                plain++;
                assertTrue(RdfValues.isValidIri(s), s);
                assertEquals(s, ParsedIRI.create(s).toString(), s);
                assertEquals(s, Normalizer.normalize(s, Normalizer.Form.NFC), s);
                assertEquals(s, Normalizer.normalize(s, Normalizer.Form.NFKC), s);
            }
        }
        assertTrue(plain > 10_000, "too few plain IRIs drawn to test anything: " + plain);
    }

    @Test
    void ctkgsOwnIrisArePlainAndOddOnesAreLeftToTheParser() {
        for (String s : List.of("https://w3id.org/ctkg/id/goods-finding/afg-bricks",
                "https://w3id.org/ctkg/id/good/cotton%20seed", "http://example.org/a?b=c#d", "urn://x"))
            assertTrue(RdfTermGeneratorFactory.isPlainAbsoluteIri(s), s);
        for (String s : List.of("https://w3id.org/ctkg/id/good/cotton seed", "https://w3id.org/a#b#c", "relative/path",
                "http://127.0.0.1/x", "http://host:8080/x", "http://user@host/x", "jar:file://x/y!/z",
                "https://w3id.org/caf\u00e9", "https://w3id.org/%4", "urn:isbn:123", ""))
            assertFalse(RdfTermGeneratorFactory.isPlainAbsoluteIri(s), s);
    }

    /** Strings shaped like IRIs: a scheme, often "//" and a host, then characters drawn mostly from IRI syntax. */
    private static String randomIri(Random random) {
        StringBuilder s = new StringBuilder();
        s.append(random.nextInt(10) == 0 ? "j" : "h").append(random.nextInt(10) == 0 ? "ar" : "ttps");
        s.append(random.nextInt(20) == 0 ? "" : ":");
        if (random.nextInt(10) != 0)
            s.append("//");
        s.append(random.nextInt(10) == 0 ? "1.2" : "w3id.org");
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            if (random.nextInt(4) == 0) {
                s.append('/');
            } else if (random.nextInt(12) == 0) {
                s.append('%').append("0aF9gZ".charAt(random.nextInt(6))).append("0aF9gZ".charAt(random.nextInt(6)));
            } else {
                s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
        }
        return s.toString();
    }
}
