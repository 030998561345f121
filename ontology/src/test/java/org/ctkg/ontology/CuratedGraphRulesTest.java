package org.ctkg.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;

/**
 * The rules of issue 22 that keep the curated graph honest: quotes are verbatim in the text of the
 * document they are quoted from, a title is quoted only where it was seen, a treaty's scope is not
 * the world, and every recommendation is linked to an instrument or says why none applies. The
 * texts of the documents seen are kept as test resources under {@code sources/}.
 */
class CuratedGraphRulesTest {
    private static final String PREFIXES = """
            PREFIX ctkg: <https://w3id.org/ctkg/ontology#>
            PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            PREFIX graph: <https://w3id.org/ctkg/graph/>
            PREFIX organization: <https://w3id.org/ctkg/id/organization/>
            PREFIX region: <https://w3id.org/ctkg/id/region/>
            """;
    private static final String EDITORS = "https://w3id.org/ctkg/graph/ctkg-editors-readings";

    /** The documents whose text ctkg keeps, by the IRI of the source document. */
    private static final Map<String, String> TEXTS = Map.of(
            "https://w3id.org/ctkg/id/source/tcr-2021-strategic-threat", "sources/cfr-national-security-report-summary.txt",
            "https://w3id.org/ctkg/id/source/ctkg-public-facts", "sources/public-facts.md");

    private final DatasetGraph curated = CtkgFiles.curated();

    @Test
    void everyQuoteIsVerbatimInTheTextOfItsSource() throws IOException {
        // The passage's source is the document it says it was quoted from, else its graph's source.
        List<QuerySolution> quotes = select("""
                SELECT ?g ?s ?quote ?source WHERE {
                  GRAPH ?g { ?s ctkg:quote ?quote }
                  OPTIONAL { GRAPH ?g2 { ?s prov:wasQuotedFrom ?from } }
                  GRAPH ?g3 { ?g dcterms:source ?graphSource }
                  BIND (COALESCE(?from, ?graphSource) AS ?source)
                }""");
        assertTrue(quotes.size() >= 20, "quotes in the curated graph: " + quotes.size());
        List<String> bad = new ArrayList<>();
        for (QuerySolution q : quotes) {
            String source = q.getResource("source").getURI();
            String quote = q.getLiteral("quote").getLexicalForm();
            String resource = TEXTS.get(source);
            if (resource == null)
                bad.add(q.getResource("s") + ": no text kept for its source " + source + ": " + quote);
            else if (!normalise(read(resource)).contains(normalise(quote)))
                bad.add(q.getResource("s") + ": not verbatim in " + resource + ": " + quote);
        }
        assertTrue(bad.isEmpty(), String.join("\n", bad));
    }

    @Test
    void noTitleIsQuotedForADocumentWhoseTitleWasNotSeen() throws IOException {
        List<QuerySolution> documents = select("""
                SELECT ?doc (COUNT(DISTINCT ?seen) AS ?n) (SAMPLE(?seen) AS ?titleSeen) WHERE {
                  GRAPH ?g { ?doc a ?type }
                  VALUES ?type { ctkg:SourceDocument ctkg:Report ctkg:Article ctkg:WebPage ctkg:OfficialRecord }
                  OPTIONAL { GRAPH ?g2 { ?doc ctkg:titleSeen ?seen } }
                } GROUP BY ?doc""");
        assertTrue(documents.size() >= 30, "source documents: " + documents.size());
        List<String> bad = new ArrayList<>();
        for (QuerySolution d : documents)
            if (d.getLiteral("n").getInt() != 1)
                bad.add(d.getResource("doc") + " must say once whether its title was seen (ctkg:titleSeen)");
        select("""
                SELECT ?doc ?title ?g WHERE {
                  GRAPH ?g { ?doc dcterms:title ?title }
                  GRAPH ?g2 { ?doc ctkg:titleSeen false }
                }""").forEach(q -> bad.add(q.getResource("doc") + " has a title though its title was not seen, in " + q.getResource("g") + ": " + q.getLiteral("title").getLexicalForm()));
        String seenTexts = normalise(read(TEXTS.get("https://w3id.org/ctkg/id/source/tcr-2021-strategic-threat")) + "\n"
                + read(TEXTS.get("https://w3id.org/ctkg/id/source/ctkg-public-facts")));
        // A title said to be seen is in a text that was seen, unless the document is ctkg's own.
        for (QuerySolution q : select("""
                SELECT ?doc ?title WHERE {
                  GRAPH ?g { ?doc dcterms:title ?title }
                  FILTER NOT EXISTS { GRAPH ?g2 { ?doc dcterms:publisher organization:ctkg-project } }
                }"""))
            if (!seenTexts.contains(normalise(q.getLiteral("title").getLexicalForm())))
                bad.add(q.getResource("doc") + ": title not in any text seen: " + q.getLiteral("title").getLexicalForm());
        for (QuerySolution q : select("SELECT ?i ?title WHERE { GRAPH ?g { ?i ctkg:officialTitle ?title } }"))
            if (!seenTexts.contains(normalise(q.getLiteral("title").getLexicalForm())))
                bad.add(q.getResource("i") + ": official title not in any text seen: " + q.getLiteral("title").getLexicalForm());
        assertTrue(bad.isEmpty(), String.join("\n", bad));
    }

