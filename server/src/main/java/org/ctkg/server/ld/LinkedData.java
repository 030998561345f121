package org.ctkg.server.ld;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.fuseki.system.ConNeg;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.ctkg.ontology.Ids;
import org.ctkg.server.releases.ResourceHistory;
import org.ctkg.server.views.CountryFacts;
import org.ctkg.server.views.Dossier;
import org.ctkg.server.views.StatisticEditions;
import org.ctkg.server.views.StatisticFacts;
import org.ctkg.server.views.StatusMap;
import org.ctkg.server.web.Responses;

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
    /** The RDF documents' suffixes and their formats. */
    public static final Map<String, RDFFormat> FORMATS = Map.of(
            "ttl", RDFFormat.TURTLE_PRETTY, "jsonld", RDFFormat.JSONLD_PRETTY, "nt", RDFFormat.NTRIPLES, "rdf", RDFFormat.RDFXML_PRETTY);

    private static final MediaType HTML = MediaType.create("text/html");
    /** The documents' suffixes by the media types that ask for them, in the order preferred when the client has no preference. */
    private static final Map<String, String> SUFFIXES = new java.util.LinkedHashMap<>();
    static {
        SUFFIXES.put("text/html", "html");
        SUFFIXES.put("application/xhtml+xml", "html");
        SUFFIXES.put("text/turtle", "ttl");
        SUFFIXES.put("application/x-turtle", "ttl");
        SUFFIXES.put("application/ld+json", "jsonld");
        SUFFIXES.put("application/json", "jsonld");
        SUFFIXES.put("application/n-triples", "nt");
        SUFFIXES.put("text/plain", "nt");
        SUFFIXES.put("application/rdf+xml", "rdf");
    }
    private static final AcceptList OFFERS = AcceptList.create(SUFFIXES.keySet().toArray(String[]::new));

    /** Where ctkg's JSON-LD context is served. */
    public static final String CONTEXT_PATH = "/context.jsonld";

    private final transient DatasetGraph dsg;
    private final Iris iris;
    private final byte[] ontologyPage = OntologyPage.render();
    private final transient JsonLdContext context = JsonLdContext.ofCtkg();

    private final transient CountryFacts countries;
    private final transient StatisticFacts statistics;
    private final transient ResourceHistory history;

    /**
     * {@code countries}: what a country's page shows as its dossier; {@code statistics}: what a statistic's
     * page shows of its figure's other editions; {@code history}: its history and citation.
     */
    public LinkedData(DatasetGraph dsg, Iris iris, CountryFacts countries, StatisticFacts statistics, ResourceHistory history) {
        this.dsg = dsg;
        this.iris = iris;
        this.countries = countries;
        this.statistics = statistics;
        this.history = history;
    }

    /** Maps between the public base and this server's paths. */
    public record Iris(String publicBase) {
        /** The IRI for a path of this server ({@code /id/x} → {@code {base}id/x}). */
        String iri(String path) {
            return publicBase + path.substring(1);
        }

        /** Where a link to the IRI should go: this server's page for ctkg's IRIs, the IRI for other web IRIs, null otherwise. */
        public String localHref(String iri) {
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
            resp.setHeader("Location", base + "." + negotiate(req));
            return;
        }
        if (!format.equals("html") && !FORMATS.containsKey(format)) {
            resp.sendError(400, "Unknown format '" + format + "': use html, ttl, jsonld, nt or rdf");
            return;
        }
        Node r = resource;
        ResourceDescription d = Txn.calculateRead(dsg, () -> ResourceDescription.of(dsg, r));
        if (d.isEmpty()) {
            Pages.send(resp, 404, "notfound.jte", r.getURI());
            return;
        }
        if (format.equals("html") && r.getURI().equals(Ids.ONTOLOGY)) {
            Pages.send(resp, 200, ontologyPage);
            return;
        }
        if (format.equals("html")) {
            CountryFacts.Facts facts = countries.now();
            Pages.send(resp, 200, "resource.jte", ResourcePage.of(d, iris, base, Dossier.of(facts, r, iris), StatusMap.latest(facts, r, iris),
                    StatisticEditions.of(statistics.now(), r, iris), history::of));
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

    /** The suffix of the document the request accepts best ({@code html} or one of {@link #FORMATS}); the HTML page when it names none of them. */
    public static String negotiate(HttpServletRequest req) {
        MediaType best = ConNeg.chooseContentType(req, OFFERS, HTML);
        return SUFFIXES.getOrDefault(best.getContentTypeStr(), "html");
    }
}
