package org.ctkg.loader.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.graph.GraphFactory;
import org.ctkg.ontology.CTKG;
import org.ctkg.ontology.Ids;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The patched term generator factory runs a function named by a constant on its own bound path
 * and any other function execution on CARML's general one: both must give the same triples.
 */
class FunctionPathsTest {
    private static final String MAPPING = """
            @prefix rr: <http://www.w3.org/ns/r2rml#> .
            @prefix rml: <http://semweb.mmlab.be/ns/rml#> .
            @prefix ql: <http://semweb.mmlab.be/ns/ql#> .
            @prefix fnml: <http://semweb.mmlab.be/ns/fnml#> .
            @prefix fno: <https://w3id.org/function/ontology#> .
            @prefix fn: <https://w3id.org/ctkg/fn#> .
            @prefix ctkg: <https://w3id.org/ctkg/ontology#> .
            <#Goods> a rr:TriplesMap ;
                rml:logicalSource [ rml:source "goods.csv" ; rml:referenceFormulation ql:CSV ] ;
                rr:subjectMap [ rr:template "https://w3id.org/ctkg/id/test/{Id}" ] ;
                rr:predicateObjectMap [ rr:predicate ctkg:good ; rr:objectMap [ rr:termType rr:IRI ; fnml:functionValue [
                    rr:predicateObjectMap
                        [ rr:predicate fno:executes ; rr:objectMap EXECUTES ] ,
                        [ rr:predicate fn:value ; rr:objectMap [ rml:reference "Good_Name" ] ] ,
                        [ rr:predicate fn:at ; rr:objectMap [ rml:reference "_at" ] ] ,
                        [ rr:predicate fn:column ; rr:objectMap [ rr:constant "Good_Name" ] ] ] ] ] .
            """;

    @TempDir
    Path tmp;

    @Test
    void aConstantFunctionAndAFunctionNamedPerRowMapAlike() throws IOException {
        Path table = tmp.resolve("goods.csv");
        Files.writeString(table, "Id,Good_Name,Function\n1,Cocoa,good\n2,Bricks,good\n3,Cut Flowers,good\n");
        Graph bound = map("constant.rml.ttl", "[ rr:constant fn:good ]", table);
        Graph general = map("per-row.rml.ttl", "[ rr:template \"https://w3id.org/ctkg/fn#{Function}\" ; rr:termType rr:IRI ]", table);
        assertEquals(3, bound.size(), "one ctkg:good a row");
        assertTrue(bound.isIsomorphicWith(general), "bound: " + bound + "\ngeneral: " + general);
        Node good = NodeFactory.createURI(CTKG.NS + "good");
        assertTrue(bound.contains(NodeFactory.createURI("https://w3id.org/ctkg/id/test/3"), good, Ids.id("good", "cut-flowers")),
                "the function's own result: " + bound);
    }

    private Graph map(String name, String executes, Path table) throws IOException {
        Path mapping = tmp.resolve(name);
        Files.writeString(mapping, MAPPING.replace("EXECUTES", executes));
        Graph g = GraphFactory.createDefaultGraph();
        RmlMapping.of(mapping, List.of(table)).send(StreamRDFLib.graph(g));
        return g;
    }
}
