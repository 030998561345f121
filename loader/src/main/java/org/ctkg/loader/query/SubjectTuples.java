package org.ctkg.loader.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.atlas.lib.tuple.TupleFactory;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;

/**
 * The triples of a query's most recently read subjects, each read from the union of the named
 * graphs with one scan of the subject's range in the SPOG index. Valid for one query in one read
 * transaction: the store cannot change under it.
 */
final class SubjectTuples {
    /** A subject with more triples than this (a country, a code list) is probed predicate by predicate. */
    static final int MOST_TRIPLES = 64;
    /** Enough for a record, the records and concepts its optional parts reach, and a few more. */
    private static final int SUBJECTS = 16;
    private static final List<Tuple<NodeId>> TOO_MANY = Collections.unmodifiableList(new ArrayList<>());
    private static final List<Tuple<NodeId>> SEEN = Collections.unmodifiableList(new ArrayList<>());

    private final NodeTupleTable quads;
    private final Predicate<Tuple<NodeId>> visible;
    private final AtomicBoolean cancelled;
    private final Map<NodeId, List<Tuple<NodeId>>> recent = new LinkedHashMap<>(2 * SUBJECTS, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<NodeId, List<Tuple<NodeId>>> eldest) {
            return size() > SUBJECTS;
        }
    };

    /**
     * @param quads the store's quad table
     * @param visible the audience's tuple filter (hidden graphs), or null
     * @param cancelled the query's cancel signal, or null
     */
    SubjectTuples(NodeTupleTable quads, Predicate<Tuple<NodeId>> visible, AtomicBoolean cancelled) {
        this.quads = quads;
        this.visible = visible;
        this.cancelled = cancelled;
    }

    /**
     * The subject's triples for one pattern on it, as quads (of any graph holding the triple) in
     * P, O order; null to probe the index instead. A subject is read when the pattern fetches
     * values and the subject is bound to a star variable or was so before (an optional part, its
     * subject substituted by the record); a pattern that only checks one triple probes, and the
     * subject is noted, so that a later fetch reads it.
     *
     * @param starVariable whether the pattern's subject is a star variable
     * @param fetches whether the pattern has an unbound predicate or object
     */
    List<Tuple<NodeId>> forPattern(NodeId subject, boolean starVariable, boolean fetches) {
        List<Tuple<NodeId>> known = recent.get(subject);
        if (known == TOO_MANY)
            return null;
        if (known != null && known != SEEN)
            return known;
        if (!starVariable && known == null)
            return null;
        if (!fetches) {
            if (known == null)
                recent.put(subject, SEEN);
            return null;
        }
        List<Tuple<NodeId>> triples = read(subject);
        recent.put(subject, triples);
        return triples == TOO_MANY ? null : triples;
    }

    private List<Tuple<NodeId>> read(NodeId subject) {
        Iterator<Tuple<NodeId>> scan = quads.find(TupleFactory.create4(NodeId.NodeIdAny, subject, NodeId.NodeIdAny, NodeId.NodeIdAny));
        try {
            List<Tuple<NodeId>> triples = new ArrayList<>();
            Tuple<NodeId> last = null;
            while (scan.hasNext()) {
                Tuple<NodeId> quad = scan.next();
                if (cancelled != null && cancelled.get())
                    throw new QueryCancelledException();
                if (visible != null && !visible.test(quad))
                    continue;
                // SPOG ends in the graph: one triple held by several graphs comes in a run
                if (last != null && sameTriple(quad, last))
                    continue;
                if (triples.size() == MOST_TRIPLES)
                    return TOO_MANY;
                triples.add(quad);
                last = quad;
            }
            return triples;
        } finally {
            Iter.close(scan);
        }
    }

    private static boolean sameTriple(Tuple<NodeId> quad, Tuple<NodeId> other) {
        return quad.get(3).equals(other.get(3)) && quad.get(2).equals(other.get(2)) && quad.get(1).equals(other.get(1));
    }
}
