package org.ctkg.loader.query;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.op.OpConditional;
import org.apache.jena.sparql.algebra.op.OpFilter;
import org.apache.jena.sparql.algebra.op.OpQuadPattern;
import org.apache.jena.sparql.algebra.optimize.TransformFilterPlacement;
import org.apache.jena.sparql.core.BasicPattern;
import org.apache.jena.sparql.core.Substitute;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.iterator.QueryIterPeek;
import org.apache.jena.sparql.engine.main.OpExecutorFactory;
import org.apache.jena.sparql.engine.main.QC;
import org.apache.jena.sparql.engine.optimizer.reorder.ReorderTransformation;
import org.apache.jena.sparql.mgt.Explain;
import org.apache.jena.tdb2.solver.OpExecutorTDB2;
import org.apache.jena.tdb2.store.DatasetGraphTDB;

/**
 * TDB2's executor for ctkg's stores: the same plan (TDB2's join order from the store's
 * statistics, filters placed among the patterns), but the quad patterns on the union graph of a
 * read query are matched by {@link UnionGraphMatch}: star subjects ({@link SubjectStars}) read
 * once, repeated probes answered again ({@link RepeatedProbes}). Updates, named graphs and
 * patterns with triple terms run exactly as in TDB2.
 */
public final class StarQueryExecutor extends OpExecutorTDB2 {
    /** Set on a store's context ({@code QC.setFactory}) to have its queries run here. */
    public static final OpExecutorFactory FACTORY = StarQueryExecutor::new;

    private StarQueryExecutor(ExecutionContext cxt) {
        super(cxt);
    }

    @Override
    protected QueryIterator exec(Op op, QueryIterator input) {
        if (level < TOP_LEVEL)
            StarQuery.of(execCxt, op);
        return super.exec(op, input);
    }

    @Override
    protected QueryIterator execute(OpQuadPattern quads, QueryIterator input) {
        StarQuery star = StarQuery.of(execCxt);
        if (!StarPatterns.apply(star, quads, execCxt))
            return super.execute(quads, input);
        if (!input.hasNext())
            return input;
        QueryIterPeek peek = QueryIterPeek.create(input, execCxt);
        BasicPattern ordered = joinOrder(quads.getBasicPattern(), peek.peek());
        Explain.explain("Execute", ordered, execCxt.getContext());
        return StarPatterns.match(star, ordered, peek, execCxt);
    }

    @Override
    protected QueryIterator execute(OpFilter filter, QueryIterator input) {
        StarQuery star = StarQuery.of(execCxt);
        if (!(filter.getSubOp() instanceof OpQuadPattern quads) || !StarPatterns.apply(star, quads, execCxt))
            return super.execute(filter, input);
        if (!input.hasNext())
            return input;
        QueryIterPeek peek = QueryIterPeek.create(input, execCxt);
        BasicPattern ordered = joinOrder(quads.getBasicPattern(), peek.peek());
        Op placed = TransformFilterPlacement.transform(filter.getExprs(), Node.ANY, ordered);
        ExecutionContext plain = ExecutionContext.copy(execCxt);
        plain.setExecutor(StarPatterns.PLAIN);
        return QC.execute(placed, peek, plain);
    }

    @Override
    protected QueryIterator execute(OpConditional optional, QueryIterator input) {
        StarQuery star = StarQuery.of(execCxt);
        if (!(optional.getRight() instanceof OpQuadPattern quads) || !StarPatterns.apply(star, quads, execCxt))
            return super.execute(optional, input);
        QueryIterator required = exec(optional.getLeft(), input);
        return new StarOptional(required, quads.getBasicPattern(), star, this::joinOrder, execCxt);
    }

    /** TDB2's join order for the pattern, from the store's statistics, given a row of its input. */
    private BasicPattern joinOrder(BasicPattern pattern, Binding row) {
        ReorderTransformation transform = ((DatasetGraphTDB) execCxt.getDataset()).getReorderTransform();
        if (pattern.size() < 2 || transform == null)
            return pattern;
        return transform.reorderIndexes(Substitute.substitute(pattern, row)).reorder(pattern);
    }
}
