package org.ctkg.server.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_Update;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.sparql.modify.request.UpdateClear;
import org.apache.jena.sparql.modify.request.UpdateDrop;
import org.apache.jena.sparql.modify.request.UpdateDropClear;
import org.apache.jena.sparql.modify.request.UpdateLoad;
import org.apache.jena.sparql.modify.request.UpdateWithUsing;
import org.apache.jena.update.Update;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;
import org.ctkg.loader.LoadException;

/**
 * Fuseki's SPARQL Update service with two protocol corrections found by the W3C protocol tests:
 * an update that names its dataset both in the protocol ({@code using-graph-uri},
 * {@code using-named-graph-uri}) and in the request ({@code USING}, {@code WITH}) is a client
 * error (400, not 500); and {@code CLEAR GRAPH} / {@code DROP GRAPH} of a graph the store has no
 * triples for succeeds, as in stores that do not record empty graphs (TDB2 answers "No such
 * graph" otherwise). Relative IRIs resolve against the service's own URL. {@code LOAD <url>} is
 * refused (400) unless the operator allowed the URL ({@link AllowedServices}). A write into the
 * published case counts' graph, which the store refuses, is 400 too ({@link WriteActivity}).
 */
public final class CtkgUpdate extends SPARQL_Update {
    private final AllowedServices allowed;

    public CtkgUpdate(AllowedServices allowed) {
        this.allowed = allowed;
    }

    @Override
    protected void execute(HttpAction action, InputStream input) {
        String text;
        try {
            text = new String(input.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        UpdateRequest request;
        try {
            request = UpdateFactory.create(text, action.getRequestRequestURL().toString());
        } catch (QueryParseException e) {
            refusalsAsBadRequests(action, text);
            return;
        }
        boolean protocolDataset = action.getRequestParameter("using-graph-uri") != null
                                  || action.getRequestParameter("using-named-graph-uri") != null;
        UpdateRequest corrected = new UpdateRequest();
        corrected.setBaseURI(request.getBaseURI());
        corrected.setPrefixMapping(request.getPrefixMapping());
        for (Update u : request.getOperations()) {
            if (protocolDataset && u instanceof UpdateWithUsing w
                && (w.getWithIRI() != null || !w.getUsing().isEmpty() || !w.getUsingNamed().isEmpty()))
                ServletOps.errorBadRequest("SPARQL Update: the dataset is given both by the protocol (using-graph-uri, using-named-graph-uri) and by USING or WITH");
            if (u instanceof UpdateLoad load && !allowed.allows(load.getSource()))
                ServletOps.errorBadRequest(allowed.refusal("LOAD", load.getSource()));
            corrected.add(silentIfOneGraph(u));
        }
        refusalsAsBadRequests(action, corrected.toString());
    }

    /** Runs the update; a write the store refused as the client's mistake (into the published counts' graph) is 400, not 500. */
    private void refusalsAsBadRequests(HttpAction action, String update) {
        try {
            super.execute(action, new ByteArrayInputStream(update.getBytes(StandardCharsets.UTF_8)));
        } catch (ActionErrorException e) {
            // The refusal is the cause of Fuseki's error, a few causes down (the update runs as it is parsed).
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause())
                if (cause instanceof LoadException refused && refused.kind() == LoadException.Kind.BAD_INPUT)
                    ServletOps.errorBadRequest(refused.getMessage());
            throw e;
        }
    }

    private static Update silentIfOneGraph(Update u) {
        if (u instanceof UpdateDropClear dc && dc.isOneGraph() && !dc.isSilent())
            return u instanceof UpdateClear ? new UpdateClear(dc.getGraph(), true) : u instanceof UpdateDrop ? new UpdateDrop(dc.getGraph(), true) : u;
        return u;
    }
}
