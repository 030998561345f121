package org.ctkg.loader.cube;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.ctkg.ontology.CTKG;
import org.ctkg.ontology.Ids;

/** The terms and IRIs of the published case counts: the RDF Data Cube vocabulary (qb:), ctkg's measure and attributes, PROV. */
public final class CubeTerms {
    public static final String QB = "http://purl.org/linked-data/cube#";
    static final String PROV = "http://www.w3.org/ns/prov#";
    /** Where the cube's datasets, structures and observations are named. */
    static final String BASE = Ids.ID + "case-counts/";

    static final Node DATA_SET = qb("DataSet");
    static final Node OBSERVATION = qb("Observation");
    static final Node STRUCTURE_CLASS = qb("DataStructureDefinition");
    static final Node COMPONENT_CLASS = qb("ComponentSpecification");
    public static final Node IN_DATA_SET = qb("dataSet");
    static final Node STRUCTURE = qb("structure");
    static final Node COMPONENT = qb("component");
    static final Node DIMENSION = qb("dimension");
    static final Node MEASURE = qb("measure");
    static final Node ATTRIBUTE = qb("attribute");
    static final Node REQUIRED = qb("componentRequired");

    /** An observation's count of case records (absent when suppressed). */
    public static final Node CASE_COUNT = ctkg("caseCount");
    /** Why an observation has no count: {@code suppressed (fewer than K)}. */
    public static final Node CASE_COUNT_STATUS = ctkg("caseCountStatus");
    public static final Node MIN_CELL = ctkg("minCell");
    public static final Node REPORTING_LENGTH = ctkg("reportingLength");
    public static final Node FIRST_YEAR = ctkg("firstYearOfRegistration");
    public static final Node LAST_YEAR = ctkg("lastYearOfRegistration");
    public static final Node GENERATED_BY = NodeFactory.createURI(PROV + "wasGeneratedBy");
    public static final Node GENERATED_AT = NodeFactory.createURI(PROV + "generatedAtTime");

    private CubeTerms() {}

    /** What a suppressed observation says instead of a count. */
    public static String suppressed(int minCell) {
        return "suppressed (fewer than " + minCell + ")";
    }

    static Node integer(long n) {
        return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
    }

    static Node year(int y) {
        return NodeFactory.createLiteralDT(Integer.toString(y), XSDDatatype.XSDgYear);
    }

    private static Node qb(String local) {
        return NodeFactory.createURI(QB + local);
    }

    private static Node ctkg(String local) {
        return NodeFactory.createURI(CTKG.NS + local);
    }
}
