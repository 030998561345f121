package org.ctkg.server.http;

import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.OpWalker;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.algebra.op.OpQuadPattern;
import org.apache.jena.sparql.algebra.op.OpTriple;
import org.apache.jena.sparql.core.TriplePath;
import org.apache.jena.sparql.path.P_Mod;
import org.apache.jena.sparql.path.P_OneOrMore1;
import org.apache.jena.sparql.path.P_OneOrMoreN;
import org.apache.jena.sparql.path.P_Path1;
import org.apache.jena.sparql.path.P_Path2;
import org.apache.jena.sparql.path.P_ZeroOrMore1;
import org.apache.jena.sparql.path.P_ZeroOrMoreN;
import org.apache.jena.sparql.path.Path;

/**
 * What a query's text says of its cost before it runs: whether it must visit the whole store,
 * through a pattern with nothing fixed ({@code ?s ?p ?o}, in any graph) or a repeated path
 * ({@code *}, {@code +}, <code>{n,}</code>) whose two ends are both open. Such a query is admitted
 * among the heavy ones from its first run ({@link QueryGate}), instead of proving itself heavy
 * by burning a second of CPU beside the light ones. One that stops early is not counted:
 * an ASK, or a plain {@code LIMIT} of at most {@value #SMALL_LIMIT} rows, with no ordering, grouping or
 * DISTINCT to read everything first ({@code SELECT * { ?s ?p ?o } LIMIT 10}, the first query
 * many people send). Text that does not parse is not judged here: Fuseki answers it with 400.
 */
final class QueryShape {
    /** A LIMIT up to this, with nothing that reads every row first, stops a scan early. */
    static final long SMALL_LIMIT = 1000;

    private QueryShape() {}

    /** Whether the query visits the whole store, by its text; false for text that does not parse. */
    static boolean scansEverything(String text) {
        return text != null && scansEverything(QueryText.parse(text));
    }

    /** Whether the query visits the whole store; false for none. */
    static boolean scansEverything(Query query) {
        if (query == null)
            return false;
        if (stopsEarly(query))
            return false;
        Op op = Algebra.compile(query);
        boolean[] scans = new boolean[1];
        OpWalker.walk(op, new OpVisitorBase() {
            @Override
            public void visit(OpBGP bgp) {
                check(bgp.getPattern().getList());
            }

            @Override
            public void visit(OpTriple triple) {
                check(List.of(triple.getTriple()));
            }

            @Override
            public void visit(OpQuadPattern quads) {
                check(quads.getBasicPattern().getList());
            }

            @Override
            public void visit(OpPath path) {
                TriplePath tp = path.getTriplePath();
                if (open(tp.getSubject()) && open(tp.getObject()) && repeats(tp.getPath()))
                    scans[0] = true;
            }

            private void check(List<Triple> triples) {
                for (Triple t : triples)
                    if (open(t.getSubject()) && open(t.getPredicate()) && open(t.getObject()))
                        scans[0] = true;
            }
        });
        return scans[0];
    }

    private static boolean stopsEarly(Query query) {
        if (query.isAskType())
            return true;   // answered by the first solution
        return query.hasLimit() && query.getLimit() <= SMALL_LIMIT && !query.hasOrderBy() && !query.hasGroupBy()
               && !query.hasAggregators() && !query.isDistinct() && !query.isReduced();
    }

    private static boolean open(Node n) {
        return n.isVariable() || n.isBlank();
    }

    /** Whether the path repeats a step without an upper bound, anywhere in it. */
    private static boolean repeats(Path path) {
        if (path instanceof P_ZeroOrMore1 || path instanceof P_ZeroOrMoreN || path instanceof P_OneOrMore1 || path instanceof P_OneOrMoreN)
            return true;
        if (path instanceof P_Mod mod && mod.getMax() < 0)
            return true;
        if (path instanceof P_Path1 one)
            return repeats(one.getSubPath());
        if (path instanceof P_Path2 two)
            return repeats(two.getLeft()) || repeats(two.getRight());
        return false;
    }
}
