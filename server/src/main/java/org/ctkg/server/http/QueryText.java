package org.ctkg.server.http;

import org.apache.jena.fuseki.Fuseki;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;

/**
 * A query's text read as Fuseki's query service reads it (ARQ syntax, Fuseki's base IRI), so that
 * the query ctkg's filters judge is the query that runs, and the text is parsed once a request.
 */
final class QueryText {
    private QueryText() {}

    /** The parsed query; null when the text does not parse (Fuseki's query service then answers 400 with the reason). */
    static Query parse(String text) {
        try {
            return QueryFactory.create(text, Fuseki.BaseParserSPARQL, Syntax.syntaxARQ);
        } catch (QueryException e) {
            return null;
        }
    }
}
