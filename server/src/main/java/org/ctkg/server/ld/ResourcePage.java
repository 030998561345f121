package org.ctkg.server.ld;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.ctkg.server.releases.ResourceHistory;
import org.ctkg.server.views.Dossier;
import org.ctkg.server.views.StatisticEditions;
import org.ctkg.server.views.StatusMap;
import org.ctkg.server.web.ReadableNumbers;

/**
 * What the HTML page of a resource shows ({@code resource.jte}): label, types, links to the raw
 * RDF, the neighbourhood picture, statements grouped by property with their source, what a named
 * graph says, and incoming links. IRIs under the public base link to this server's pages.
 *
 * @param documentPath the page's path without its suffix, to which the RDF documents add theirs
 * @param picture null when the resource has no linked resources
 * @param dossier what a country's page shows first, null for anything else
 * @param statusMap an instrument's world map of its treaty status records, null for anything else
 * @param editions  a statistic's figure beside its other editions, null for anything else or a figure without any
 * @param history the load jobs and releases that changed it, and how to cite it
 */
record ResourcePage(String title, String iri, List<Link> types, String documentPath, String queryHref, Dossier dossier, StatusMap statusMap,
                    StatisticEditions editions, Neighbourhood picture,
                    List<Property> statements, List<Link> graphSubjects, List<Incoming> incoming, boolean truncated, ResourceHistory.History history) {
    /** The RDF documents of a resource: suffix and name. */
    static final List<Link> DOCUMENTS = List.of(Link.of("Turtle", ".ttl"), Link.of("JSON-LD", ".jsonld"), Link.of("N-Triples", ".nt"),
            Link.of("RDF/XML", ".rdf"));

    /** A property and the values the resource has for it. */
    record Property(Link property, List<Value> values) {}

    /** A value with the named graph it comes from; {@code note}: its language or datatype, or null. */
    record Value(Link value, String note, Link source) {}

    /** A statement linking to the resource: its subject and property. */
    record Incoming(Link subject, Link property) {}

    static ResourcePage of(ResourceDescription d, LinkedData.Iris iris, String documentPath, Dossier dossier, StatusMap statusMap, StatisticEditions editions,
                           java.util.function.BiFunction<Node, String, ResourceHistory.History> history) {
        Labels labels = new Labels(d, iris);
        String title = d.labelOf(d.resource) != null ? d.labelOf(d.resource) : d.resource.getURI();
        List<Link> types = d.outgoing.stream().filter(q -> q.getPredicate().equals(RDF.Nodes.type)).map(q -> labels.link(q.getObject())).distinct().toList();
        List<Property> statements = new ArrayList<>();
        for (Map.Entry<Node, List<Quad>> e : d.outgoingByPredicate().entrySet()) {
            if (!e.getKey().equals(RDF.Nodes.type))
                statements.add(new Property(labels.link(e.getKey()), e.getValue().stream().map(q -> value(labels, q)).toList()));
        }
        Map<String, Incoming> incoming = new TreeMap<>();
        for (Quad q : d.incoming)
            incoming.put(labels.label(q.getSubject()) + labels.label(q.getPredicate()), new Incoming(labels.link(q.getSubject()), labels.link(q.getPredicate())));
        String query = "/ui/#query=" + URLEncoder.encode("DESCRIBE <" + d.resource.getURI() + ">", StandardCharsets.UTF_8);
        return new ResourcePage(title, d.resource.getURI(), types, documentPath, query, dossier, statusMap, editions, Neighbourhood.of(d, iris, labels::label), statements,
                d.graphSubjects.stream().map(labels::link).toList(), List.copyOf(incoming.values()), d.truncated, history.apply(d.resource, title));
    }

    int maxStatements() {
        return ResourceDescription.MAX_OUTGOING;
    }

    int maxLinks() {
        return ResourceDescription.MAX_INCOMING;
    }

    private static Value value(Labels labels, Quad q) {
        Node o = q.getObject();
        Link source = labels.link(q.getGraph());
        if (!o.isLiteral())
            return new Value(labels.link(o), null, source);
        String lex = o.getLiteralLexicalForm();
        String dt = o.getLiteralDatatypeURI();
        String shown = XSDDatatype.XSDinteger.getURI().equals(dt) || XSDDatatype.XSDdecimal.getURI().equals(dt) || XSDDatatype.XSDlong.getURI().equals(dt)
                ? ReadableNumbers.of(lex) : lex;
        String lang = o.getLiteralLanguage();
        String note = !lang.isEmpty() ? lang
                : dt != null && dt.startsWith(XSDDatatype.XSD) && !XSDDatatype.XSDstring.getURI().equals(dt) ? dt.substring(XSDDatatype.XSD.length() + 1) : null;
        return new Value(Link.text(shown), note, source);
    }

    /** How the page names the nodes of a description. */
    private record Labels(ResourceDescription d, LinkedData.Iris iris) {
        /** The node's label, else the local part of its IRI (after '#' or the last '/'), else the IRI. */
        String label(Node n) {
            String l = d.labelOf(n);
            if (l != null)
                return l;
            if (!n.isURI())
                return n.toString();
            String iri = n.getURI();
            int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
            return cut >= 0 && cut < iri.length() - 1 && iri.startsWith("http") ? iri.substring(cut + 1) : iri;
        }

        Link link(Node n) {
            if (!n.isURI())
                return n.isBlank() ? Link.BLANK_NODE : Link.text(n.toString());
            return Link.of(label(n), iris.localHref(n.getURI()));
        }
    }
}
