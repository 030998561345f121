package org.ctkg.loader.query;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpQuadPattern;
import org.apache.jena.sparql.core.BasicPattern;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.main.OpExecutor;
import org.apache.jena.sparql.engine.main.OpExecutorFactory;
import org.apache.jena.sparql.engine.main.solver.SolverLib;
import org.apache.jena.tdb2.solver.OpExecutorTDB2;
import org.apache.jena.tdb2.solver.PatternMatchTDB2;
import org.apache.jena.tdb2.solver.QC2;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.GraphTDB;

/** When and how a quad pattern is matched by {@link UnionGraphMatch}: star subjects read once, repeated probes answered again. */
final class StarPatterns {
    /** Runs the patterns among which filters were placed, in that order: TDB2's plain executor, with star matching. */
    static final OpExecutorFactory PLAIN = Plain::new;

    private StarPatterns() {}

    /** Whether the pattern is on the union graph of a TDB2 store, in a read transaction, with no triple term holding variables. */
    static boolean apply(StarQuery star, OpQuadPattern quads, ExecutionContext cxt) {
        Node graph = quads.getGraphNode();
        return star.active() && (Quad.isUnionGraph(graph) || Node.ANY.equals(graph))
                && cxt.getDataset() instanceof DatasetGraphTDB
                && quads.getBasicPattern().getList().stream().noneMatch(SolverLib::tripleHasEmbTripleWithVars);
    }

    static QueryIterator match(StarQuery star, BasicPattern pattern, QueryIterator input, ExecutionContext cxt) {
        DatasetGraphTDB store = (DatasetGraphTDB) cxt.getDataset();
        return new UnionGraphMatch(store.chooseNodeTupleTable(Node.ANY), star, QC2.getFilter(cxt.getContext()), cxt)
                .execute(pattern, input);
    }

    /** TDB2's plain executor (no reordering, no filter placement) with star matching. */
    private static final class Plain extends OpExecutor {
        Plain(ExecutionContext cxt) {
            super(cxt);
        }

        @Override
        protected QueryIterator execute(OpQuadPattern quads, QueryIterator input) {
            StarQuery star = StarQuery.of(execCxt);
            if (apply(star, quads, execCxt))
                return match(star, quads.getBasicPattern(), input, execCxt);
            if (execCxt.getDataset() instanceof DatasetGraphTDB store)
                return PatternMatchTDB2.execute(store, OpExecutorTDB2.decideGraphNode(quads.getGraphNode(), execCxt),
                        quads.getBasicPattern(), input, QC2.getFilter(execCxt.getContext()), execCxt);
            return super.execute(quads, input);
        }

        @Override
        protected QueryIterator execute(OpBGP bgp, QueryIterator input) {
            Graph g = execCxt.getActiveGraph();
            if (g instanceof GraphTDB graph)
                return PatternMatchTDB2.execute(graph.getDSG(), OpExecutorTDB2.decideGraphNode(graph.getGraphName(), execCxt),
                        bgp.getPattern(), input, QC2.getFilter(execCxt.getContext()), execCxt);
            return super.execute(bgp, input);
        }
    }
}
