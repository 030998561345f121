package org.ctkg.server.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.ctkg.server.web.Responses;

/**
 * The query UI at {@code /ui/}, and the pages' style sheet ({@code /ui/pages.css}): a fixed set of files from the jar (nothing else can be asked
 * for, so no path can reach outside them; {@code ui-views.js} draws the result views) and {@code examples.json}, the example
 * questions built from {@code ctkg/ui/examples/*.rq} ({@link SavedQuestion}).
 */
public final class QueryUiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final String ROOT = "ctkg/ui/";
    private static final Map<String, String> FILES = Map.of(
            "", "text/html;charset=utf-8",
            "index.html", "text/html;charset=utf-8",
            "ui.js", "text/javascript;charset=utf-8",
            "ui-views.js", "text/javascript;charset=utf-8",
            "ui.css", "text/css;charset=utf-8",
            "pages.css", "text/css;charset=utf-8",
            "yasgui.min.js", "text/javascript;charset=utf-8",
            "yasgui.min.css", "text/css;charset=utf-8");
    /** The example query files, in menu order. */
    public static final List<String> EXAMPLES = List.of(
            "00-recommendations-and-instruments", "01-crimes-linked-to-actors", "02-figures-and-sources", "03-instruments",
            "19-forced-labour-recommendations", "20-recommendation-changes-instrument", "21-supply-chain-recommendation",
            "03-harms-of-trafficking", "14-crimes-knitted-together", "05-profits-figure", "30-forced-labour-over-time",
            "28-palermo-parties", "10-protocol-supplements-convention", "29-tvpa-reauthorizations",
            "02-report-authors-affiliations", "31-provenance-of-a-fact", "16-mexico-syndicates", "15-victim-roles", "32-full-text-search",
            "33-tier-3-and-palermo", "34-forced-labour-goods-and-tiers", "35-recommendations-crimes-instruments-evidence", "36-country-timeline",
            "37-tiers-2012", "38-tier-map-2012", "39-crime-links", "40-goods-by-country");

    private final byte[] examplesJson;

    public QueryUiServlet() {
        this.examplesJson = examplesJson().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? null : req.getPathInfo().replaceFirst("^/", "");
        if (path == null) {
            resp.sendRedirect(req.getRequestURI() + "/");
            return;
        }
        if (path.equals("examples.json")) {
            Responses.send(resp, 200, "application/json;charset=utf-8", examplesJson);
            return;
        }
        String type = FILES.get(path);
        if (type == null) {
            resp.sendError(404, "No such file in the query UI");
            return;
        }
        String file = path.isEmpty() ? "index.html" : path;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(ROOT + file)) {
            if (in == null) {
                resp.sendError(404);
                return;
            }
            resp.setHeader("Cache-Control", "public, max-age=3600");
            Responses.send(resp, 200, type, in.readAllBytes());
        }
    }

    /** The example questions as a JSON array of {name, title, query, view} ({@link SavedQuestion}). */
    static String examplesJson() {
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (SavedQuestion q : SavedQuestion.all().values())
            items.add(Json.createObjectBuilder().add("name", q.name()).add("title", q.title()).add("query", q.query()).add("view", q.view()));
        return items.build().toString();
    }
}
