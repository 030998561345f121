package org.ctkg.server.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.io.FileUtils;
import org.apache.commons.io.input.BoundedInputStream;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.ctkg.loader.JobSettings;
import org.ctkg.loader.LoadException;
import org.ctkg.loader.LoadJob;
import org.ctkg.loader.LoadReport;
import org.ctkg.loader.Store;
import org.ctkg.loader.prov.Provenance;
import org.ctkg.loader.report.Reports;
import org.ctkg.loader.report.Summaries;
import org.ctkg.loader.source.RdfFile;
import org.ctkg.loader.source.RmlMapping;
import org.ctkg.server.search.SearchIndex;
import org.ctkg.server.web.Responses;

/**
 * Load jobs sent to a running server ({@code POST /ctkg/load}, writers only): the same pipeline
 * as {@code ctkg load} on a store (parse or map, infer, validate, one write transaction,
 * provenance), so the endpoint need not stop for a scheduled job. Queries keep answering from the
 * last commit while a job runs and see all of it once it commits, none of it if it fails.
 * <p>
 * The body is one RDF file (its syntax from {@code Content-Type}, {@code ?syntax=} or the file
 * name given as {@code ?name=}; {@code Content-Encoding: gzip} accepted), or a zip of
 * {@code files/NAME} entries with an optional {@code mapping/NAME} (an RML mapping over the files).
 * Settings are query parameters ({@code graph}, {@code replace}, {@code infer}, {@code lenient},
 * {@code validate=false}). The upload is staged on disk, never held in memory. One job at a time:
 * a second one is refused with 409 while the first runs (or uploads). The answer is JSON: the
 * outcome, the exit code {@code ctkg load} would give (0, 2 bad input, 3 SHACL violations, 1
 * internal), the summary line or the message, notes, and the SHACL report if any. A GET says
 * whether a job is running, since when, and whether it is still receiving its files or loading.
 */