    @Test
    void noTreatyHasTheWorldAsItsJurisdiction() {
        List<QuerySolution> treaties = select("""
                SELECT DISTINCT ?treaty WHERE {
                  GRAPH ?g { ?treaty a ?type } VALUES ?type { ctkg:Treaty ctkg:Convention ctkg:Protocol }
                }""");
        assertTrue(treaties.size() >= 5, "treaties: " + treaties.size());
        Set<String> bad = new TreeSet<>();
        select("""
                SELECT DISTINCT ?treaty WHERE {
                  GRAPH ?g { ?treaty a ?type } VALUES ?type { ctkg:Treaty ctkg:Convention ctkg:Protocol }
                  GRAPH ?g2 { ?treaty ctkg:jurisdiction region:world }
                }""").forEach(q -> bad.add(q.getResource("treaty").getURI()));
        assertTrue(bad.isEmpty(), "a treaty applies to its parties, not to the world: " + bad);
    }

    @Test
    void everyRecommendationIsLinkedToAnInstrumentOrSaysWhyNot() {
        List<QuerySolution> recommendations = select("""
                SELECT ?r (COUNT(DISTINCT ?instrument) AS ?links) (COUNT(DISTINCT ?reason) AS ?reasons) WHERE {
                  GRAPH ?g { ?r a ctkg:Recommendation }
                  OPTIONAL { GRAPH ?g2 { ?r ctkg:wouldChange ?instrument } }
                  OPTIONAL { GRAPH graph:ctkg-editors-readings { ?r skos:editorialNote ?reason } }
                } GROUP BY ?r""");
        assertTrue(recommendations.size() >= 7, "recommendations: " + recommendations.size());
        List<String> bad = new ArrayList<>();
        for (QuerySolution r : recommendations)
            if (r.getLiteral("links").getInt() == 0 && r.getLiteral("reasons").getInt() == 0)
                bad.add(r.getResource("r") + " has no ctkg:wouldChange, and the editors' graph says not why");
        assertTrue(bad.isEmpty(), String.join("\n", bad));
    }

    @Test
    void everyEditorsLinkIsMarkedAsTheirReadingWithAReasonAndAPassage() {
        List<String> bad = new ArrayList<>();
        // Each link the editors' graph asserts about a recommendation has its annotation, complete.
        assertTrue(select("SELECT ?s WHERE { GRAPH graph:ctkg-editors-readings { ?s ?p ?o } GRAPH ?g { ?s a ctkg:Recommendation } }").size() >= 8,
                "links the editors' graph asserts about recommendations");
        select("""
                SELECT ?s ?p ?o WHERE {
                  GRAPH graph:ctkg-editors-readings { ?s ?p ?o }
                  GRAPH ?g { ?s a ctkg:Recommendation }
                  FILTER (?p != skos:editorialNote)
                  FILTER NOT EXISTS {
                    GRAPH graph:ctkg-editors-readings {
                      ?reading a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
                          prov:wasAttributedTo organization:ctkg-project ; skos:editorialNote ?reason ;
                          ctkg:quote ?passage ; prov:wasQuotedFrom ?from .
                    }
                  }
                }""").forEach(q -> bad.add("not marked as the editors' reading with a reason and a passage: " + q.getResource("s") + " " + q.getResource("p") + " " + q.get("o")));
        // And each annotation describes a link that the editors' graph asserts, and that no source states.
        select("""
                SELECT ?reading WHERE {
                  GRAPH graph:ctkg-editors-readings { ?reading a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }
                  FILTER (NOT EXISTS { GRAPH graph:ctkg-editors-readings { ?s ?p ?o } }
                          || EXISTS { GRAPH ?g { ?s ?p ?o } FILTER (?g != graph:ctkg-editors-readings) })
                }""").forEach(q -> bad.add(q.getResource("reading") + " describes a link the editors' graph does not assert, or one a source states"));
        assertTrue(bad.isEmpty(), String.join("\n", bad));
        assertEquals(4, select("""
                SELECT ?i WHERE { GRAPH graph:ctkg-editors-readings {
                  <https://w3id.org/ctkg/id/recommendation/corporate-supply-chain-responsibility> ctkg:wouldChange ?i } }""").size(),
                "the supply-chain recommendation's editors' links");
    }

    @Test
    void aDocumentIsStatedInOnlyByTheGraphOfThatDocument() {
        // What a summary reports of another document is attributed to it (prov:hadPrimarySource), not stated in it.
        List<String> bad = new ArrayList<>();
        select("""
                SELECT ?s ?doc ?g WHERE {
                  GRAPH ?g { ?s ctkg:statedIn ?doc }
                  GRAPH ?g2 { ?g dcterms:source ?own }
                  FILTER (?doc != ?own)
                }""").forEach(q -> bad.add(q.getResource("s") + " is said in " + q.getResource("g") + " to be stated in " + q.getResource("doc")));
        assertTrue(bad.isEmpty(), String.join("\n", bad));
    }

    private List<QuerySolution> select(String query) {
        Dataset dataset = DatasetFactory.wrap(curated);
        List<QuerySolution> rows = new ArrayList<>();
        try (QueryExecution exec = QueryExecution.dataset(dataset).query(PREFIXES + query).build()) {
            ResultSet results = exec.execSelect();
            results.forEachRemaining(rows::add);
        }
        return rows;
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = CuratedGraphRulesTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null)
                throw new IOException("not on the class path: " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String normalise(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }
}
