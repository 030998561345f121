package org.ctkg.server.ld;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.ctkg.ontology.CTKG;
import org.ctkg.ontology.CtkgFiles;

/**
 * The ontology's documentation, the HTML answer for {@code /ontology} ({@code ontology.jte}): every
 * class and property with its label, comment, superclasses or superproperties (the alignments to
 * standard vocabularies among them), domain and range; each term has an anchor, so
 * {@code …/ontology#Statistic} lands on it.
 */
record OntologyPage(String comment, String namespace, List<Group> groups) {
    /** Classes, object properties or datatype properties. */
    record Group(String heading, List<Term> terms) {}

    record Term(String local, String label, String comment, List<Row> rows) {}

    /** A line of a term's description; {@code terms}: its values are terms, shown as code. */
    record Row(String name, List<Link> values, boolean terms) {}

    /** The page, rendered once: the ontology is part of the server. */
    static byte[] render() {
        Model m = ModelFactory.createModelForGraph(CtkgFiles.ontology());
        OntologyPage page = new OntologyPage(m.getResource("https://w3id.org/ctkg/ontology").getProperty(RDFS.comment).getString(), CTKG.NS, List.of(
                group(m, "Classes", OWL.Class, RDFS.subClassOf),
                group(m, "Object properties", OWL.ObjectProperty, RDFS.subPropertyOf),
                group(m, "Datatype properties", OWL.DatatypeProperty, RDFS.subPropertyOf)));
        return Pages.render("ontology.jte", page);
    }

    private static Group group(Model m, String heading, Resource type, Property parent) {
        List<Resource> terms = new ArrayList<>(m.listSubjectsWithProperty(RDF.type, type).toList());
        terms.removeIf(r -> !r.isURIResource() || !r.getURI().startsWith(CTKG.NS));
        terms.sort((x, y) -> x.getURI().compareTo(y.getURI()));
        List<Term> out = new ArrayList<>();
        for (Resource t : terms) {
            String local = t.getURI().substring(CTKG.NS.length());
            List<Row> rows = new ArrayList<>();
            row(rows, "is a kind of", t, parent);
            row(rows, "domain", t, RDFS.domain);
            row(rows, "range", t, RDFS.range);
            if (type.equals(OWL.Class))
                rows.add(new Row("instances", List.of(Link.of("list them", "/classes/" + local)), false));
            out.add(new Term(local, string(t, RDFS.label), string(t, RDFS.comment), rows));
        }
        return new Group(heading, out);
    }

    private static void row(List<Row> rows, String name, Resource t, Property p) {
        List<Link> values = new ArrayList<>();
        for (Statement s : t.listProperties(p).toList()) {
            RDFNode o = s.getObject();
            if (!o.isURIResource())
                continue;
            String iri = o.asResource().getURI();
            values.add(iri.startsWith(CTKG.NS) ? Link.of("ctkg:" + iri.substring(CTKG.NS.length()), "#" + iri.substring(CTKG.NS.length())) : Link.of(iri, iri));
        }
        if (!values.isEmpty())
            rows.add(new Row(name, values, true));
    }

    private static String string(Resource r, Property p) {
        Statement s = r.getProperty(p);
        return s == null ? "" : s.getString();
    }
}
