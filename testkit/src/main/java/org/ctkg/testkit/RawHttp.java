package org.ctkg.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for what {@code java.net.http} will not send or cannot choose:
 * requests from a given local address (another client on loopback, such as 127.0.0.2), malformed
 * or oversized request lines and headers, CR/LF where a client library would refuse them, and a
 * body sent slowly or not at all. Each request asks the server to close the connection after it.
 */
public final class RawHttp implements AutoCloseable {
    /** A response as the server sent it; header names in lower case (the last of repeated ones). */
    public record Response(int status, Map<String, String> headers, String body, String raw) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final Socket socket;

    private RawHttp(Socket socket) {
        this.socket = socket;
    }

    /** A connection to {@code 127.0.0.1:port} from the local address {@code from} (any of 127.0.0.0/8 on Linux). */
    public static RawHttp connect(String from, int port) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
        socket.setSoTimeout(60_000);
        return new RawHttp(socket);
    }

    /** Sends a GET of {@code path} with these extra header lines (each "Name: value") from {@code from}, and reads the answer. */
    public static Response get(String from, int port, String path, String... headers) throws IOException {
        StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n");
        for (String h : headers)
            request.append(h).append("\r\n");
        try (RawHttp http = connect(from, port)) {
            http.send(request.append("Connection: close\r\n\r\n").toString());
            return http.read();
        }
    }

    /**
     * A query whose body is still on its way, from {@code from}: in flight until the connection is
     * closed. It asks for {@code 100 Continue}, which the server sends once the request has passed
     * every filter (the query budget among them) and the query service reads its body.
     */
    public static RawHttp heldQuery(String from, int port, String... headers) throws IOException {
        StringBuilder request = new StringBuilder("POST /ctkg/sparql HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\nExpect: 100-continue\r\n");
        for (String h : headers)
            request.append(h).append("\r\n");
        RawHttp held = connect(from, port);
        return held.send(request.append("\r\n").toString()).awaitContinue().send("query=ASK");
    }

    /** A query path: {@code /ctkg/sparql?query=…}, the query encoded. */
    public static String queryPath(String query) {
        return "/ctkg/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    /** Writes these characters (ISO-8859-1, byte for byte) and flushes. */
    public RawHttp send(String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return this;
    }

    /**
     * Waits for the interim answer {@code 100 Continue} to a request sent with
     * {@code Expect: 100-continue}: the server sends it when the application first reads the body,
     * so the request has then passed every filter before the servlet. Fails on any other answer.
     */
    public RawHttp awaitContinue() throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0)
                break;
            head.write(b);
        }
        String interim = head.toString(StandardCharsets.ISO_8859_1);
        if (!interim.startsWith("HTTP/1.1 100"))
            throw new IllegalStateException("expected 100 Continue, got: " + interim);
        return this;
    }

    /** Reads the whole answer, until the server closes the connection. */
    public Response read() throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; )
                all.write(buffer, 0, n);
        } catch (SocketTimeoutException e) {
            throw new IOException("the server neither answered nor closed the connection within 60 s", e);
        } catch (IOException e) {
            // a reset after the answer (the server closed with our bytes unread) still leaves the answer
            if (all.size() == 0)
                throw e;
        }
        return parse(all.toString(StandardCharsets.ISO_8859_1));
    }

    /** Whether the server has closed the connection: a read ends (or fails) instead of waiting; up to {@code millis}. */
    public boolean closedWithin(int millis) throws IOException {
        socket.setSoTimeout(millis);
        try {
            InputStream in = socket.getInputStream();
            while (in.read() >= 0) {
                // an answer (say 408) before the close
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }

    private static Response parse(String raw) {
        int end = raw.indexOf("\r\n\r\n");
        String head = end < 0 ? raw : raw.substring(0, end);
        String body = end < 0 ? "" : raw.substring(end + 4);
        String[] lines = head.split("\r\n");
        String[] status = lines[0].split(" ", 3);
        if (status.length < 2 || !status[0].startsWith("HTTP/"))
            throw new IllegalStateException("not an HTTP answer: " + raw);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0)
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
        }
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding")))
            body = unchunk(body);
        return new Response(Integer.parseInt(status[1]), headers, body, raw);
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int eol = chunked.indexOf("\r\n", at);
            if (eol < 0)
                break;
            int size = Integer.parseInt(chunked.substring(at, eol).split(";")[0].strip(), 16);
            if (size == 0)
                break;
            body.append(chunked, eol + 2, Math.min(chunked.length(), eol + 2 + size));
            at = eol + 2 + size + 2;
        }
        return body.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
