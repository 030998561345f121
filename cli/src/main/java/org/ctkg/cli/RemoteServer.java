package org.ctkg.cli;

import java.io.IOException;
import java.io.OutputStream;
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
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.atlas.web.TypedInputStream;
import org.apache.jena.http.HttpEnv;
import org.apache.jena.http.HttpLib;
import org.apache.jena.http.HttpOp;
import org.apache.jena.http.auth.AuthEnv;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.exec.http.QuerySendMode;
import org.ctkg.loader.JobSettings;
import org.ctkg.server.CtkgServer;
import org.ctkg.server.load.LoadServiceParameters;

/**
 * A running ctkg server as the target of the command line's jobs: {@code load}, {@code export}
 * and {@code stats} with {@code --server URL}, through Jena's HTTP clients. A writer's credentials
 * are registered with Jena's {@link AuthEnv} for this server's three services only, and sent with
 * each request to them (as before, without waiting for a challenge); closing forgets them. An HTTPS
 * server is trusted as the JDK trusts it, or, with {@code --ca-cert}, if its certificate is one of
 * those given ({@link TrustedCertificates}).
 */
final class RemoteServer implements AutoCloseable {
    private final URI base;
    private final String sparql;
    private final String data;
    private final String load;
    private final boolean credentials;
    /** The TLS context that trusts the server's certificate ({@code --ca-cert}), or null for the JDK's authorities. */
    private final SSLContext tls;
    private final HttpClient http;

    private RemoteServer(URI base, boolean credentials, SSLContext tls) {
        this.base = base;
        this.sparql = base + "/" + CtkgServer.DATASET + "/sparql";
        this.data = base + "/" + CtkgServer.DATASET + "/data";
        this.load = base + CtkgServer.LOAD_PATH;
        this.credentials = credentials;
        this.tls = tls;
        this.http = tls == null ? HttpEnv.getDftHttpClient() : HttpEnv.httpClientBuilder().sslContext(tls).build();
    }

    /**
     * The server at {@code base} (an http(s) URL without a trailing slash), asked as this writer when
     * there is a password, its certificate checked with {@code tls} (null: the JDK's authorities).
     */
    static RemoteServer connect(URI base, WriterCredentials writer, SSLContext tls) {
        RemoteServer server = new RemoteServer(base, writer.present(), tls);
        if (writer.present())
            for (String service : server.services())
                AuthEnv.get().registerBasicAuthModifier(service, writer.user(), writer.password());
        return server;
    }

    private List<String> services() {
        return List.of(sparql, data, load);
    }

    @Override
    public void close() {
        if (credentials)
            services().forEach(AuthEnv.get()::unregisterAuthModifier);
    }

    /** The server's base URL. */
    URI base() {
        return base;
    }

    /** A query on the server's SPARQL service, sent as an HTML form like a browser's. */
    QueryExec query(String query) {
        return QueryExecHTTP.service(sparql).httpClient(http).query(query).sendMode(QuerySendMode.asPostForm).build();
    }

    /**
     * Streams the store, or one graph, from the server's Graph Store service to {@code out}, in
     * the given format (the whole store needs a quad format); returns the exit code.
     */
    int export(String graph, RDFFormat format, OutputStream out, PrintStream err) {
        String url = data + (graph == null ? "" : "?graph=" + URLEncoder.encode(graph, StandardCharsets.UTF_8));
        try (TypedInputStream body = HttpOp.httpGet(http, url, format.getLang().getContentType().getContentTypeStr())) {
            body.transferTo(out);
            out.flush();
            return 0;
        } catch (HttpException e) {
            if (e.getStatusCode() <= 0) {
                err.println("ctkg export: cannot reach " + base + ": " + describe(e));
                return 1;
            }
            err.println("ctkg export: " + base + " answered HTTP " + e.getStatusCode() + (e.getStatusCode() == 404 ? ": no such graph" : ""));
            return e.getStatusCode() == 404 ? 2 : 1;
        } catch (IOException e) {
            err.println("ctkg export: cannot reach " + base + ": " + e.getMessage());
            return 1;
        }
    }

    /**
     * Runs a load job on the server's load service, the files streaming up as a zip; prints as
     * {@code ctkg load} does and returns its exit code. The request is the JDK client's: its body
     * is a stream, which Jena's helpers would turn into an exception on a refused job.
     */
    int load(JobSettings settings, Path mapping, List<Path> files, PrintStream out, PrintStream err) {
        for (Path f : files)
            if (!Files.isReadable(f)) {
                err.println("ctkg load: " + f + ": no such file");
                return 2;
            }
        if (!credentials) {
            err.println("ctkg load: loading through a server needs a writer's password: set CTKG_WRITER_PASSWORD or give --password-file FILE");
            return 2;
        }
        String query = LoadServiceParameters.query(settings);
        String url = load + (query.isEmpty() ? "" : "?" + query);
        HttpRequest request = HttpLib.requestBuilderFor(load).uri(URI.create(url))
                .header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> ZipUpload.of(mapping, files)))
                .build();
        HttpResponse<String> response;
        try {
            HttpClient.Builder client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1);
            response = (tls == null ? client : client.sslContext(tls)).build()
                    .send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            err.println("ctkg load: cannot reach " + base + ": " + describe(e));
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        if (response.statusCode() == 401) {
            err.println("ctkg load: " + base + " refused the credentials (HTTP 401): check --user and the password");
            return 2;
        }
        return report(response, out, err);
    }

    /** The load service's JSON answer, printed as a local job's outcome; its exit code. */
    private int report(HttpResponse<String> response, PrintStream out, PrintStream err) {
        JsonObject answer;
        try {
            answer = Json.createReader(new StringReader(response.body())).readObject();
        } catch (RuntimeException e) {
            err.println("ctkg load: " + base + " answered HTTP " + response.statusCode() + ", not a load report");
            return 1;
        }
        int code = answer.getInt("exitCode", 1);
        if (code == 0) {
            answer.getJsonArray("notes").forEach(n -> err.println("ctkg load: note: " + ((JsonString) n).getString()));
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

    /** The JDK's reason, without the names of its classes that it puts first. */
    private static String reason(Throwable handshake) {
        String message = String.valueOf(handshake.getMessage());
        return message.substring(message.lastIndexOf(": ") + 1).strip();
    }

    /** What went wrong in a request, in a few words: "connection refused" rather than an exception's name. */
    static String describe(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException)
                return "connection refused";
            if (t instanceof SSLHandshakeException)
                return "its HTTPS certificate is not trusted (" + reason(t) + "); for a server with a self-signed certificate, "
                       + "give --ca-cert FILE with that certificate in PEM";
        }
        return e.getMessage();
    }
}
