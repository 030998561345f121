package org.ctkg.server.http;

import org.apache.jena.atlas.lib.Pair;
import org.apache.jena.fuseki.server.CounterName;
import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.fuseki.servlets.ActionExecLib;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQLProtocol;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecResult;

/**
 * Fuseki's query service with a cap on the rows an anonymous caller gets: a query without a
 * LIMIT, or with a larger one, runs with LIMIT {@code cap}, and the response says so in the header
 * {@value #HEADER}. Authenticated callers are not capped. A query nested too deeply for the
 * parser's recursion gets a 400 that says so, not the name of a Java error. A query the
 * {@link QueryGate} stopped for running long while the places for long queries were taken gets
 * 429 with {@code Retry-After}.
 */
public final class CappedQuery extends SPARQL_QueryDataset {
    /** The response header naming the row cap that was applied. */
    public static final String HEADER = "X-Ctkg-Row-Cap";

    private static final String STACK_OVERFLOW = StackOverflowError.class.getSimpleName();
    private final long cap;

    public CappedQuery(long cap) {
        this.cap = cap;
    }

    @Override
    protected void execute(String queryString, HttpAction action) {
        try {
            Query parsed = parsedBefore(queryString, action);
            if (parsed == null)
                super.execute(queryString, action);
            else
                execute(queryString, parsed, action);
        } catch (QueryCancelledException e) {
            if (!QueryGate.slotOf(action.getRequest()).map(RunningQueries.Slot::overran).orElse(false))
                throw e; // the query timeout
            action.setResponseHeader("Retry-After", Integer.toString(QueryGate.OVERRUN_RETRY_AFTER_SECONDS));
            ServletOps.error(429, "This query ran long while the server's places for long queries were all taken, so it was "
                    + "stopped; try again in " + QueryGate.OVERRUN_RETRY_AFTER_SECONDS + " s");
        } catch (ActionErrorException e) {
            // The parser recurses once per level: thousands of nested groups, OPTIONALs or
            // parentheses run out of stack, which Jena reports by the error's class name alone.
            if (e.getRC() == 400 && e.getMessage() != null && e.getMessage().contains(STACK_OVERFLOW))
                ServletOps.errorBadRequest("The query nests too deeply (groups, OPTIONALs or parentheses within one another) to be read");
            throw e;
        }
    }

    /** The query ctkg's filters parsed from this very text for this request, or null. */
    private static Query parsedBefore(String queryString, HttpAction action) {
        BufferedQueryRequest whole = WholeQueryRequests.whole(action.getRequest());
        return whole != null && whole.query() != null && queryString.equals(whole.parsedText()) ? whole.query() : null;
    }

    /**
     * Fuseki's own steps ({@code SPARQLQueryProcessor.execute}) for a query already parsed: the
     * text is not parsed a second time, nor printed back from the parsed query for the log (the
     * log has the text as sent, flattened to a line). Text that did not parse goes Fuseki's way,
     * which answers 400 with the parser's reason.
     */
    private void execute(String queryString, Query query, HttpAction action) {
        String queryStringLog = ServletOps.formatForLog(queryString);
        action.log.info(String.format("[%d] Query = %s", action.id, action.verbose ? queryString : queryStringLog));
        validateQuery(action, query);
        try {
            action.beginRead();
            Pair<DatasetGraph, Query> decided = decideDataset(action, query, queryStringLog);
            Query q = decided.getRight() == null ? query : decided.getRight();
            try (QueryExec exec = createQueryExec(action, q, decided.getLeft())) {
                QueryExecResult result = executeQuery(action, exec, query, queryStringLog);
                sendResults(action, result, query.getPrologue());
            }
        } catch (QueryParseException e) {
            action.abortSilent();
            // a late static error (a bad fixed full-text query string, say), as Fuseki answers it
            ServletOps.errorBadRequest("Query parse error: \n" + queryString + "\n" + SPARQLProtocol.messageForException(e));
        } catch (QueryCancelledException e) {
            action.abortSilent();
            ActionExecLib.incCounter(action.getEndpoint().getCounters(), CounterName.QueryTimeouts);
            throw e;
        } finally {
            action.endRead();
        }
    }

    @Override
    protected QueryExec createQueryExec(HttpAction action, Query query, DatasetGraph dataset) {
        QueryExec exec = super.createQueryExec(action, query, dataset);
        QueryGate.slotOf(action.getRequest()).ifPresent(slot -> slot.onOverrun(exec::abort));
        return exec;
    }

    @Override
    protected Pair<DatasetGraph, Query> decideDataset(HttpAction action, Query query, String queryStringLog) {
        Pair<DatasetGraph, Query> decided = super.decideDataset(action, query, queryStringLog);
        Query q = decided.getRight();
        boolean rows = q.isSelectType() || q.isConstructType() || q.isDescribeType();
        if (cap <= 0 || action.getUser() != null || !rows || (q.hasLimit() && q.getLimit() <= cap))
            return decided;
        Query capped = q.cloneQuery();
        capped.setLimit(cap);
        action.setResponseHeader(HEADER, Long.toString(cap));
        return Pair.create(decided.getLeft(), capped);
    }
}
