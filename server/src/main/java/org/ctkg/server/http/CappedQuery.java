package org.ctkg.server.http;

import org.apache.jena.atlas.lib.Pair;
import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * Fuseki's query service with a cap on the rows an anonymous caller gets: a query without a
 * LIMIT, or with a larger one, runs with LIMIT {@code cap}, and the response says so in the header
 * {@value #HEADER}. Authenticated callers are not capped. A query nested too deeply for the
 * parser's recursion gets a 400 that says so, not the name of a Java error.
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
            super.execute(queryString, action);
        } catch (ActionErrorException e) {
            // The parser recurses once per level: thousands of nested groups, OPTIONALs or
            // parentheses run out of stack, which Jena reports by the error's class name alone.
            if (e.getRC() == 400 && e.getMessage() != null && e.getMessage().contains(STACK_OVERFLOW))
                ServletOps.errorBadRequest("The query nests too deeply (groups, OPTIONALs or parentheses within one another) to be read");
            throw e;
        }
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
