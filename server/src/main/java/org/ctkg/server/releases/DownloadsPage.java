package org.ctkg.server.releases;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.ctkg.server.ld.LinkedData;
import org.ctkg.server.ld.Pages;
import org.ctkg.server.web.Responses;

/**
 * {@code /downloads}: the releases, newest first, each with its files (size, SHA-256, a link that
 * downloads it) and its change since the release before; without a releases directory, a page
 * that says there are none and how to cut one. Like a resource's IRI, {@code /downloads} answers
 * 303 by {@code Accept} to a document: {@code /downloads.html} for people, the DCAT catalogue of
 * the releases ({@link ReleaseCatalogue}) as {@code .ttl}, {@code .jsonld}, {@code .nt} or {@code .rdf}.
 */
public final class DownloadsPage extends HttpServlet {
    private static final long serialVersionUID = 1L;
    public static final String PATH = "/downloads";

    private final transient ReleaseShelf shelf;
    private final transient ReleaseCatalogue catalogue;

    DownloadsPage(ReleaseShelf shelf, ReleaseCatalogue catalogue) {
        this.shelf = shelf;
        this.catalogue = catalogue;
    }

    /** The page: whether releases are served at all, and the releases. */
    public record Downloads(boolean configured, List<Entry> releases) {}

    /** A release on the page; {@code previous} and {@code changes} null for the first of a line. */
    public record Entry(String version, String date, String previous, List<File> files, String changes) {}

    /** A file on the page, with the link that downloads it. */
    public record File(String name, String href, String kind, String size, long bytes, String sha256, boolean intact) {}

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI();
        if (path.equals(PATH)) {
            resp.setHeader("Vary", "Accept");
            resp.setStatus(303);
            resp.setHeader("Location", PATH + "." + LinkedData.negotiate(req));
            return;
        }
        String suffix = path.startsWith(PATH + ".") ? path.substring(PATH.length() + 1) : "";
        if (suffix.equals("html")) {
            Pages.send(resp, 200, "downloads.jte", page());
            return;
        }
        RDFFormat format = LinkedData.FORMATS.get(suffix);
        if (format == null) {
            resp.sendError(404, "No such document: the releases are at " + PATH);
            return;
        }
        String base = req.getScheme() + "://" + req.getServerName() + ":" + req.getServerPort();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, catalogue.catalogue(base), format);
        Responses.send(resp, 200, format.getLang().getContentType().getContentTypeStr() + ";charset=utf-8", out.toByteArray());
    }

    private Downloads page() {
        return new Downloads(shelf.configured(), shelf.releases().stream().map(r -> new Entry(r.version(), r.date().toString(), r.previousVersion(),
                r.files().stream().map(f -> new File(f.name(), ReleaseCatalogue.href(r, f), f.kind(), f.size(), f.bytes(), f.sha256(), f.intact())).toList(),
                r.changes())).toList());
    }
}
