package org.ctkg.server.ld;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.util.Map;
import java.util.TreeMap;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.document.JsonDocument;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.XSD;
import org.ctkg.ontology.CtkgFiles;
import org.ctkg.ontology.Ids;

/**
 * ctkg's JSON-LD context, made from the ontology: every ctkg class and property by its local
 * name ({@code "type": "Recommendation"}, {@code "targets": {"@id": …}}), object properties
 * typed {@code @id} and datatype properties with their datatype, plus the prefixes and the
 * handful of standard terms ctkg uses everywhere ({@code label}, {@code description},
 * {@code source}). Served at {@code /context.jsonld} and embedded in every JSON-LD document the
 * server writes, so a program reads ctkg's JSON-LD as plain JSON with readable keys.
 */
final class JsonLdContext {
    static final Map<String, String> PREFIXES = Map.of(
            "ctkg", Ids.BASE + "ontology#", "rdf", RDF.getURI(), "rdfs", RDFS.getURI(), "owl", OWL.getURI(),
            "xsd", XSD.getURI(), "skos", "http://www.w3.org/2004/02/skos/core#", "dcterms", "http://purl.org/dc/terms/",
            "prov", "http://www.w3.org/ns/prov#", "schema", "https://schema.org/", "org", "http://www.w3.org/ns/org#");
    private static final String DCT = "http://purl.org/dc/terms/";
    private static final String SKOS = "http://www.w3.org/2004/02/skos/core#";

    private final JsonObject context;

    JsonLdContext(Graph ontology) {
        Map<String, Object> terms = new TreeMap<>(PREFIXES);
        String ns = Ids.BASE + "ontology#";
        ontology.find(Node.ANY, RDF.Nodes.type, Node.ANY).forEachRemaining(t -> {
            Node s = t.getSubject();
            if (!s.isURI() || !s.getURI().startsWith(ns))
                return;
            String name = s.getURI().substring(ns.length());
            Node kind = t.getObject();
            if (kind.equals(OWL.Class.asNode()))
                terms.put(name, s.getURI());
            else if (kind.equals(OWL.ObjectProperty.asNode()))
                terms.put(name, Map.of("@id", s.getURI(), "@type", "@id"));
            else if (kind.equals(OWL.DatatypeProperty.asNode()))
                terms.put(name, datatypeTerm(ontology, s));
        });
        terms.put("label", RDFS.label.getURI());
        terms.put("comment", RDFS.comment.getURI());
        terms.put("description", DCT + "description");
        terms.put("title", DCT + "title");
        terms.put("prefLabel", SKOS + "prefLabel");
        terms.put("altLabel", SKOS + "altLabel");
        terms.put("source", Map.of("@id", DCT + "source", "@type", "@id"));
        terms.put("broader", Map.of("@id", SKOS + "broader", "@type", "@id"));
        terms.put("inScheme", Map.of("@id", SKOS + "inScheme", "@type", "@id"));
        context = toJson(terms);
    }

    /** The context made from ctkg's own ontology. */
    static JsonLdContext ofCtkg() {
        return new JsonLdContext(CtkgFiles.ontology());
    }

    private static Map<String, String> datatypeTerm(Graph ontology, Node property) {
        var ranges = ontology.find(property, RDFS.Nodes.range, Node.ANY).toList();
        if (ranges.size() == 1) {
            Node range = ranges.get(0).getObject();
            if (range.isURI() && range.getURI().startsWith(XSD.getURI()) && !range.equals(XSD.xstring.asNode()))
                return Map.of("@id", property.getURI(), "@type", range.getURI());
        }
        return Map.of("@id", property.getURI());
    }

    @SuppressWarnings("unchecked")
    private static JsonObject toJson(Map<String, Object> terms) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        terms.forEach((k, v) -> {
            if (v instanceof String s)
                b.add(k, s);
            else
                b.add(k, Json.createObjectBuilder((Map<String, Object>) v));
        });
        return b.build();
    }

    /** The context document: {@code {"@context": {…}}}. */
    byte[] document() {
        return write(Json.createObjectBuilder().add("@context", context).build());
    }

    /** The graph as compacted JSON-LD under this context, the context embedded. */
    byte[] compact(Graph graph) {
        ByteArrayOutputStream expanded = new ByteArrayOutputStream();
        RDFDataMgr.write(expanded, DatasetGraphFactory.wrap(graph), RDFFormat.JSONLD11_PLAIN);
        try {
            JsonDocument doc = JsonDocument.of(new StringReader(expanded.toString(java.nio.charset.StandardCharsets.UTF_8)));
            JsonObject ctx = Json.createObjectBuilder().add("@context", context).build();
            return write(JsonLd.compact(doc, JsonDocument.of(ctx)).get());
        } catch (JsonLdError e) {
            throw new IllegalStateException("JSON-LD compaction failed: " + e.getMessage(), e);
        }
    }

    private static byte[] write(JsonObject json) {
        JsonWriterFactory factory = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonWriter w = factory.createWriter(out)) {
            w.writeObject(json);
        }
        return out.toByteArray();
    }
}
