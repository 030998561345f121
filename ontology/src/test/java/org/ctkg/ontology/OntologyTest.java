package org.ctkg.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;

/** The ontology parses, is documented, and every term the data and shapes use is defined in it. */
class OntologyTest {
    private final Model ontology = ModelFactory.createModelForGraph(CtkgFiles.ontology());

    private List<Resource> terms() {
        return ontology.listSubjects().toList().stream()
                .filter(r -> r.isURIResource() && r.getURI().startsWith(CTKG.NS))
                .collect(Collectors.toList());
    }

    @Test
    void ontologyHasVersionLicenceAndCreators() {
        Resource ont = ontology.getResource(Ids.ONTOLOGY);
        assertTrue(ont.hasProperty(RDF.type, OWL.Ontology));
        assertTrue(ont.hasProperty(OWL.versionIRI), "owl:versionIRI");
        assertTrue(ont.hasProperty(DCTerms.license), "dcterms:license");
        assertTrue(ont.hasProperty(DCTerms.creator), "dcterms:creator");
        assertTrue(ont.hasProperty(RDFS.label) && ont.hasProperty(RDFS.comment));
    }

    @Test
    void everyTermIsTypedLabelledAndCommented() {
        List<Resource> terms = terms();
        assertTrue(terms.size() > 80, "expected a full ontology, found " + terms.size() + " terms");
        for (Resource term : terms) {
            assertTrue(term.hasProperty(RDF.type, OWL.Class) || term.hasProperty(RDF.type, OWL.ObjectProperty)
                       || term.hasProperty(RDF.type, OWL.DatatypeProperty), term + " has no OWL type");
            assertTrue(term.hasProperty(RDFS.label), term + " has no rdfs:label");
            assertTrue(term.hasProperty(RDFS.comment), term + " has no rdfs:comment");
        }
    }

    @Test
    void everyClassIsAlignedOrSpecialisesACtkgClass() {
        for (Resource cls : ontology.listSubjectsWithProperty(RDF.type, OWL.Class).toList())
            assertTrue(cls.hasProperty(RDFS.subClassOf), cls + " is not placed in any hierarchy (align it to a standard vocabulary)");
    }

    @Test
    void everyClassHasAShape() {
        Model shapes = ModelFactory.createModelForGraph(CtkgFiles.shapesGraph());
        Set<Resource> missing = new TreeSet<>((a, b) -> a.getURI().compareTo(b.getURI()));
        for (Resource cls : ontology.listSubjectsWithProperty(RDF.type, OWL.Class).toList()) {
            if (!shapes.getGraph().contains(null, SHACL.targetClass, cls.asNode()))
                missing.add(cls);
        }
        assertTrue(missing.isEmpty(), "classes without a shape: " + missing);
    }

    @Test
    void everyCtkgTermUsedInDataAndShapesIsDefined() {
        Set<String> defined = terms().stream().map(Resource::getURI).collect(Collectors.toSet());
        Set<String> undefined = new TreeSet<>();
        DatasetGraph curated = CtkgFiles.curated();
        curated.find().forEachRemaining(q -> collectUndefined(q, defined, undefined));
        CtkgFiles.shapesGraph().find().forEachRemaining(t -> collectUndefined(Quad.create(Quad.defaultGraphIRI, t), defined, undefined));
        assertTrue(undefined.isEmpty(), "ctkg terms used but not defined in the ontology: " + undefined);
    }

    private static void collectUndefined(Quad quad, Set<String> defined, Set<String> undefined) {
        for (Node n : List.of(quad.getSubject(), quad.getPredicate(), quad.getObject())) {
            if (n.isURI() && n.getURI().startsWith(CTKG.NS) && !defined.contains(n.getURI()))
                undefined.add(n.getURI());
        }
    }

    @Test
    void vocabularyConstantsMatchTheOntology() throws IllegalAccessException {
        int checked = 0;
        for (Field f : CTKG.class.getFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || !Resource.class.isAssignableFrom(f.getType()))
                continue;
            Resource r = (Resource) f.get(null);
            assertEquals(CTKG.NS + f.getName(), r.getURI(), "constant named after its local name");
            assertTrue(ontology.contains(ResourceFactory.createResource(r.getURI()), RDF.type), r + " is not in the ontology");
            checked++;
        }
        assertTrue(checked > 10);
    }

    @Test
    void propertiesHaveDomainsAndAlignmentsWhereStandardTermsExist() {
        long aligned = ontology.listSubjectsWithProperty(RDFS.subPropertyOf).toList().size();
        assertTrue(aligned >= 30, "expected most properties aligned to standard vocabularies, found " + aligned);
        assertFalse(ontology.listSubjectsWithProperty(RDFS.domain).toList().isEmpty());
    }
}
