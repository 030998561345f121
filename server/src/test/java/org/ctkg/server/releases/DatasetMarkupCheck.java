package org.ctkg.server.releases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * What the home page's schema.org Dataset markup must state, and how to read it.
 * <p>The properties, from Google Search Central's "Dataset (Dataset, DataCatalog, DataDownload)"
 * structured data documentation (developers.google.com/search/docs/appearance/structured-data/dataset),
 * which schema.org/Dataset leaves optional:
 * <ul>
 * <li>required: {@code name}, {@code description};
 * <li>recommended: {@code alternateName}, {@code citation}, {@code creator}, {@code funder}, {@code hasPart},
 *     {@code isPartOf}, {@code identifier}, {@code isAccessibleForFree}, {@code keywords}, {@code license},
 *     {@code measurementTechnique}, {@code sameAs}, {@code spatialCoverage}, {@code temporalCoverage},
 *     {@code variableMeasured}, {@code version}, {@code url}; {@code includedInDataCatalog};
 *     {@code distribution}, each a {@code DataDownload} with {@code contentUrl} (required of it) and {@code encodingFormat}.
 * </ul>
 * Added for ctkg (issue 21): {@code datePublished}, {@code dateModified}, {@code isBasedOn}, and each
 * download's {@code contentSize} and {@code sha256}. Those that need a release ({@code version},
 * {@code datePublished}, {@code distribution}, {@code includedInDataCatalog}) are stated when releases are served.
 * {@link #NOT_STATED}: recommended ones for which the store holds no fact, left out rather than made up.
 */
final class DatasetMarkupCheck {
    static final String SCHEMA = "https://schema.org/";
    static final List<String> STATED = List.of("name", "description", "alternateName", "creator", "hasPart", "identifier", "isAccessibleForFree",
            "keywords", "license", "measurementTechnique", "url", "isBasedOn", "dateModified", "citation", "temporalCoverage", "spatialCoverage",
            "variableMeasured");
    static final List<String> WITH_RELEASES = List.of("version", "datePublished", "distribution", "includedInDataCatalog");
    /**
     * Of ctkg's own content: funder: it names none; sameAs: no other page describes it (both appear when a store states
     * them, {@code DatasetCoverageTest}); isPartOf: ctkg is part of no larger dataset (its graphs, the parts, are part of it).
     */
    static final List<String> NOT_STATED = List.of("funder", "isPartOf", "sameAs");

    private DatasetMarkupCheck() {}

    /** The text of the page's one {@code application/ld+json} script element. */
    static String script(String html) {
        String open = "<script type=\"application/ld+json\">";
        int start = html.indexOf(open);
        assertTrue(start >= 0, "the page carries JSON-LD");
        assertEquals(-1, html.indexOf(open, start + 1), "one script element of it");
        return html.substring(start + open.length(), html.indexOf("</script>", start));
    }

    static void assertStated(Graph g, Node subject, List<String> properties) {
        for (String p : properties)
            assertTrue(g.contains(subject, NodeFactory.createURI(SCHEMA + p), Node.ANY), subject + " has schema:" + p);
    }

    static void assertNotMadeUp(Graph g, Node dataset) {
        for (String p : NOT_STATED)
            assertFalse(g.contains(dataset, NodeFactory.createURI(SCHEMA + p), Node.ANY), "schema:" + p + " states something the store does not say");
    }

    static List<Node> values(Graph g, Node subject, String property) {
        return g.find(subject, NodeFactory.createURI(SCHEMA + property), Node.ANY).mapWith(t -> t.getObject()).toList();
    }

    /** The one value's text (a literal's lexical form, an IRI). */
    static String value(Graph g, Node subject, String property) {
        List<Node> values = values(g, subject, property);
        assertEquals(1, values.size(), subject + " schema:" + property + ": " + values);
        Node v = values.get(0);
        return v.isLiteral() ? v.getLiteralLexicalForm() : v.isURI() ? v.getURI() : v.toString();
    }
}
