package org.ctkg.loader.source;

import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.FactoryRDFCaching;
import org.apache.jena.sparql.core.Quad;
import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;

/**
 * RDF4J statements (what the mapping engine makes) as Jena quads, through a node cache as Jena's
 * own parsers use: a table repeats the same IRIs and literals row after row, and one shared Node
 * object for each lets the store's node table find it without rehashing a fresh string each time.
 */
final class JenaNodes {
    private final FactoryRDFCaching factory = new FactoryRDFCaching();
    // A column's literals share one datatype: the last one found saves the type mapper's lookup.
    private String lastDatatypeIri;
    private RDFDatatype lastDatatype;

    Quad quad(Statement st) {
        Resource context = st.getContext();
        Node g = context == null ? Quad.defaultGraphNodeGenerated : node(context);
        return Quad.create(g, node(st.getSubject()), node(st.getPredicate()), node(st.getObject()));
    }

    private Node node(Value v) {
        if (v instanceof IRI iri)
            return factory.createURI(iri.stringValue());
        if (v instanceof BNode b)
            return factory.createBlankNode(b.getID());
        Literal l = (Literal) v;
        if (l.getLanguage().isPresent())
            return factory.createLangLiteral(l.getLabel(), l.getLanguage().get());
        String dt = l.getDatatype().stringValue();
        if (dt.equals("http://www.w3.org/2001/XMLSchema#string"))
            return factory.createStringLiteral(l.getLabel());
        if (!dt.equals(lastDatatypeIri)) {
            lastDatatype = TypeMapper.getInstance().getSafeTypeByName(dt);
            lastDatatypeIri = dt;
        }
        return factory.createTypedLiteral(l.getLabel(), lastDatatype);
    }
}
