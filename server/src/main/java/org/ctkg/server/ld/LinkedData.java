package org.ctkg.server.ld;

import org.ctkg.server.web.Responses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.ctkg.ontology.Ids;

/**
 * Linked-data dereferencing: every IRI ctkg mints under its public base ({@code …/id/…},
 * {@code …/graph/…}, {@code …/ontology}) answers on this server at the same path. The IRI itself
 * answers 303 See Other to a document chosen by {@code Accept} ({@code Vary: Accept}): the HTML
 * page ({@code .html}) for browsers, or {@code .ttl}, {@code .jsonld}, {@code .nt}, {@code .rdf};
 * documents are also reachable directly by suffix or {@code ?format=}. JSON-LD is compacted with
 * ctkg's context ({@link JsonLdContext}, also at {@value #CONTEXT_PATH}). Unknown IRIs answer 404
 * with a page that says so.
 */
public final class LinkedData extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Map<String, RDFFormat> FORMATS = Map.of(
            "ttl", RDFFormat.TURTLE_PRETTY, "jsonld", RDFFormat.JSONLD_PRETTY, "nt", RDFFormat.NTRIPLES, "rdf", RDFFormat.RDFXML_PRETTY);

    /** Where ctkg's JSON-LD context is served. */
    public static final String CONTEXT_PATH = "/context.jsonld";

    private final transient DatasetGraph dsg;
    private final Iris iris;
    private final String ontologyPage = OntologyPage.render();
    private final transient JsonLdContext context = JsonLdContext.ofCtkg();

    public LinkedData(DatasetGraph dsg, Iris iris) {
        this.dsg = dsg;
        this.iris = iris;
    }

    /** Maps between the public base and this server's paths. */
    public record Iris(String publicBase) {
        /** The IRI for a path of this server ({@code /id/x} → {@code {base}id/x}). */
        String iri(String path) {
            return publicBase + path.substring(1);
        }

        /** Where a link to the IRI should go: this server's page for ctkg's IRIs, the IRI for other web IRIs, null otherwise. */
        String localHref(String iri) {
            if (iri.startsWith(publicBase))
                return "/" + iri.substring(publicBase.length()).replace("#", "%23");
            if (iri.startsWith("http://") || iri.startsWith("https://"))
                return iri;
            return null;
        }
    }

    /** The longest path a resource request may have. */
    static final int MAX_PATH_LENGTH = 2048;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI();
        if (path.length() > MAX_PATH_LENGTH) {
            // ctkg's IRIs are short; a longer one cannot name anything here and would not fit a redirect's header
            Responses.refuse(resp, 414, "The path is " + path.length() + " characters long; no IRI of this server is longer than " + MAX_PATH_LENGTH);
            return;
        }
        if (path.equals(CONTEXT_PATH)) {
            Responses.send(resp, 200, "application/ld+json;charset=utf-8", context.document());
            return;
        }
        String format = req.getParameter("format");
        String base = path;
        int dot = path.lastIndexOf('.');
        if (dot > path.lastIndexOf('/') && (FORMATS.containsKey(path.substring(dot + 1)) || path.endsWith(".html"))) {
            format = path.substring(dot + 1);
            base = path.substring(0, dot);
        }
        Node resource = NodeFactory.createURI(iris.iri(base));
        if (base.equals("/ontology"))
            resource = NodeFactory.createURI(Ids.ONTOLOGY);
        if (format == null) {
            resp.setHeader("Vary", "Accept");
            resp.setStatus(303);
            resp.setHeader("Location", base + "." + negotiate(req.getHeader("Accept")));
            return;
        }
        if (!format.equals("html") && !FORMATS.containsKey(format)) {
            resp.sendError(400, "Unknown format '" + format + "': use html, ttl, jsonld, nt or rdf");
            return;
        }
        Node r = resource;
        ResourceDescription d = Txn.calculateRead(dsg, () -> ResourceDescription.of(dsg, r));
        if (d.isEmpty()) {
            notFound(resp, r.getURI());
            return;
        }
        if (format.equals("html") && r.getURI().equals(Ids.ONTOLOGY)) {
            Responses.send(resp, 200, "text/html;charset=utf-8", ontologyPage.getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (format.equals("html")) {
            Responses.send(resp, 200, "text/html;charset=utf-8", new ResourcePage(iris).render(d, base).getBytes(StandardCharsets.UTF_8));
            return;
        }
        Graph g = d.asGraph();
        if (format.equals("jsonld")) {
            Responses.send(resp, 200, "application/ld+json;charset=utf-8", context.compact(g));
            return;
        }
        RDFFormat rdf = FORMATS.get(format);
        g.getPrefixMapping().setNsPrefixes(Map.of("ctkg", Ids.BASE + "ontology#", "rdfs", "http://www.w3.org/2000/01/rdf-schema#",
                "skos", "http://www.w3.org/2004/02/skos/core#", "dcterms", "http://purl.org/dc/terms/", "xsd", "http://www.w3.org/2001/XMLSchema#"));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        RDFDataMgr.write(out, g, rdf);
        Responses.send(resp, 200, rdf.getLang().getContentType().getContentTypeStr() + ";charset=utf-8", out.toByteArray());
    }

    private static String negotiate(String accept) {
        if (accept == null || accept.isBlank())
            return "html";
        String best = "html";
        double bestQ = -1;
        for (String part : accept.split(",")) {
            String[] bits = part.trim().split(";");
            String type = bits[0].trim().toLowerCase();
            double q = 1.0;
            for (int i = 1; i < bits.length; i++)
                if (bits[i].trim().startsWith("q="))
                    try { q = Double.parseDouble(bits[i].trim().substring(2)); } catch (NumberFormatException e) { q = 0; }
            String f = switch (type) {
                case "text/html", "application/xhtml+xml" -> "html";
                case "text/turtle", "application/x-turtle" -> "ttl";
                case "application/ld+json", "application/json" -> "jsonld";
                case "application/n-triples", "text/plain" -> "nt";
                case "application/rdf+xml" -> "rdf";
                default -> null;
            };
            if (f != null && q > bestQ) {
                best = f;
                bestQ = q;
            }
        }
        return best;
    }

    private static void notFound(HttpServletResponse resp, String iri) throws IOException {
        String page = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found — ctkg</title></head><body>\n"
                + "<h1>Nothing is known about this IRI</h1>\n<p><code>" + ResourcePage.esc(iri) + "</code></p>\n"
                + "<p>ctkg has no statement about it. Try the <a href=\"/ui/\">query page</a> or the <a href=\"/\">home page</a>.</p>\n</body></html>\n";
        Responses.send(resp, 404, "text/html;charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
    }

}
