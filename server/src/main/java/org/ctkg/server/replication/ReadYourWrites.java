package org.ctkg.server.replication;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.ctkg.server.web.Responses;

/**
 * On a replica, a request that names a log position ({@value ReplicationModule#MIN_POSITION_HEADER},
 * the {@value ReplicationModule#POSITION_HEADER} of a writer's answer) is answered only once the
 * replica has applied the log that far, so that a client reads its own writes. The wait is
 * bounded: past it, 503 with the replica's position and a Retry-After, never a stale answer.
 */
final class ReadYourWrites implements Filter {
    private final ReplicationLog log;
    private final Duration maxWait;

    ReadYourWrites(ReplicationLog log, Duration maxWait) {
        this.log = log;
        this.maxWait = maxWait;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        String wanted = ((HttpServletRequest) request).getHeader(ReplicationModule.MIN_POSITION_HEADER);
        if (wanted == null) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletResponse http = (HttpServletResponse) response;
        long target;
        try {
            target = Long.parseLong(wanted.strip());
        } catch (NumberFormatException e) {
            target = -1;
        }
        if (target < 0) {
            Responses.refuse(http, 400, ReplicationModule.MIN_POSITION_HEADER + " must be a log position (a whole number, 0 or more), as a writer's "
                    + ReplicationModule.POSITION_HEADER + " gives; got \"" + wanted + "\"");
            return;
        }
        boolean reached;
        try {
            reached = log.awaitPosition(target, maxWait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reached = false;
        }
        if (!reached) {
            http.setHeader("Retry-After", "1");
            Responses.refuse(http, 503, "this replica has applied the writer's log up to position " + log.position() + ", not yet " + target
                    + " (waited " + maxWait.toMillis() + " ms): retry, or read from the writer");
            return;
        }
        chain.doFilter(request, response);
    }
}
