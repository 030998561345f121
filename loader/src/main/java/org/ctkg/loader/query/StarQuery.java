package org.ctkg.loader.query;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.apache.jena.dboe.transaction.txn.Transaction;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.util.Symbol;
import org.apache.jena.tdb2.solver.QC2;
import org.apache.jena.tdb2.store.DatasetGraphTDB;

/**
 * What one read query on a TDB2 store knows while it runs (its union-graph patterns are matched
 * by {@link UnionGraphMatch}; {@link #active()} says so): its star subjects, found in the whole
 * algebra before its first step, if it has any, the triples of those read so far, and each triple
 * pattern's repeated probes (an optional part runs once a row, its probes repeat across rows). Kept in the
 * execution's context, which every step of the query (optional parts, sub-selects) shares, and
 * bound to the read transaction it was made in: a caller may run several queries with one context
 * ({@code QueryExecBuilder.context} takes it as it is), and triples read before a write are not read again.
 */
final class StarQuery {
    private static final Symbol KEY = Symbol.create("https://w3id.org/ctkg/ontology#starQuery");
    private static final StarQuery NONE = new StarQuery(Set.of(), null, null);

    /** Triple patterns whose probes are kept for the whole query: far more than a query has. */
    private static final int PATTERNS = 64;

    private final Set<Var> stars;
    private final SubjectTuples tuples;
    /** The read transaction the triples were read in; null for NONE. */
    private final Transaction transaction;
    private final Map<Triple, RepeatedProbes> probes = new HashMap<>();

    private StarQuery(Set<Var> stars, SubjectTuples tuples, Transaction transaction) {
        this.stars = stars;
        this.tuples = tuples;
        this.transaction = transaction;
    }

    /**
     * The execution's star query, made from {@code op} if this is its first step. Only read
     * transactions share triples across steps (an update's pattern sees its own writes).
     */
    static StarQuery of(ExecutionContext cxt, Op op) {
        StarQuery known = (StarQuery) cxt.getContext().get(KEY);
        if (known != null && known.current(cxt))
            return known;
        StarQuery made = NONE;
        if (cxt.getDataset() instanceof DatasetGraphTDB store && store.isInTransaction() && store.transactionType() == TxnType.READ) {
            made = new StarQuery(SubjectStars.of(op), new SubjectTuples(store.chooseNodeTupleTable(Node.ANY),
                    QC2.getFilter(cxt.getContext()), cxt.getCancelSignal()), store.getTxnSystem().getThreadTransaction());
        }
        cxt.getContext().set(KEY, made);
        return made;
    }

    /** The execution's star query as made at its first step; none if made in another transaction. */
    static StarQuery of(ExecutionContext cxt) {
        StarQuery known = (StarQuery) cxt.getContext().get(KEY);
        return known != null && known.current(cxt) ? known : NONE;
    }

    /** Whether the triples read are the store's now: NONE always, else made in this thread's transaction. */
    private boolean current(ExecutionContext cxt) {
        return transaction == null
                || cxt.getDataset() instanceof DatasetGraphTDB store && store.getTxnSystem().getThreadTransaction() == transaction;
    }

    boolean isStar(Var subject) {
        return stars.contains(subject);
    }

    SubjectTuples tuples() {
        return tuples;
    }

    /**
     * The repeated probes of this triple pattern in this query, made on its first use ({@code store}
     * asks the store); past {@link #PATTERNS} patterns (queries run one after another in one context), a new one each time.
     */
    RepeatedProbes probes(Triple pattern, RepeatedProbes.Probe store) {
        RepeatedProbes known = probes.get(pattern);
        if (known != null)
            return known;
        RepeatedProbes made = new RepeatedProbes(store);
        if (active() && probes.size() < PATTERNS)
            probes.put(pattern, made);
        return made;
    }

    /** Whether the query reads a TDB2 store in a read transaction: its union-graph patterns are matched here. */
    boolean active() {
        return this != NONE;
    }
}
