package org.ctkg.cli;

import org.ctkg.server.CtkgServer;
import org.ctkg.server.load.LoadServiceParameters;
import org.ctkg.loader.JobSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * A running ctkg server as the target of the command line's jobs: {@code load}, {@code export}
 * and {@code stats} with {@code --server URL}. Loads stream the files up as a zip (nothing is
 * read into memory first) to the server's load service, which runs the same job as a local load
 * and answers with the same summary and exit code. The writer's password comes from the
 * environment ({@code CTKG_WRITER_PASSWORD}) or a file, never from the command line.
 */
final class RemoteServer {
    private final URI base;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private RemoteServer(URI base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    /** The server at {@code url}, with the options' credentials if any ({@code --user}, {@code --password-file}, or the environment). */
    static RemoteServer of(Options o) {
        String url = o.get("server", null);
        URI base;
        try {
            base = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
            if (base.getScheme() == null || !(base.getScheme().equals("http") || base.getScheme().equals("https")))
                throw new IllegalArgumentException();
        } catch (IllegalArgumentException e) {
            throw new UsageException("--server needs an http(s) URL such as http://localhost:3030, got '" + url + "'");
        }
        String user = o.get("user", System.getenv().getOrDefault("CTKG_WRITER_USER", "writer"));
        String password = System.getenv("CTKG_WRITER_PASSWORD");
        if (o.has("password-file")) {
            try {
                password = Files.readAllLines(Path.of(o.get("password-file", null)), StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
            } catch (IOException e) {
                throw new UsageException("cannot read the password file: " + e.getMessage());
            }
        }
        String auth = password == null || password.isEmpty() ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new RemoteServer(base, auth);
    }

    /** Runs a load job on the server; prints as {@code ctkg load} does and returns its exit code. */
    int load(JobSettings settings, Path mapping, List<Path> files, PrintStream out, PrintStream err) {
        for (Path f : files)
            if (!Files.isReadable(f)) {
                err.println("ctkg load: " + f + ": no such file");
                return 2;
            }
        if (authorization == null) {
            err.println("ctkg load: loading through a server needs a writer's password: set CTKG_WRITER_PASSWORD or give --password-file FILE");
            return 2;
        }
        String query = LoadServiceParameters.query(settings);
        HttpRequest request = HttpRequest.newBuilder(base.resolve(CtkgServer.LOAD_PATH + (query.isEmpty() ? "" : "?" + query)))
                .header("Content-Type", "application/zip")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> zipped(mapping, files)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            err.println("ctkg load: cannot reach " + base + ": " + (e instanceof ConnectException ? "connection refused" : e.getMessage()));
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        if (response.statusCode() == 401) {
            err.println("ctkg load: " + base + " refused the credentials (HTTP 401): check --user and the password");
            return 2;
        }
        JsonObject answer;
        try {
            answer = Json.createReader(new StringReader(response.body())).readObject();
        } catch (RuntimeException e) {
            err.println("ctkg load: " + base + " answered HTTP " + response.statusCode() + ", not a load report");
            return 1;
        }
        int code = answer.getInt("exitCode", 1);
        if (code == 0) {
            answer.getJsonArray("notes").forEach(n -> err.println("ctkg load: note: " + ((jakarta.json.JsonString) n).getString()));
            out.println(answer.getString("summary"));
        } else {
            err.println("ctkg load: " + answer.getString("message", "HTTP " + response.statusCode()));
        }
        if (answer.containsKey("report") && answer.get("report").getValueType() == JsonValue.ValueType.STRING)
            err.print(answer.getString("report"));
        if (code != 0 && "unchanged".equals(answer.getString("store", "")))
            err.println("ctkg load: nothing was written; the store is as it was.");
        return code;
    }

    /** The job's files as a zip stream, written by a thread of its own as the request reads it. */
    private static InputStream zipped(Path mapping, List<Path> files) {
        PipedInputStream in = new PipedInputStream(1 << 16);
        PipedOutputStream pipe;
        try {
            pipe = new PipedOutputStream(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Thread writer = new Thread(() -> {
            try (ZipOutputStream zip = new ZipOutputStream(pipe, StandardCharsets.UTF_8)) {
                zip.setLevel(1);
                if (mapping != null)
                    add(zip, "mapping/", mapping);
                for (Path f : files)
                    add(zip, "files/", f);
            } catch (IOException e) {
                // the request ended early (the server answered or went away): nothing more to send
            }
        }, "ctkg-upload");
        writer.setDaemon(true);
        writer.start();
        return in;
    }

    private static void add(ZipOutputStream zip, String folder, Path file) throws IOException {
        zip.putNextEntry(new ZipEntry(folder + file.getFileName()));
        Files.copy(file, zip);
        zip.closeEntry();
    }

    /**
     * Streams the store, or one graph, from the server's Graph Store service to {@code out}, in
     * the given format (the whole store needs a quad format).
     */
    int export(String graph, org.apache.jena.riot.RDFFormat format, OutputStream out, PrintStream err) {
        String type = format.getLang().getContentType().getContentTypeStr();
        String path = "/" + CtkgServer.DATASET + "/data" + (graph == null ? "" : "?graph=" + URLEncoder.encode(graph, StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).header("Accept", type).GET();
        if (authorization != null)
            b.header("Authorization", authorization);
        try {
            HttpResponse<InputStream> r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = r.body()) {
                if (r.statusCode() != 200) {
                    err.println("ctkg export: " + base + " answered HTTP " + r.statusCode()
                            + (r.statusCode() == 404 ? ": no such graph" : ""));
                    return r.statusCode() == 404 ? 2 : 1;
                }
                body.transferTo(out);
                out.flush();
            }
            return 0;
        } catch (IOException e) {
            err.println("ctkg export: cannot reach " + base + ": " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** Runs a SELECT on the server's query service; the rows as CSV lines after the header. */
    List<String> select(String query) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve("/" + CtkgServer.DATASET + "/sparql"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)));
        if (authorization != null)
            b.header("Authorization", authorization);
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != 200)
            throw new IOException(base + " answered HTTP " + r.statusCode());
        List<String> lines = r.body().lines().toList();
        return lines.isEmpty() ? lines : lines.subList(1, lines.size());
    }

    /** The server's base URL. */
    URI base() {
        return base;
    }
}
