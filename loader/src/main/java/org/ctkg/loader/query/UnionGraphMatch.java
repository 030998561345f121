package org.ctkg.loader.query;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.atlas.lib.tuple.TupleFactory;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.core.BasicPattern;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.iterator.Abortable;
import org.apache.jena.sparql.engine.iterator.QueryIterAbortable;
import org.apache.jena.sparql.engine.main.solver.SolverLib;
import org.apache.jena.tdb2.solver.BindingNodeId;
import org.apache.jena.tdb2.solver.BindingTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;

/**
 * Matches a basic graph pattern on the union of a TDB2 store's named graphs, one stage a triple
 * pattern in the order given, as TDB2's own matcher does, except that a pattern whose subject is
 * bound to a star subject ({@link SubjectStars}) is answered from that subject's triples read once
 * ({@link SubjectTuples}) rather than by a probe of its own, and a pattern whose probes repeat
 * has them answered again from memory ({@link RepeatedProbes}).
 */
final class UnionGraphMatch {
    private final NodeTupleTable quads;
    private final NodeTable nodes;
    private final StarQuery star;
    private final Predicate<Tuple<NodeId>> visible;
    private final ExecutionContext cxt;
    private final AtomicBoolean cancelled;

    UnionGraphMatch(NodeTupleTable quads, StarQuery star, Predicate<Tuple<NodeId>> visible, ExecutionContext cxt) {
        this.quads = quads;
        this.nodes = quads.getNodeTable();
        this.star = star;
        this.visible = visible;
        this.cxt = cxt;
        this.cancelled = cxt.getCancelSignal();
    }

    QueryIterator execute(BasicPattern pattern, QueryIterator input) {
        Iterator<BindingNodeId> chain = Iter.map(input, this::ids);
        List<Abortable> killList = new ArrayList<>();
        for (Triple triple : pattern)
            chain = SolverLib.makeAbortable(stage(chain, triple), killList);
        Iterator<Binding> bindings = Iter.map(chain, ids -> new BindingTDB(ids, nodes));
        return new QueryIterAbortable(bindings, killList, input, cxt);
    }

    private Iterator<BindingNodeId> stage(Iterator<BindingNodeId> chain, Triple triple) {
        Slot subject = new Slot(triple.getSubject(), nodes);
        Slot predicate = new Slot(triple.getPredicate(), nodes);
        Slot object = new Slot(triple.getObject(), nodes);
        if (subject.absent() || predicate.absent() || object.absent())
            return Iter.nullIterator();
        boolean starSubject = subject.variable != null && star.isStar(subject.variable);
        RepeatedProbes probes = star.probes(triple, this::probe);
        return Iter.flatMap(chain, row -> {
            NodeId s = subject.in(row), p = predicate.in(row), o = object.in(row);
            if (NodeId.isDoesNotExist(s) || NodeId.isDoesNotExist(p) || NodeId.isDoesNotExist(o))
                return Iter.nullIterator();
            List<Tuple<NodeId>> triples = s == null ? null : star.tuples().forPattern(s, starSubject, p == null || o == null);
            Iterator<Tuple<NodeId>> matches = triples != null
                    ? Iter.filter(triples.iterator(), t -> (p == null || p.equals(t.get(2))) && (o == null || o.equals(t.get(3))))
                    : probes.find(s, p, o);
            return Iter.iter(matches).map(t -> bind(row, t, subject, predicate, object)).removeNulls();
        });
    }

    /** TDB2's own access: the best index for the bound slots, one triple per run of graphs. */
    private Iterator<Tuple<NodeId>> probe(NodeId s, NodeId p, NodeId o) {
        Iterator<Tuple<NodeId>> quadMatches = quads.find(TupleFactory.create4(NodeId.NodeIdAny, s, p, o));
        Iterator<Tuple<NodeId>> seen = Iter.filter(quadMatches, quad -> {
            if (cancelled != null && cancelled.get())
                throw new QueryCancelledException();
            return visible == null || visible.test(quad);
        });
        Iterator<Tuple<NodeId>> triples = Iter.map(seen, quad -> TupleFactory.create4(NodeId.NodeIdAny, quad.get(1), quad.get(2), quad.get(3)));
        return Iter.distinctAdjacent(triples);
    }

    private static BindingNodeId bind(BindingNodeId row, Tuple<NodeId> triple, Slot subject, Slot predicate, Slot object) {
        BindingNodeId out = new BindingNodeId(row);
        return subject.bind(out, triple.get(1)) && predicate.bind(out, triple.get(2)) && object.bind(out, triple.get(3)) ? out : null;
    }

    private BindingNodeId ids(Binding binding) {
        if (binding instanceof BindingTDB tdb)
            return tdb.getBindingId();
        BindingNodeId ids = new BindingNodeId(binding);
        binding.vars().forEachRemaining(v -> {
            Node n = binding.get(v);
            if (n != null)
                ids.put(v, nodes.getNodeIdForNode(n));
        });
        return ids;
    }

    /** One position of a triple pattern: a fixed term's id, or a variable. */
    private static final class Slot {
        final Var variable;
        final NodeId fixed;

        Slot(Node node, NodeTable nodes) {
            this.variable = Var.isVar(node) ? Var.alloc(node) : null;
            this.fixed = variable == null ? nodes.getNodeIdForNode(node) : null;
        }

        /** A fixed term the store has never seen: the pattern matches nothing. */
        boolean absent() {
            return variable == null && NodeId.isDoesNotExist(fixed);
        }

        /** The id in this position for the row: fixed, bound, or null for a wildcard. */
        NodeId in(BindingNodeId row) {
            return variable == null ? fixed : row.get(variable);
        }

        /** Binds the variable to the id found, false if the row has it bound otherwise. */
        boolean bind(BindingNodeId out, NodeId found) {
            if (variable == null)
                return true;
            NodeId bound = out.get(variable);
            if (bound == null) {
                out.put(variable, found);
                return true;
            }
            return bound.equals(found);
        }
    }
}
