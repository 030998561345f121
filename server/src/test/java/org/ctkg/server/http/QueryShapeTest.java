package org.ctkg.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which query texts are taken for a visit of the whole store before they run. */
class QueryShapeTest {
    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = ';', value = {
        "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }                                   ; true",
        "SELECT ?s ?o WHERE { ?s ?p ?o . FILTER(REGEX(STR(?o), 'x', 'i')) }                                 ; true",
        "SELECT (COUNT(*) AS ?n) WHERE { ?s (<http://www.w3.org/2000/01/rdf-schema#subClassOf>|!<urn:x>)* ?o } ; true",
        "SELECT ?s WHERE { ?s <urn:p>+ ?o }                                                                  ; true",
        "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?s LIMIT 10                                       ; true",
        "SELECT DISTINCT ?p WHERE { ?s ?p ?o } LIMIT 100                                                     ; true",
        "SELECT * WHERE { ?s ?p ?o } LIMIT 5000                                                              ; true",
        "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }                                                           ; true",
        "SELECT * WHERE { ?s ?p ?o } LIMIT 10                                                                ; false",
        "SELECT ?p ?o WHERE { <https://w3id.org/ctkg/id/country/mex> ?p ?o }                                 ; false",
        "SELECT ?c WHERE { ?c a <https://w3id.org/ctkg/ontology#Country> }                                   ; false",
        "SELECT ?sup WHERE { <urn:c> <http://www.w3.org/2000/01/rdf-schema#subClassOf>* ?sup }               ; false",
        "SELECT ?s WHERE { ?s <urn:p>{1,3} ?o }                                                               ; false",
        "ASK { ?s ?p ?o }                                                                                    ; false",
        "ASK { <urn:s> ?p ?o }                                                                               ; false",
        "this is not SPARQL                                                                                  ; false",
    })
    void aQueryThatVisitsEverythingIsKnownByItsText(String query, boolean scans) {
        assertEquals(scans, QueryShape.scansEverything(query));
    }
}
