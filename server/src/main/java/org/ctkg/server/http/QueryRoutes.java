package org.ctkg.server.http;

import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

/** The routes whose requests run queries that depend on what the caller asks: these paths, and those under these prefixes. */
public record QueryRoutes(Set<String> paths, List<String> prefixes) {
    public boolean covers(String path) {
        return paths.contains(path) || prefixes.stream().anyMatch(path::startsWith);
    }

    /** Whether the budget and the gate hold this request: on these routes, and anonymous (writers and readers are trusted). */
    boolean holdAnonymous(HttpServletRequest request) {
        return covers(request.getRequestURI()) && request.getRemoteUser() == null;
    }
}
