package org.ctkg.server.http;

import org.ctkg.server.CtkgServer;
import java.io.IOException;
import java.io.OutputStream;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFLanguages;

/**
 * Answers discovery requests before Fuseki sees them: a GET of a query service with no query
 * returns the SPARQL Service Description (as the SPARQL 1.1 Service Description spec asks), and a
 * GET of {@code /ctkg/void} or {@code /.well-known/void} returns the VoID description; in Turtle,
 * N-Triples, RDF/XML or JSON-LD by {@code Accept}.
 */
public final class DiscoveryFilter implements Filter {
    private final DatasetDescription description;

    public DiscoveryFilter(DatasetDescription description) {
        this.description = description;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String path = request.getRequestURI();
        boolean get = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        boolean queryService = path.equals("/" + CtkgServer.DATASET + "/sparql") || path.equals("/" + CtkgServer.DATASET + "/query")
                               || path.equals("/" + CtkgServer.DATASET);
        boolean voidPath = path.equals("/" + CtkgServer.DATASET + "/void") || path.equals("/.well-known/void");
        if (get && (voidPath || (queryService && (request.getQueryString() == null || request.getQueryString().isEmpty())))) {
            Lang lang = negotiate(request.getHeader("Accept"));
            String base = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
            response.setStatus(200);
            response.setContentType(lang.getContentType().getContentTypeStr() + ";charset=utf-8");
            response.setHeader("Vary", "Accept");
            if ("GET".equals(request.getMethod())) {
                try (OutputStream out = response.getOutputStream()) {
                    RDFDataMgr.write(out, description.describe(base), lang);
                }
            }
            return;
        }
        chain.doFilter(req, res);
    }

    private static Lang negotiate(String accept) {
        if (accept != null) {
            for (String part : accept.split(",")) {
                String type = part.split(";")[0].trim();
                Lang lang = RDFLanguages.contentTypeToLang(type);
                if (lang != null && RDFLanguages.isTriples(lang))
                    return lang;
            }
        }
        return Lang.TURTLE;
    }
}
