package org.ctkg.server.ui;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.ctkg.server.ld.Link;
import org.ctkg.server.ld.Pages;
import org.ctkg.server.ld.Refusal;

/**
 * Short stable links to the saved questions, {@code /q/{name}} (e.g. {@code /q/country-timeline}):
 * a 303 to the query UI with the question's query and view in the URL's fragment
 * ({@code /ui/#q=…&view=…}, which ui.js reads at load), so a link in an article keeps working
 * while the question's text is improved. An unknown name answers a 404 page.
 */
public final class SavedQuestions extends HttpServlet {
    private static final long serialVersionUID = 1L;
    public static final String PATH = "/q/";
    private final transient Map<String, SavedQuestion> questions = SavedQuestion.all();

    /** Where the query UI opens with this query and view ({@code view} empty: the UI picks one). */
    public static String uiHref(String query, String view) {
        return "/ui/#q=" + encode(query) + (view.isEmpty() ? "" : "&view=" + encode(view));
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo().replaceFirst("^/", "");
        SavedQuestion q = questions.get(path);
        if (q == null) {
            Pages.send(resp, 404, "refusal.jte", new Refusal("No such saved question",
                    "The saved questions are listed on the query page; each has a short link there.", Link.of("the query page", "/ui/")));
            return;
        }
        resp.setStatus(303);
        resp.setHeader("Location", uiHref(q.query(), q.view()));
        resp.setHeader("Cache-Control", "public, max-age=3600");
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
