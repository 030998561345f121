package org.ctkg.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;

/** The curated graph is traceable: one named graph per source, quotes verbatim, IRIs in ctkg's pattern. */
class CuratedGraphTest {
    private static final Pattern MINTED = Pattern.compile("^https://w3id\\.org/ctkg/(id/[a-z0-9-]+/[a-z0-9-]+|graph/[a-z0-9-]+|ontology(#[A-Za-z0-9]+)?)$");
    private final DatasetGraph curated = CtkgFiles.curated();

    @Test
    void everyNamedGraphNamesItsSourceDocument() {
        List<Node> graphs = new ArrayList<>();
        curated.listGraphNodes().forEachRemaining(graphs::add);
        assertTrue(graphs.size() >= 20, "named graphs: " + graphs.size());
        for (Node g : graphs) {
            assertTrue(curated.contains(g, g, RDF.type.asNode(), CTKG.SourceGraph.asNode()), g + " is not described as a ctkg:SourceGraph");
            assertEquals(1, curated.stream(g, g, DCTerms.source.asNode(), Node.ANY).count(), g + " must name exactly one source");
        }
        assertTrue(curated.getDefaultGraph().isEmpty(), "every curated statement lives in a source's named graph");
    }

    @Test
    void everyMintedIriFollowsThePattern() {
        Set<String> bad = new TreeSet<>();
        curated.find().forEachRemaining(q -> {
            for (Node n : List.of(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject()))
                if (n.isURI() && n.getURI().startsWith(Ids.BASE) && !MINTED.matcher(n.getURI()).matches())
                    bad.add(n.getURI());
        });
        assertTrue(bad.isEmpty(), "IRIs outside {base}id/{kind}/{slug}: " + bad);
    }

    @Test
    void everyQuoteFromTheSourceAppearsInItVerbatim() throws IOException {
        String source = normalise(read("sources/cfr-national-security-report-summary.txt"));
        Node graph = Ids.graph("tcr-2021-strategic-threat");
        List<String> quotes = new ArrayList<>();
        curated.stream(graph, Node.ANY, CTKG.quote.asNode(), Node.ANY).forEach(q -> quotes.add(q.getObject().getLiteralLexicalForm()));
        assertTrue(quotes.size() >= 10, "quotes in the source's graph: " + quotes.size());
        for (String quote : quotes)
            assertTrue(source.contains(normalise(quote)), "not in the source verbatim: " + quote);
    }

    @Test
    void everyFigureOfTheSourceIsAStatistic() throws IOException {
        Node graph = Ids.graph("tcr-2021-strategic-threat");
        Set<String> values = new TreeSet<>();
        curated.stream(graph, Node.ANY, CTKG.value.asNode(), Node.ANY).forEach(q -> values.add(q.getObject().getLiteralLexicalForm()));
        assertEquals(Set.of("150000000000", "25000000"), values);
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = CuratedGraphTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String normalise(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }
}
