package org.ctkg.loader.cube;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.ctkg.ontology.CTKG;

/**
 * A dimension of the published case counts: a property of the case records (the CTDC codebook's
 * variable) and the cube's dimension property that stands for it on an observation. The cube has
 * its own dimension properties ({@code ctkg:byGender} …) because the records' properties have
 * {@code ctkg:CaseRecord} as their domain, which an observation is not.
 */
enum Dimension {
    COUNTRY_OF_EXPLOITATION("countryOfExploitation", "country", "country of exploitation"),
    YEAR_OF_REGISTRATION("yearOfRegistration", "year", "year of registration"),
    FORM_OF_EXPLOITATION("formOfExploitation", "form", "form of exploitation"),
    GENDER("gender", "gender", "gender"),
    AGE_BAND("ageBand", "age", "age band"),
    CITIZENSHIP("citizenship", "citizenship", "citizenship");

    /** The property of a case record that gives its value. */
    final Node recordProperty;
    /** The cube's dimension property. */
    final Node cubeProperty;
    /** Its part of a table's and an observation's IRI. */
    final String slug;
    /** Its name in labels. */
    final String label;

    Dimension(String property, String slug, String label) {
        this.recordProperty = NodeFactory.createURI(CTKG.NS + property);
        this.cubeProperty = NodeFactory.createURI(CTKG.NS + "by" + Character.toUpperCase(property.charAt(0)) + property.substring(1));
        this.slug = slug;
        this.label = label;
    }

    /** The bit of this dimension in a {@link Table}'s mask. */
    int bit() {
        return 1 << ordinal();
    }
}
