package org.ctkg.server.replication;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * A writer's answer to a request that may write (any method but GET, HEAD and OPTIONS) carries
 * the log position the writer had reached when it answered ({@value ReplicationModule#POSITION_HEADER}):
 * after a write that committed, at least the position of the write's own record, since the writer
 * publishes before it commits. A client sends it back to a replica to read its own writes.
 */
final class PositionOfWrites implements Filter {
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final ReplicationLog log;

    PositionOfWrites(ReplicationLog log) {
        this.log = log;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (SAFE.contains(((HttpServletRequest) request).getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        Stamped stamped = new Stamped((HttpServletResponse) response);
        chain.doFilter(request, stamped);
        stamped.stamp();   // the latest position, unless the answer is already on its way
    }

    /** A response that takes the position just before its headers can go out. */
    private final class Stamped extends HttpServletResponseWrapper {
        Stamped(HttpServletResponse response) {
            super(response);
        }

        void stamp() {
            if (!isCommitted())
                setHeader(ReplicationModule.POSITION_HEADER, Long.toString(log.position()));
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            stamp();
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            stamp();
            return super.getWriter();
        }

        @Override
        public void flushBuffer() throws IOException {
            stamp();
            super.flushBuffer();
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            stamp();
            super.sendError(sc, msg);
        }

        @Override
        public void sendError(int sc) throws IOException {
            stamp();
            super.sendError(sc);
        }
    }
}
