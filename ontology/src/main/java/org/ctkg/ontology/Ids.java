package org.ctkg.ontology;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * ctkg's identifiers: one public base for everything ctkg mints. Instances live under
 * {@code {base}id/{kind}/{slug}}, named graphs under {@code {base}graph/{source}}, ontology terms
 * under {@code {base}ontology#}.
 */
public final class Ids {
    /** The public base of every IRI ctkg mints. */
    public static final String BASE = "https://w3id.org/ctkg/";
    /** The ontology's IRI. */
    public static final String ONTOLOGY = BASE + "ontology";
    /** Where instances live: {@code id/{kind}/{slug}}. */
    public static final String ID = BASE + "id/";
    /** Where named graphs live: {@code graph/{source}}. */
    public static final String GRAPH = BASE + "graph/";
    /** The named graph that holds the ontology in a served dataset. */
    public static final Node ONTOLOGY_GRAPH = NodeFactory.createURI(GRAPH + "ontology");

    private Ids() {}

    /** The IRI of an instance of the given kind. */
    public static Node id(String kind, String slug) {
        return NodeFactory.createURI(ID + kind + "/" + slug);
    }

    /** The IRI of a named graph. */
    public static Node graph(String source) {
        return NodeFactory.createURI(GRAPH + source);
    }
}
