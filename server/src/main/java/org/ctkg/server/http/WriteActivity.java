package org.ctkg.server.http;

import java.io.IOException;
import java.util.Set;
import java.util.function.Function;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.shared.JenaException;
import org.ctkg.loader.LoadException;
import org.ctkg.loader.cube.RecountingDataset;

/**
 * Who is writing, for the recount of the published case counts that a writer's request may cause
 * ({@link RecountingDataset}): what the request is, in the words its provenance uses ("SPARQL Update
 * by alice", "Graph Store write by alice"; never its text: a written name is itself a disclosure),
 * and how its route answers a write into the cube's graph. Fuseki's Graph Store service passes on
 * only its own errors (any other is a 500, or for a DELETE, no error at all), so there the refusal
 * is thrown as a 400 of its own; an update runs as it is parsed, and the parser passes on Jena's own
 * errors as causes (any other it logs as its own fault), so there the refusal is thrown as a Jena
 * error that {@link CtkgUpdate} answers with 400. Set on the request's thread while it is handled, for every request
 * by an authenticated user that is not a read; {@link #current} outside them says only that the
 * write came through the served dataset.
 */
public final class WriteActivity implements Filter {
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final RecountingDataset.Writer SERVED = () -> "a write through the served dataset";
    private static final ThreadLocal<RecountingDataset.Writer> CURRENT = new ThreadLocal<>();
    private final String dataPath;

    /** For a server whose Graph Store service is at {@code dataPath}; every other write is a SPARQL Update. */
    public WriteActivity(String dataPath) {
        this.dataPath = dataPath;
    }

    /** Who is writing on this thread. */
    public static RecountingDataset.Writer current() {
        RecountingDataset.Writer writer = CURRENT.get();
        return writer != null ? writer : SERVED;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        String user = request.getRemoteUser();
        if (user == null || READS.contains(request.getMethod())) {
            chain.doFilter(req, res);
            return;
        }
        CURRENT.set(dataPath.equals(request.getRequestURI())
                ? new RequestWriter("Graph Store write by " + user, refusal -> new ActionErrorException(400, refusal.getMessage(), null))
                : new RequestWriter("SPARQL Update by " + user, refusal -> new JenaException(refusal.getMessage(), refusal)));
        try {
            chain.doFilter(req, res);
        } finally {
            CURRENT.remove();
        }
    }

    /** A writer's request: its activity's label, and how its route throws a refusal. */
    private record RequestWriter(String activity, Function<LoadException, RuntimeException> thrownAs) implements RecountingDataset.Writer {
        @Override
        public RuntimeException refused(LoadException refusal) {
            return thrownAs.apply(refusal);
        }
    }
}