public final class LoadService extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Pattern ENTRY = Pattern.compile("^(files|mapping)/([^/\\\\]+)$");
    private static final Map<String, String> EXTENSIONS = Map.of(
            "text/turtle", "ttl", "application/n-triples", "nt", "application/n-quads", "nq", "application/trig", "trig",
            "application/rdf+xml", "rdf", "application/ld+json", "jsonld", "text/csv", "csv", "application/json", "json");

    private final transient DatasetGraph store;
    private final transient SearchIndex search;
    private final transient ReentrantLock oneJob = new ReentrantLock();
    private final boolean writable;
    private final long maxUploadBytes;
    private final int minCell;
    private volatile Instant runningSince;
    private volatile String phase;

    /**
     * @param maxUploadBytes the most bytes a job may stage: its body, or the files a zip expands to;
     *                       more is refused with 413
     * @param minCell        the threshold of the published case counts a restricted job recomputes
     */
    public LoadService(DatasetGraph store, SearchIndex search, boolean writable, long maxUploadBytes, int minCell) {
        this.minCell = minCell;
        this.store = store;
        this.search = search;
        this.writable = writable;
        this.maxUploadBytes = maxUploadBytes;
    }

    /** Whether a job is running, since when, and in which phase (receiving the upload, or loading). */
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Instant since = runningSince;
        String now = phase;
        JsonObjectBuilder b = Json.createObjectBuilder().add("running", since != null);
        if (since != null) {
            b.add("since", since.toString());
            if (now != null)
                b.add("phase", now);
        }
        answer(resp, 200, b);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!writable) {
            answer(resp, 403, Json.createObjectBuilder().add("outcome", "refused").add("exitCode", 1)
                    .add("message", "this server is read-only: start it with writers (--passwd FILE or CTKG_WRITER_PASSWORD) to load through it"));
            return;
        }
        if (req.getContentLengthLong() > maxUploadBytes) {
            answer(resp, 413, tooLarge());
            return;
        }
        if (!oneJob.tryLock()) {
            resp.setHeader("Retry-After", "5");
            answer(resp, 409, Json.createObjectBuilder().add("outcome", "refused").add("exitCode", 1)
                    .add("message", "another load job is running (since " + runningSince + "); one job at a time: try again when it has ended"));
            return;
        }
        // The answer goes out once the job is over and the next may begin: a client that sends its
        // next job as soon as it has this one's answer must not find this one still running.
        Answer outcome;
        try {
            outcome = run(req);
        } finally {
            runningSince = null;
            phase = null;
            oneJob.unlock();
        }
        answer(resp, outcome.status(), outcome.body());
    }

    /** A job's answer: its HTTP status and JSON body. */
    private record Answer(int status, JsonObjectBuilder body) {}

    /** Receives, stages and runs one load job (the caller holds the one-job lock). */
    private Answer run(HttpServletRequest req) throws IOException {
        Path work = null;
        try {
            phase = "receiving";
            runningSince = Instant.now();
            JobSettings settings;
            try {
                settings = LoadServiceParameters.of(req);
            } catch (IllegalArgumentException e) {
                return new Answer(400, failure(2, e.getMessage(), null));
            }
            work = Files.createTempDirectory("ctkg-load-");
            Staged staged = stage(req, work, maxUploadBytes);
            phase = "loading";
            LoadJob.Builder job = settings.applyTo(LoadJob.create(Store.serving(store))).minCell(minCell);
            if (staged.mapping != null)
                job.source(RmlMapping.of(staged.mapping, staged.files, staged::name));
            else
                for (Path file : staged.files)
                    job.source(RdfFile.of(file, settings.syntax(), staged.name(file)));
            LoadReport report = job.build().run();
            List<Node> written = new ArrayList<>(report.changes().keySet());
            written.add(Provenance.GRAPH);
            search.reindex(written);
            JsonArrayBuilder notes = Json.createArrayBuilder();
            report.notes().forEach(notes::add);
            JsonObjectBuilder ok = Json.createObjectBuilder().add("outcome", "committed").add("exitCode", 0)
                    .add("summary", Summaries.load(report)).add("notes", notes);
            if (report.violations() > 0)
                ok.add("report", reportText(report.validation()));
            return new Answer(200, ok);
        } catch (LoadException e) {
            int status = switch (e.kind()) {
                case BAD_INPUT -> 400;
                case INVALID -> 422;
                case INTERNAL -> 500;
            };
            return new Answer(status, failure(e.kind().exitCode, e.getMessage(), e.report() == null ? null : reportText(e.report())));
        } catch (UploadTooLarge e) {
            return new Answer(413, tooLarge());
        } catch (UploadException e) {
            return new Answer(400, failure(2, e.getMessage(), null));
        } finally {
            if (work != null)
                FileUtils.deleteQuietly(work.toFile());
        }
    }

    private JsonObjectBuilder tooLarge() {
        return Json.createObjectBuilder().add("outcome", "refused").add("exitCode", 2).add("store", "unchanged")
                .add("message", "the upload is larger than this server takes for a load job: at most " + maxUploadBytes
                        + " bytes (after unzipping); see ctkg serve --max-upload-bytes");
    }

    private static JsonObjectBuilder failure(int exitCode, String message, String report) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("outcome", "failed").add("exitCode", exitCode).add("message", message)
                .add("store", "unchanged");
        if (report != null)
            b.add("report", report);
        return b;
    }

    private static String reportText(org.apache.jena.shacl.ValidationReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Reports.printText(report, new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void answer(HttpServletResponse resp, int status, JsonObjectBuilder body) throws IOException {
        Responses.send(resp, status, "application/json;charset=utf-8", (body.build().toString() + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** An upload that cannot be staged: a bad zip, a bad entry name, a body that broke off. */
    private static final class UploadException extends Exception {
        private static final long serialVersionUID = 1L;

        UploadException(String message) {
            super(message);
        }
    }

    /** An upload past the server's bound, found while staging it (a body without a length, a zip that expands). */
    private static final class UploadTooLarge extends IOException {
        private static final long serialVersionUID = 1L;
    }

    /**
     * The stream, ending in {@link UploadTooLarge} once more than {@code budget} bytes are read
     * from it; the caller's stream is not closed with it.
     */
    private static InputStream atMost(InputStream in, long budget) throws IOException {
        return BoundedInputStream.builder().setInputStream(in).setMaxCount(budget + 1).setPropagateClose(false)
                .setOnMaxCount((max, count) -> {
                    throw new UploadTooLarge();
                }).get();
    }

    /** The files of a job on disk, with the names the client gave them. */
    private static final class Staged {
        Path mapping;
        final List<Path> files = new ArrayList<>();
        final Map<Path, String> names = new HashMap<>();

        String name(Path p) {
            return names.getOrDefault(p, p.getFileName().toString());
        }
    }

    private static Staged stage(HttpServletRequest req, Path work, long maxBytes) throws UploadException, IOException {
        Staged staged = new Staged();
        Files.createDirectories(work.resolve("files"));
        Files.createDirectories(work.resolve("mapping"));
        String type = req.getContentType() == null ? "" : req.getContentType().split(";")[0].trim().toLowerCase(Locale.ROOT);
        long left = maxBytes;
        try (InputStream body = atMost(req.getInputStream(), maxBytes)) {
            if (type.equals("application/zip")) {
                ZipInputStream zip = new ZipInputStream(body, StandardCharsets.UTF_8);
                ZipEntry entry;
                while ((entry = zip.getNextEntry()) != null) {
                    if (entry.isDirectory())
                        continue;
                    var m = ENTRY.matcher(entry.getName());
                    if (!m.matches() || m.group(2).equals(".") || m.group(2).equals(".."))
                        throw new UploadException("zip entry '" + entry.getName() + "': entries must be files/NAME or mapping/NAME");
                    Path target = work.resolve(m.group(1)).resolve(m.group(2));
                    if (Files.exists(target))
                        throw new UploadException("zip entry '" + entry.getName() + "' appears twice");
                    if (m.group(1).equals("mapping")) {
                        if (staged.mapping != null)
                            throw new UploadException("a job has one mapping; the zip has more");
                        staged.mapping = target;
                    } else {
                        staged.files.add(target);
                    }
                    left -= Files.copy(atMost(zip, left), target);
                    staged.names.put(target, m.group(2));
                }
            } else {
                String name = req.getParameter("name");
                if (name == null || name.isBlank())
                    name = "upload." + EXTENSIONS.getOrDefault(type, "ttl");
                if (!name.matches("[^/\\\\]+") || name.equals(".") || name.equals(".."))
                    throw new UploadException("name '" + name + "': give a file name, not a path");
                String encoding = req.getHeader("Content-Encoding");
                String stagedName = "gzip".equalsIgnoreCase(encoding) && !name.endsWith(".gz") ? name + ".gz" : name;
                Path target = work.resolve("files").resolve(stagedName);
                Files.copy(body, target);
                staged.files.add(target);
                staged.names.put(target, name);
            }
        } catch (java.util.zip.ZipException e) {
            throw new UploadException("not a valid zip: " + e.getMessage());
        } catch (org.eclipse.jetty.io.EofException e) {
            throw new UploadException("the upload broke off: " + e.getMessage());
        }
        if (staged.files.isEmpty())
            throw new UploadException("nothing to load: the request holds no file");
        return staged;
    }

}
