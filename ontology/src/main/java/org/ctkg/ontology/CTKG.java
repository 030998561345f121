package org.ctkg.ontology;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * Constants for the ctkg ontology's terms that code refers to, named exactly by local name
 * (a test checks each one against {@code ontology.ttl}).
 */
public final class CTKG {
    /** The namespace of ctkg's ontology terms. */
    public static final String NS = Ids.BASE + "ontology#";

    private CTKG() {}

    /** The namespace as a string. */
    public static String getURI() {
        return NS;
    }

    private static Resource resource(String local) {
        return ResourceFactory.createResource(NS + local);
    }

    private static Property property(String local) {
        return ResourceFactory.createProperty(NS + local);
    }

    // Classes
    public static final Resource Actor = resource("Actor");
    public static final Resource Person = resource("Person");
    public static final Resource Organization = resource("Organization");
    public static final Resource CrimeType = resource("CrimeType");
    public static final Resource HarmType = resource("HarmType");
    public static final Resource Instrument = resource("Instrument");
    public static final Resource LegalInstrument = resource("LegalInstrument");
    public static final Resource Recommendation = resource("Recommendation");
    public static final Resource SourceDocument = resource("SourceDocument");
    public static final Resource Claim = resource("Claim");
    public static final Resource Statistic = resource("Statistic");
    public static final Resource SourceGraph = resource("SourceGraph");
    public static final Resource Place = resource("Place");
    public static final Resource Country = resource("Country");

    // Properties
    public static final Property statedIn = property("statedIn");
    public static final Property quote = property("quote");
    public static final Property text = property("text");
    public static final Property value = property("value");
    public static final Property unit = property("unit");
    public static final Property quantity = property("quantity");
    public static final Property about = property("about");
    public static final Property scope = property("scope");
    public static final Property referenceYear = property("referenceYear");
    public static final Property referenceDate = property("referenceDate");
    public static final Property partOfStatistic = property("partOfStatistic");
    public static final Property correspondsTo = property("correspondsTo");
    public static final Property recommendedBy = property("recommendedBy");
    public static final Property addressedTo = property("addressedTo");
    public static final Property wouldChange = property("wouldChange");
    public static final Property targetsCrime = property("targetsCrime");
    public static final Property supplements = property("supplements");
    public static final Property iso3166Alpha2 = property("iso3166Alpha2");
    public static final Property iso3166Alpha3 = property("iso3166Alpha3");
}
