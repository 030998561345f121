package org.ctkg.server.releases;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.ctkg.server.web.Responses;

/**
 * Downloads a resource's citation, {@code /cite?iri=IRI&format=text|bibtex|csl-json}: the same
 * citation as the "cite this" block of its page, as a file ({@code Content-Disposition: attachment}).
 * An IRI the store says nothing about answers 404; a missing or bad IRI or format, 400.
 */
final class CitationServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String PATH = "/cite";
    /** Format → media type and file suffix. */
    private static final Map<String, String[]> FORMATS = Map.of(
            "text", new String[] {"text/plain;charset=utf-8", "txt"},
            "bibtex", new String[] {"application/x-bibtex;charset=utf-8", "bib"},
            "csl-json", new String[] {"application/vnd.citationstyles.csl+json;charset=utf-8", "json"});

    private final transient ResourceHistory history;

    CitationServlet(ResourceHistory history) {
        this.history = history;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String iri = req.getParameter("iri"), format = req.getParameter("format");
        String[] type = format == null ? null : FORMATS.get(format);
        if (iri == null || !absolute(iri) || type == null) {
            Responses.refuse(resp, 400, "Ask for /cite?iri=IRI&format=F with an absolute IRI and F one of text, bibtex, csl-json");
            return;
        }
        Citation citation = history.citation(NodeFactory.createURI(iri));
        if (citation == null) {
            Responses.refuse(resp, 404, "ctkg has no statement about <" + iri + ">");
            return;
        }
        resp.setHeader("Content-Disposition", "attachment; filename=\"ctkg-citation." + type[1] + "\"");
        Responses.send(resp, 200, type[0], citation.in(format).getBytes(StandardCharsets.UTF_8));
    }

    private static boolean absolute(String iri) {
        try {
            return iri.length() <= 2048 && IRIx.create(iri).isReference();
        } catch (IRIException e) {
            return false;
        }
    }
}
