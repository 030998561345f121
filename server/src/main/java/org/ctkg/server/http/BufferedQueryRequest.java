package org.ctkg.server.http;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.apache.jena.query.Query;
import org.eclipse.jetty.util.UrlEncoded;

/**
 * A query request whose body has been read whole: the body is served from memory, and its
 * parameters are those of the query string and, for a form, of the body (decoded by Jetty's
 * {@link UrlEncoded}, as the server itself would). Made by {@link WholeQueryRequests}.
 */
final class BufferedQueryRequest extends HttpServletRequestWrapper {
    /** The request carries more parameter values than allowed. */
    static final class TooManyParameters extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
    }

    /** The body did not arrive within its deadline. */
    static final class SlowBody extends IOException {
        private static final long serialVersionUID = 1L;
    }

    private final byte[] body;
    private boolean parsed;
    private String parsedText;
    private Query query;
    private final Map<String, List<String>> parameters = new LinkedHashMap<>();
    private int values;

    private BufferedQueryRequest(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body;
    }

    /**
     * Reads the request's body (of its declared length) until {@code deadlineNanos}, checked
     * each time bytes arrive; then decodes its parameters, at most {@code maxParameters} values.
     * Throws {@link SlowBody} past the deadline, {@link TooManyParameters}, or another
     * {@link IllegalArgumentException} for parameters that are not well-formed percent-encoded text.
     */
    static BufferedQueryRequest read(HttpServletRequest request, long deadlineNanos, int maxParameters) throws IOException {
        long length = request.getContentLengthLong();
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.max(0, length));
        InputStream in = request.getInputStream();
        byte[] buffer = new byte[8192];
        for (int n; out.size() < length && (n = in.read(buffer)) >= 0; ) {
            out.write(buffer, 0, n);
            if (out.size() < length && System.nanoTime() > deadlineNanos)
                throw new SlowBody();
        }
        BufferedQueryRequest buffered = new BufferedQueryRequest(request, out.toByteArray());
        buffered.decode(request.getQueryString(), StandardCharsets.UTF_8, maxParameters);
        String type = request.getContentType();
        if (type != null && type.toLowerCase().startsWith("application/x-www-form-urlencoded"))
            buffered.decode(new String(buffered.body, StandardCharsets.ISO_8859_1), charset(request), maxParameters);
        return buffered;
    }

    private static Charset charset(HttpServletRequest request) {
        try {
            return request.getCharacterEncoding() == null ? StandardCharsets.UTF_8 : Charset.forName(request.getCharacterEncoding());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("an unknown character encoding");
        }
    }

    private void decode(String encoded, Charset charset, int maxParameters) {
        if (encoded == null || encoded.isEmpty())
            return;
        UrlEncoded.decodeTo(encoded, (name, value) -> {
            if (++values > maxParameters)
                throw new TooManyParameters();
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }, charset);
    }

    /** The query's text: its {@code query} parameter, or a body sent as {@code application/sparql-query}; null when there is none. */
    String queryText() {
        String query = getParameter("query");
        if (query != null)
            return query;
        String type = getContentType();
        return type != null && type.toLowerCase().startsWith("application/sparql-query") ? new String(body, charset(this)) : null;
    }

    /**
     * The query of {@link #queryText()}, parsed once for the whole request: the query gate judges
     * it, the answer cache looks at it and the query service runs it. Null without a text, or when
     * it does not parse (the query service then parses it again, to answer 400 with the reason).
     * Not to be changed: a filter that needs another query makes a copy.
     */
    Query query() {
        if (!parsed) {
            parsed = true;
            parsedText = queryText();
            query = parsedText == null ? null : QueryText.parse(parsedText);
        }
        return query;
    }

    /** The text {@link #query()} parsed, or null. */
    String parsedText() {
        query();
        return parsedText;
    }

    /** The body as it arrived (not to be changed). */
    byte[] body() {
        return body;
    }

    @Override
    public String getParameter(String name) {
        List<String> values = parameters.get(name);
        return values == null ? null : values.get(0);
    }

    @Override
    public String[] getParameterValues(String name) {
        List<String> values = parameters.get(name);
        return values == null ? null : values.toArray(String[]::new);
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(parameters.keySet());
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        Map<String, String[]> map = new LinkedHashMap<>();
        parameters.forEach((name, values) -> map.put(name, values.toArray(String[]::new)));
        return Collections.unmodifiableMap(map);
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new IllegalStateException("the body has been read already");
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        return new BufferedReader(new InputStreamReader(getInputStream(), charset(this)));
    }
}
