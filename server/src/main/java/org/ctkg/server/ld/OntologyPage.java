package org.ctkg.server.ld;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.ctkg.ontology.CTKG;
import org.ctkg.ontology.CtkgFiles;

/**
 * The ontology's documentation, the HTML answer for {@code /ontology}: every class and property
 * with its label, comment, superclasses or superproperties (the alignments to standard
 * vocabularies among them), domain and range; each term has an anchor, so {@code …/ontology#Statistic}
 * lands on it.
 */
final class OntologyPage {
    private OntologyPage() {}

    static String render() {
        Model m = ModelFactory.createModelForGraph(CtkgFiles.ontology());
        StringBuilder b = new StringBuilder(32768);
        b.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>The ctkg ontology</title>\n<style>")
         .append("body{font-family:system-ui,sans-serif;max-width:64rem;margin:1rem auto;padding:0 1rem}section{border-top:1px solid #ddd;padding:.25rem 0}")
         .append("code{font-size:.9em}dt{font-weight:600}nav a{margin-right:1rem}</style>\n</head>\n<body>\n")
         .append("<header><nav><a href=\"/\">ctkg</a><a href=\"/ui/\">Query</a><a href=\"/ontology.ttl\">Turtle</a></nav>\n<h1>The ctkg ontology</h1>\n<p>")
         .append(ResourcePage.esc(m.getResource("https://w3id.org/ctkg/ontology").getProperty(RDFS.comment).getString()))
         .append("</p>\n<p>Namespace <code>").append(CTKG.NS).append("</code> (prefix <code>ctkg:</code>).</p></header>\n<main>\n");
        terms(b, m, "Classes", OWL.Class, RDFS.subClassOf);
        terms(b, m, "Object properties", OWL.ObjectProperty, RDFS.subPropertyOf);
        terms(b, m, "Datatype properties", OWL.DatatypeProperty, RDFS.subPropertyOf);
        return b.append("</main>\n</body>\n</html>\n").toString();
    }

    private static void terms(StringBuilder b, Model m, String heading, Resource type, org.apache.jena.rdf.model.Property parent) {
        b.append("<h2>").append(heading).append("</h2>\n");
        List<Resource> terms = new ArrayList<>(m.listSubjectsWithProperty(RDF.type, type).toList());
        terms.removeIf(r -> !r.isURIResource() || !r.getURI().startsWith(CTKG.NS));
        terms.sort((x, y) -> x.getURI().compareTo(y.getURI()));
        for (Resource t : terms) {
            String local = t.getURI().substring(CTKG.NS.length());
            b.append("<section id=\"").append(ResourcePage.esc(local)).append("\"><h3><code>ctkg:").append(ResourcePage.esc(local)).append("</code> — ")
             .append(ResourcePage.esc(string(t, RDFS.label))).append("</h3>\n<p>").append(ResourcePage.esc(string(t, RDFS.comment))).append("</p>\n<dl>\n");
            list(b, "is a kind of", t, parent);
            list(b, "domain", t, RDFS.domain);
            list(b, "range", t, RDFS.range);
            if (type.equals(OWL.Class))
                b.append("<dt>instances</dt><dd><a href=\"/classes/").append(ResourcePage.esc(local)).append("\">list them</a></dd>\n");
            b.append("</dl></section>\n");
        }
    }

    private static void list(StringBuilder b, String name, Resource t, org.apache.jena.rdf.model.Property p) {
        List<String> values = new ArrayList<>();
        for (Statement s : t.listProperties(p).toList()) {
            RDFNode o = s.getObject();
            if (!o.isURIResource())
                continue;
            String iri = o.asResource().getURI();
            values.add(iri.startsWith(CTKG.NS)
                    ? "<a href=\"#" + ResourcePage.esc(iri.substring(CTKG.NS.length())) + "\"><code>ctkg:" + ResourcePage.esc(iri.substring(CTKG.NS.length())) + "</code></a>"
                    : "<a href=\"" + ResourcePage.esc(iri) + "\"><code>" + ResourcePage.esc(iri) + "</code></a>");
        }
        if (!values.isEmpty())
            b.append("<dt>").append(name).append("</dt><dd>").append(String.join(", ", values)).append("</dd>\n");
    }

    private static String string(Resource r, org.apache.jena.rdf.model.Property p) {
        Statement s = r.getProperty(p);
        return s == null ? "" : s.getString();
    }
}
