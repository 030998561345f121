package org.ctkg.server.releases;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.jetty.ee10.servlet.ResourceServlet;
import org.ctkg.server.web.Responses;

/**
 * Serves the files of the releases, {@code /releases/{version}/{name}}: only a file that a release
 * on the shelf lists in its {@code SHA256SUMS} (or that file itself), and only while the file has
 * the SHA-256 listed; anything else answers 404 before a path is looked at, so no request can reach
 * another file (a hidden release being written, a file beside the releases, {@code ../}). The bytes
 * go through Jetty's {@link ResourceServlet}, which gives HEAD, {@code Range}, {@code ETag},
 * {@code Last-Modified} and conditional requests; the media type is the file's own
 * ({@code application/gzip} for the dump: never a {@code Content-Encoding}, which would make
 * clients unpack it and the checksum fail).
 */
final class ReleaseFiles extends ResourceServlet {
    private static final long serialVersionUID = 1L;
    /** Where the files are served: ctkg's default --base-url for releases ({@value org.ctkg.release.ReleaseJob#DEFAULT_BASE_URL}) maps here. */
    static final String PATH = "/releases";

    private final transient ReleaseShelf shelf;
    private final Map<String, String> settings;

    ReleaseFiles(ReleaseShelf shelf, java.nio.file.Path dir) {
        this.shelf = shelf;
        // ResourceServlet's init parameters: files under the releases directory, found by the path
        // after /releases; no directory listings, no in-memory cache of (large) dumps.
        this.settings = Map.of("baseResource", dir.toUri().toString(), "pathInfoOnly", "true", "dirAllowed", "false",
                "acceptRanges", "true", "etags", "true", "maxCacheSize", "0", "maxCachedFiles", "0", "maxCachedFileSize", "0");
    }

    @Override
    public String getInitParameter(String name) {
        return settings.get(name);
    }

    @Override
    public void init() throws ServletException {
        // Jetty sets the type from the file's extension; it knows neither RDF Patch nor Turtle.
        var types = org.eclipse.jetty.ee10.servlet.ServletContextHandler.getServletContextHandler(getServletContext()).getMimeTypes();
        for (String name : new String[] {"x.ttl", "x.rdfp", "x.md"})
            types.addMimeMapping(name.substring(2), new ServedFile(name, 0, "", true).mediaType());
        super.init();
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        Optional<ServedFile> file = file(req.getPathInfo());
        if (file.isEmpty()) {
            Responses.send(resp, 404, "text/plain;charset=utf-8", ("No such release file; the releases and their files are listed at "
                    + DownloadsPage.PATH + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return;
        }
        if (!file.get().intact()) {
            Responses.send(resp, 503, "text/plain;charset=utf-8", ("This file does not have the SHA-256 its release lists, so it is not served; "
                    + "the operator must restore it\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return;
        }
        resp.setContentType(file.get().mediaType());
        super.doGet(req, resp);
    }

    /** The listed file a path ({@code /V/NAME}) names, if any. */
    private Optional<ServedFile> file(String path) {
        if (path == null || !path.startsWith("/"))
            return Optional.empty();
        int slash = path.indexOf('/', 1);
        if (slash < 0)
            return Optional.empty();
        String version = path.substring(1, slash), name = path.substring(slash + 1);
        return shelf.release(version).flatMap(r -> r.file(name));
    }
}
