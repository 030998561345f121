package org.ctkg.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import org.ctkg.loader.source.RdfFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bad-input corpus ({@code bad/}): each file fails with its kind (and so its exit code) and a
 * message naming the file and the place or value at fault, and the store is exactly as before.
 */
class BadInputTest {
    @TempDir
    Path tmp;
    private Path loc;
    private List<String> before;

    @BeforeEach
    void storeWithContent() {
        loc = TemplateStores.copy("organisations.ttl", tmp.resolve("store"));
        before = TemplateStores.snapshot("organisations.ttl");
    }

    private static Path bad(String name) {
        try {
            return Path.of(BadInputTest.class.getResource("/bad/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        turtle-unterminated-string.ttl        | BAD_INPUT | turtle-unterminated-string.ttl:5:1: Broken token
        turtle-missing-dot.ttl                | BAD_INPUT | turtle-missing-dot.ttl:5:1: Triples not terminated by DOT
        turtle-undefined-prefix.ttl           | BAD_INPUT | turtle-undefined-prefix.ttl:4:1: Undefined prefix: nope
        turtle-iri-with-space.ttl             | BAD_INPUT | turtle-iri-with-space.ttl:4:34: Bad character in IRI
        turtle-bad-unicode-escape.ttl         | BAD_INPUT | turtle-bad-unicode-escape.ttl:4:50: Not a hexadecimal character
        turtle-bad-integer.ttl                | BAD_INPUT | turtle-bad-integer.ttl:4:46: Lexical form '12x' not valid for datatype XSD integer
        turtle-bad-date.ttl                   | BAD_INPUT | turtle-bad-date.ttl:4:61: Lexical form '2020-13-45' not valid for datatype XSD date
        turtle-bad-language-tag.ttl           | BAD_INPUT | turtle-bad-language-tag.ttl:4:50: Bad language tag
        turtle-missing-object.ttl             | BAD_INPUT | turtle-missing-object.ttl:4:63: Unrecognized
        ntriples-relative-iri.nt              | BAD_INPUT | ntriples-relative-iri.nt:1:1: Bad IRI: Relative IRI: a
        ntriples-missing-dot.nt               | BAD_INPUT | ntriples-missing-dot.nt:2:1: Triple not terminated by DOT
        ntriples-blank-predicate.nt           | BAD_INPUT | ntriples-blank-predicate.nt:1:5: Expected IRI
        ntriples-bad-boolean.nt               | BAD_INPUT | ntriples-bad-boolean.nt:2:47: Lexical form 'maybe' not valid for datatype XSD boolean
        nquads-literal-graph.nq               | BAD_INPUT | nquads-literal-graph.nq:1:70: Expected BNode or IRI
        trig-unclosed-graph.trig              | BAD_INPUT | trig-unclosed-graph.trig:3:1
        rdfxml-unclosed-element.rdf           | BAD_INPUT | rdfxml-unclosed-element.rdf:4:3: The element type "rdf:Description" must be terminated
        jsonld-truncated-json.jsonld          | BAD_INPUT | jsonld-truncated-json.jsonld:1:114: The document could not be loaded or parsed
        empty.ttl                             | BAD_INPUT | empty.ttl: no triples
        only-prefixes.ttl                     | BAD_INPUT | only-prefixes.ttl: no triples
        latin1-not-utf8.ttl                   | BAD_INPUT | latin1-not-utf8.ttl: not valid UTF-8
        utf16-encoded.nt                      | BAD_INPUT | utf16-encoded.nt:1:2: Unicode replacement character U+FFFD
        truncated.nt.gz                       | BAD_INPUT | truncated.nt.gz: cannot read: unexpected end of file (truncated?)
        not-really-gzip.nt.gz                 | BAD_INPUT | not-really-gzip.nt.gz: not valid gzip
        unknown-extension.data                | BAD_INPUT | unknown-extension.data: cannot tell the RDF syntax from the file name
        shacl-missing-label.ttl               | INVALID   | 1 SHACL violation
        shacl-year-where-date-needed.ttl      | INVALID   | 1 SHACL violation
        shacl-statistic-without-value.ttl     | INVALID   | 1 SHACL violation
        shacl-recommendation-without-source.ttl | INVALID | 1 SHACL violation
        shacl-target-is-not-a-crime.ttl       | INVALID   | 1 SHACL violation
        """)
    void failsCleanlyAndLeavesTheStoreAsItWas(String file, LoadException.Kind kind, String message) {
        LoadException e = assertThrows(LoadException.class, () -> {
            try (Store store = Store.open(loc)) {
                LoadJob.create(store).source(RdfFile.of(bad(file), null)).build().run();
            }
        });
        assertEquals(kind, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains(message), "message was: " + e.getMessage());
        if (kind == LoadException.Kind.INVALID)
            assertTrue(e.report().getEntries().stream().allMatch(r -> r.focusNode().getURI().startsWith("https://w3id.org/ctkg/id/test/")),
                       "violations name the focus node");
        assertEquals(before, StoreSnapshot.of(loc), "the store changed");
    }

    @Test
    void aBadSecondFileUndoesTheGoodFirstOne() {
        LoadException e = assertThrows(LoadException.class, () -> {
            try (Store store = Store.open(loc)) {
                LoadJob.create(store)
                       .source(RdfFile.of(LoadJobTest.good("people.nt"), null))
                       .source(RdfFile.of(bad("turtle-missing-dot.ttl"), null)).build().run();
            }
        });
        assertEquals(LoadException.Kind.BAD_INPUT, e.kind());
        assertEquals(before, StoreSnapshot.of(loc));
    }

    @Test
    void aMissingFileIsBadInput() {
        LoadException e = assertThrows(LoadException.class, () -> {
            try (Store store = Store.open(loc)) {
                LoadJob.create(store).source(RdfFile.of(tmp.resolve("nowhere.ttl"), null)).build().run();
            }
        });
        assertEquals(LoadException.Kind.BAD_INPUT, e.kind());
        assertTrue(e.getMessage().contains("nowhere.ttl: no such file"), e.getMessage());
        assertEquals(before, StoreSnapshot.of(loc));
    }

    @Test
    void aReplaceThatFailsKeepsTheOldGraph() {
        assertThrows(LoadException.class, () -> {
            try (Store store = Store.open(loc)) {
                LoadJob.create(store).replace(true).graph(org.ctkg.ontology.Ids.graph("organisations"))
                       .source(RdfFile.of(bad("shacl-missing-label.ttl"), null)).build().run();
            }
        });
        assertEquals(before, StoreSnapshot.of(loc));
    }
}
