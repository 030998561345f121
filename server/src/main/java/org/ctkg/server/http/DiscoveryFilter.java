package org.ctkg.server.http;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.fuseki.system.ConNeg;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFLanguages;
import org.ctkg.server.CtkgServer;

/**
 * Answers discovery requests before Fuseki sees them: a GET of a query service with no query
 * returns the SPARQL Service Description (as the SPARQL 1.1 Service Description spec asks), and a
 * GET of {@code /ctkg/void} or {@code /.well-known/void} returns the VoID description; in Turtle,
 * N-Triples, RDF/XML or JSON-LD by {@code Accept}.
 */
public final class DiscoveryFilter implements Filter {
    private static final MediaType TURTLE = MediaType.create(Lang.TURTLE.getContentType().getContentTypeStr());
    private static final AcceptList OFFERS = offers();
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
            Lang lang = negotiate(request);
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

    /** The RDF syntax for graphs that the request accepts best; Turtle when it names none. */
    private static Lang negotiate(HttpServletRequest request) {
        MediaType best = ConNeg.chooseContentType(request, OFFERS, TURTLE);
        return RDFLanguages.contentTypeToLang(best.getContentTypeStr());
    }

    /** Every syntax Jena reads graphs in, by each of its media types; Turtle first, so that it wins where the client has no preference. */
    private static AcceptList offers() {
        List<MediaType> types = new ArrayList<>(List.of(TURTLE));
        RDFLanguages.getRegisteredLanguages().stream().filter(RDFLanguages::isTriples).sorted(Comparator.comparing(Lang::getName))
                .flatMap(lang -> Stream.concat(Stream.of(lang.getContentType().getContentTypeStr()), lang.getAltContentTypes().stream()))
                .distinct().map(MediaType::create).filter(type -> !type.equals(TURTLE)).forEach(types::add);
        return AcceptList.create(types.toArray(MediaType[]::new));
    }
}
