package org.ctkg.carml;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.carml.engine.function.Functions;
import io.carml.engine.rdf.RdfMapperConfig;
import io.carml.engine.rdf.RdfPredicateObjectMapper;
import io.carml.engine.rdf.RdfTermGeneratorConfig;
import io.carml.engine.rdf.RdfTermGeneratorFactory;
import io.carml.engine.template.TemplateParser;
import io.carml.model.TriplesMap;
import io.carml.util.RmlMappingLoader;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.rio.RDFFormat;

/**
 * A predicate-object mapper of a constant predicate and object, given a row whose subject set is
 * empty: what it makes of it, with whichever CARML the loader of this class sees.
 */
public final class EmptySubjectSet {
    private static final String MAPPING = """
            @prefix rr: <http://www.w3.org/ns/r2rml#> .
            @prefix rml: <http://semweb.mmlab.be/ns/rml#> .
            @prefix ql: <http://semweb.mmlab.be/ns/ql#> .
            <http://example.com/Map> a rr:TriplesMap ;
                rml:logicalSource [ rml:source "rows.csv" ; rml:referenceFormulation ql:CSV ] ;
                rr:subjectMap [ rr:template "http://example.com/{id}" ] ;
                rr:predicateObjectMap [ rr:predicate <http://example.com/p> ; rr:objectMap [ rr:constant "o" ] ] .
            """;

    private EmptySubjectSet() {}

    /** How many statements the mapper emits for an empty subject set (upstream throws instead). */
    public static String statements() {
        TriplesMap map = RmlMappingLoader.build()
                .load(RDFFormat.TURTLE, new ByteArrayInputStream(MAPPING.getBytes(StandardCharsets.UTF_8)))
                .iterator().next();
        var values = SimpleValueFactory.getInstance();
        var terms = RdfTermGeneratorFactory.of(RdfTermGeneratorConfig.builder()
                .baseIri(values.createIRI("http://example.com/"))
                .valueFactory(values)
                .normalizationForm(Normalizer.Form.NFC)
                .functions(new Functions())
                .build(), TemplateParser.build());
        var config = RdfMapperConfig.builder().valueFactorySupplier(() -> values).termGeneratorFactory(terms).build();
        RdfPredicateObjectMapper mapper =
                RdfPredicateObjectMapper.of(map.getPredicateObjectMaps().iterator().next(), map, Set.of(), config);
        Long count = mapper.map(expression -> Optional.empty(), Map.of(Set.of(), Set.of())).count().block();
        return String.valueOf(count);
    }
}
