package org.ctkg.server.cache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.ctkg.loader.tdb2.StoreInternals.WriteState;
import org.ctkg.server.http.CappedQuery;

/**
 * A response that goes to the client as it is written, and keeps a copy of it for the cache: its
 * status, the headers that describe it, and its bytes, up to a bound. The answer streams through
 * untouched whatever its size; a larger one is not kept (its copy is dropped once it passes the
 * bound), nor is one that failed or was not a 200: an error sent, a redirect, a reset, a write
 * to the client that failed.
 */
final class AnswerRecorder extends HttpServletResponseWrapper {
    /** The headers kept with an answer (lower case): those that describe it. Others (security, CORS, access) are the filters' before this one, set anew on each request. */
    static final Set<String> KEPT = Set.of("vary", "link", "cache-control", "etag", "last-modified", "expires", "content-language",
            "content-disposition", "content-location", CappedQuery.HEADER.toLowerCase(Locale.ROOT));

    private final int bound;
    private final List<CachedAnswer.Header> headers = new ArrayList<>();
    private ByteArrayOutputStream copy = new ByteArrayOutputStream();
    private int status = 200;
    private ServletOutputStream out;
    private PrintWriter writer;

    AnswerRecorder(HttpServletResponse response, int bound) {
        super(response);
        this.bound = bound;
    }

    /** The answer as the client got it, from this state of the store; null when it is not to be kept. */
    CachedAnswer answer(WriteState state) {
        if (writer != null)
            writer.flush();
        if (status != 200 || copy == null)
            return null;
        return new CachedAnswer(getContentType(), List.copyOf(headers), copy.toByteArray(), state);
    }

    private void spoil() {
        copy = null;
    }

    private void header(boolean add, String name, String value) {
        if (name != null && value != null && KEPT.contains(name.toLowerCase(Locale.ROOT)))
            headers.add(new CachedAnswer.Header(add, name, value));
    }

    @Override
    public void setStatus(int sc) {
        status = sc;
        super.setStatus(sc);
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        spoil();
        super.sendError(sc, msg);
    }

    @Override
    public void sendError(int sc) throws IOException {
        spoil();
        super.sendError(sc);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        spoil();
        super.sendRedirect(location);
    }

    @Override
    public void reset() {
        spoil();
        super.reset();
    }

    @Override
    public void resetBuffer() {
        spoil();
        super.resetBuffer();
    }

    @Override
    public void setHeader(String name, String value) {
        header(false, name, value);
        super.setHeader(name, value);
    }

    @Override
    public void addHeader(String name, String value) {
        header(true, name, value);
        super.addHeader(name, value);
    }

    @Override
    public void setIntHeader(String name, int value) {
        header(false, name, Integer.toString(value));
        super.setIntHeader(name, value);
    }

    @Override
    public void addIntHeader(String name, int value) {
        header(true, name, Integer.toString(value));
        super.addIntHeader(name, value);
    }

    @Override
    public void setDateHeader(String name, long date) {
        // Dates are formatted by the container: an answer that sets one is not kept rather than kept with another form.
        if (name != null && KEPT.contains(name.toLowerCase(Locale.ROOT)))
            spoil();
        super.setDateHeader(name, date);
    }

    @Override
    public void addDateHeader(String name, long date) {
        if (name != null && KEPT.contains(name.toLowerCase(Locale.ROOT)))
            spoil();
        super.addDateHeader(name, date);
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (out == null)
            out = new Tee(super.getOutputStream());
        return out;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), charset));
        }
        return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
        if (writer != null)
            writer.flush();
        super.flushBuffer();
    }

    /** Writes through to the client, and into the copy while it is within the bound. */
    private final class Tee extends ServletOutputStream {
        private final ServletOutputStream client;

        Tee(ServletOutputStream client) {
            this.client = client;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                client.write(b, off, len);
            } catch (IOException | RuntimeException e) {
                spoil();
                throw e;
            }
            if (copy == null)
                return;
            if (copy.size() + (long) len > bound)
                spoil();
            else
                copy.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            try {
                client.flush();
            } catch (IOException | RuntimeException e) {
                spoil();
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            try {
                client.close();
            } catch (IOException | RuntimeException e) {
                spoil();
                throw e;
            }
        }

        @Override
        public boolean isReady() {
            return client.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            // Asynchronous writes are not copied: such an answer is not kept.
            spoil();
            client.setWriteListener(listener);
        }
    }
}
