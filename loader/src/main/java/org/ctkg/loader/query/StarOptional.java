package org.ctkg.loader.query;

import org.apache.jena.atlas.io.IndentedWriter;
import org.apache.jena.sparql.core.BasicPattern;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.iterator.QueryIterDefaulting;
import org.apache.jena.sparql.engine.iterator.QueryIterRepeatApply;
import org.apache.jena.sparql.engine.iterator.QueryIterSingleton;
import org.apache.jena.sparql.serializer.SerializationContext;

/**
 * An optional part that is one quad pattern on the union graph, in a query with star subjects:
 * for each row of the required part, the pattern matched with the row as its input (its bound
 * subject's triples read once for all the optional parts), or the row alone if nothing matches.
 * ARQ's own optional step substitutes the row into the pattern and plans it anew for every row.
 */
final class StarOptional extends QueryIterRepeatApply {
    private final BasicPattern pattern;
    private final StarQuery star;
    private final Reordering reordering;
    private BasicPattern ordered;

    /** How the pattern is ordered given its first row: TDB2's join order from the store's statistics. */
    interface Reordering {
        BasicPattern given(BasicPattern pattern, Binding row);
    }

    StarOptional(QueryIterator required, BasicPattern pattern, StarQuery star, Reordering reordering, ExecutionContext cxt) {
        super(required, cxt);
        this.pattern = pattern;
        this.star = star;
        this.reordering = reordering;
    }

    @Override
    protected QueryIterator nextStage(Binding row) {
        if (ordered == null)
            ordered = reordering.given(pattern, row);
        ExecutionContext cxt = getExecContext();
        QueryIterator matches = StarPatterns.match(star, ordered, QueryIterSingleton.create(row, cxt), cxt);
        return new QueryIterDefaulting(matches, row, cxt);
    }

    @Override
    protected void details(IndentedWriter out, SerializationContext sCxt) {
        out.println("StarOptional " + pattern);
    }
}
