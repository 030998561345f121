package org.ctkg.testkit;

/** Small valid data for load jobs: an organisation with a label, in Turtle. */
public final class Shelters {
    private Shelters() {}

    /** {@code <…/id/organization/SLUG> a ctkg:Organization ; rdfs:label "LABEL"@en .} */
    public static String turtle(String slug, String label) {
        return "<https://w3id.org/ctkg/id/organization/" + slug + "> a <https://w3id.org/ctkg/ontology#Organization> ;\n"
                + "    <http://www.w3.org/2000/01/rdf-schema#label> \"" + label + "\"@en .\n";
    }
}
