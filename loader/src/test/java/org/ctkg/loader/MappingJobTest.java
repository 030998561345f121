package org.ctkg.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.ctkg.loader.source.RmlMapping;
import org.ctkg.loader.tdb2.StoreFiles;
import org.ctkg.ontology.CTKG;
import org.ctkg.ontology.Ids;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tabular and JSON sources through their RML mappings into a real TDB2 store: the three
 * integrated sources on small real samples ({@code mapping/}), each quirk handled on purpose,
 * rows left out reported; and broken tables ({@code bad-tables/}) failing with the file, line and
 * column, the right kind, and the store exactly as before.
 */
class MappingJobTest {
    private static final Path MAPPINGS = Path.of("..", "mappings");
    @TempDir
    Path tmp;
    private Path loc;

    /** A store with the samples loaded ({@link #loadSamples}), made once and copied for each test that starts from it. */
    @TempDir
    static Path shared;
    private static Path samplesLoaded;

    @BeforeAll
    static void loadSamplesOnce() {
        MappingJobTest first = new MappingJobTest();
        first.loc = shared.resolve("samples-loaded");
        first.loadSamples();
        samplesLoaded = first.loc;
    }

    @BeforeEach
    void newStore() {
        loc = tmp.resolve("store");
    }

    /** Starts from a copy of a store with the samples loaded, as if {@link #loadSamples} had run here. */
    private void startFromSamples() {
        try {
            StoreFiles.copyClosedStore(samplesLoaded, loc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path resource(String name) {
        try {
            return Path.of(MappingJobTest.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private LoadReport load(String mapping, Node graph, Path... files) {
        try (Store store = Store.open(loc)) {
            return LoadJob.create(store).graph(graph).replace(true)
                          .source(RmlMapping.of(MAPPINGS.resolve(mapping), List.of(files))).build().run();
        }
    }

    private LoadReport loadSamples() {
        load("iso-3166-1.rml.ttl", Ids.graph("iso-3166-1"), resource("mapping/iso_3166-1.json"));
        return load("us-tip-tiers.rml.ttl", Ids.graph("us-tip-tiers"), resource("mapping/tip_tiers_orig.csv"));
    }

    private static Node id(String kind, String slug) {
        return Ids.id(kind, slug);
    }

    private boolean has(Node g, Node s, String property, Node o) {
        try (Store store = Store.openExisting(loc)) {
            DatasetGraph dsg = store.dataset();
            Node p = property.startsWith("http") ? NodeFactory.createURI(property) : NodeFactory.createURI(CTKG.NS + property);
            return Txn.calculateRead(dsg, () -> dsg.contains(g, s, p, o));
        }
    }

    private long count(Node g, Node type) {
        try (Store store = Store.openExisting(loc)) {
            DatasetGraph dsg = store.dataset();
            return Txn.calculateRead(dsg, () -> dsg.stream(g, Node.ANY, RDF.Nodes.type, type).count());
        }
    }

    @Test
    void countriesAreTheResourcesTheCuratedGraphAlreadyNames() {
        LoadReport r = load("iso-3166-1.rml.ttl", Ids.graph("iso-3166-1"), resource("mapping/iso_3166-1.json"));
        assertEquals(49, r.triplesRead(), "8 countries: type, label, three codes each; 7 official names, 2 common names");
        Node g = Ids.graph("iso-3166-1");
        Node mex = id("country", "mex");
        assertTrue(has(g, mex, "iso3166Numeric", NodeFactory.createLiteralString("484")));
        assertTrue(has(Ids.graph("vocabulary"), mex, "http://www.w3.org/2000/01/rdf-schema#label", NodeFactory.createLiteralLang("Mexico", "en")),
                   "the curated graph's Mexico is the same resource");
        assertTrue(has(g, id("country", "bol"), "http://www.w3.org/2004/02/skos/core#altLabel", NodeFactory.createLiteralLang("Bolivia", "en")));
        assertEquals(2, r.inputs().size(), "the mapping and the JSON file are recorded");
    }

    @Test
    void tierPlacementsHandleEachQuirkOnPurpose() {
        LoadReport r = loadSamples();
        Node g = Ids.graph("us-tip-tiers");
        assertEquals(6, count(g, NodeFactory.createURI(CTKG.NS + "TierPlacement")), "7 rows, one NA: the graph was replaced by the sample");
        assertTrue(has(g, id("tip-placement", "mex-2003"), "tier", id("tip-tier", "tier-2")), "'Tier 2    ' is padded");
        assertTrue(has(g, id("tip-placement", "mex-2004"), "tier", id("tip-tier", "tier-2-watch-list")), "'Watchlist' is the Tier 2 Watch List");
        assertTrue(has(g, id("tip-placement", "kosovo-2013"), "country", id("country", "kosovo")), "KOS is not ISO: Kosovo");
        assertTrue(has(g, id("tip-placement", "mex-2012"), "sourceRow", NodeFactory.createLiteralString("tip_tiers_orig.csv:7")), "traced to its row");
        assertTrue(has(g, id("tip-placement", "mex-2012"), "assessedUnder", id("instrument", "tvpa-2000")));
        assertTrue(has(g, id("country", "tur"), "http://www.w3.org/2004/02/skos/core#altLabel", NodeFactory.createLiteralLang("Turkey", "en")),
                   "the source's name beside ISO's");
        assertFalse(has(g, id("tip-placement", "mex-1999"), "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", NodeFactory.createURI(CTKG.NS + "TierPlacement")));
        assertTrue(r.notes().contains("1 rows with no tier that year (NA): no placement (tip_tiers_orig.csv:4)"), r.notes().toString());
        assertTrue(r.notes().contains("tip_tiers_orig.csv: 7 rows read, 6 mapped, 1 left out (lines 4)"), r.notes().toString());
        assertEquals(2, r.inputs().size(), "the mapping and the table, with size and checksum");
        assertEquals(64, r.inputs().get(1).sha256().length());
    }

    @Test
    void goodsFindingsMeetTheCrimeTypologyAndCodesThatAreNotIso() {
        startFromSamples();
        LoadReport r = load("us-dol-ilab-2014.rml.ttl", Ids.graph("us-dol-ilab-2014"),
                resource("mapping/goods_from_XL.csv"), resource("mapping/master_data_from_XL.csv"));
        Node g = Ids.graph("us-dol-ilab-2014");
        Node jade = id("goods-finding", "mmr-jade");
        assertTrue(has(g, jade, "country", id("country", "mmr")), "BUR is Burma, ISO's MMR");
        assertTrue(has(g, jade, "exploitationFound", id("crime", "forced-labour")));
        assertTrue(has(g, jade, "exploitationFound", id("crime", "child-labour")));
        assertFalse(has(g, jade, "exploitationFound", id("crime", "forced-child-labour")), "'No' makes no statement");
        assertTrue(has(g, id("good", "jade"), "sector", id("sector", "mining")));
        assertTrue(has(g, id("treaty-status", "kgz-palermo-protocol-2014"), "isParty",
                NodeFactory.createLiteralDT("true", org.apache.jena.datatypes.xsd.XSDDatatype.XSDboolean)), "KVR is the Kyrgyz Republic, ISO's KGZ");
        assertTrue(has(g, id("treaty-status", "pse-palermo-protocol-2014"), "isParty",
                NodeFactory.createLiteralDT("false", org.apache.jena.datatypes.xsd.XSDDatatype.XSDboolean)));
        assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("1 values missing (empty, NA or N/A) in column Palermo_Ratified: no statement (master_data_from_XL.csv:3)")),
                   "Kosovo's N/A is reported: " + r.notes());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        missing-column     | BAD_INPUT | tip_tiers_orig.csv:1: the mapping uses column 'tier', which the header lacks (it has countryname, iso, year, ccode)
        not-a-tier         | BAD_INPUT | tip_tiers_orig.csv:3: column tier: 'Tier 5' is not a TIP tier
        bad-year           | BAD_INPUT | tip_tiers_orig.csv:3: column year: '20x2' is not a four-digit year
        bad-code           | BAD_INPUT | tip_tiers_orig.csv:3: column iso: 'dz' is not an ISO 3166-1 alpha-3 code
        latin1             | BAD_INPUT | tip_tiers_orig.csv:3:3: not UTF-8: byte 0xF4
        short-row          | BAD_INPUT | tip_tiers_orig.csv:3:1: 4 fields where the header has 5
        unbalanced-quote   | BAD_INPUT | tip_tiers_orig.csv:3:1: a quoted field opened on this line is never closed
        text-after-quote   | BAD_INPUT | tip_tiers_orig.csv:3:10: text after the closing quote of a field
        mixed-line-endings | BAD_INPUT | tip_tiers_orig.csv:3:34: mixed line endings: this line ends with LF, line 1 with CRLF
        header-only        | BAD_INPUT | tip_tiers_orig.csv: no rows: the table has a header only
        empty              | BAD_INPUT | tip_tiers_orig.csv: empty file
        duplicate-column   | BAD_INPUT | tip_tiers_orig.csv:1:4: header column 'iso' appears twice
        unknown-country    | INVALID   | 1 SHACL violation
        """)
    void brokenTablesFailCleanlyAndLeaveTheStoreAsItWas(String dir, LoadException.Kind kind, String message) {
        startFromSamples();
        List<String> before = StoreSnapshot.of(loc);
        LoadException e = assertThrows(LoadException.class,
                () -> load("us-tip-tiers.rml.ttl", Ids.graph("us-tip-tiers"), resource("bad-tables/" + dir + "/tip_tiers_orig.csv")));
        assertEquals(kind, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains(message), "message was: " + e.getMessage());
        if (kind == LoadException.Kind.INVALID)
            assertEquals(id("tip-placement", "zzz-2012"), e.report().getEntries().iterator().next().focusNode(), "the violation names the placement");
        assertEquals(before, StoreSnapshot.of(loc), "the store changed");
    }

    @Test
    void aValueThatIsNeitherYesNorNoNamesItsRowAndColumn() {
        startFromSamples();
        List<String> before = StoreSnapshot.of(loc);
        LoadException e = assertThrows(LoadException.class, () -> load("us-dol-ilab-2014.rml.ttl", Ids.graph("us-dol-ilab-2014"),
                resource("bad-tables/not-yes-or-no/goods_from_XL.csv"), resource("bad-tables/not-yes-or-no/master_data_from_XL.csv")));
        assertEquals(LoadException.Kind.BAD_INPUT, e.kind());
        assertTrue(e.getMessage().contains("goods_from_XL.csv:2: column Forced_Labor: 'Maybe' is neither Yes nor No"), e.getMessage());
        assertEquals(before, StoreSnapshot.of(loc));
    }

    @Test
    void brokenJsonNamesItsLineAndColumn() {
        LoadException e = assertThrows(LoadException.class,
                () -> load("iso-3166-1.rml.ttl", Ids.graph("iso-3166-1"), resource("bad-tables/truncated-json/iso_3166-1.json")));
        assertEquals(LoadException.Kind.BAD_INPUT, e.kind());
        assertTrue(e.getMessage().matches("(?s).*iso_3166-1\\.json:3:\\d+: not valid JSON: .*"), e.getMessage());
    }

    @Test
    void aBrokenMappingNamesItsLine() {
        LoadException e = assertThrows(LoadException.class, () -> {
            try (Store store = Store.open(loc)) {
                LoadJob.create(store).source(RmlMapping.of(resource("bad-tables/bad-mapping/broken.rml.ttl"),
                        List.of(resource("mapping/tip_tiers_orig.csv")))).build().run();
            }
        });
        assertEquals(LoadException.Kind.BAD_INPUT, e.kind());
        assertTrue(e.getMessage().contains("broken.rml.ttl:6:"), e.getMessage());
    }

    @Test
    void everyFileTheMappingReadsMustBeGivenAndNoOther() {
        LoadException missing = assertThrows(LoadException.class, () -> load("us-dol-ilab-2014.rml.ttl", Ids.graph("us-dol-ilab-2014"),
                resource("mapping/goods_from_XL.csv")));
        assertTrue(missing.getMessage().contains("the mapping reads 'master_data_from_XL.csv' (rml:source); give a file of that name"), missing.getMessage());
        LoadException extra = assertThrows(LoadException.class, () -> load("us-dol-ilab-2014.rml.ttl", Ids.graph("us-dol-ilab-2014"),
                resource("mapping/goods_from_XL.csv"), resource("mapping/master_data_from_XL.csv"), resource("mapping/tip_tiers_orig.csv")));
        assertTrue(extra.getMessage().contains("tip_tiers_orig.csv: the mapping ../mappings/us-dol-ilab-2014.rml.ttl does not read this file"), extra.getMessage());
    }
}
