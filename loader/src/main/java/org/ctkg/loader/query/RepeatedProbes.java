package org.ctkg.loader.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.tdb2.store.NodeId;

/**
 * The probes of one triple pattern in one query that ask the same thing again: the label of the
 * country each of three thousand case records was exploited in is forty probes asked three
 * thousand times. Their answers are kept (the store cannot change within the read transaction)
 * while the pattern repeats; a pattern whose probes do not repeat (each record's own country)
 * stops keeping them after a trial, so that it costs no more than the probes themselves.
 */
final class RepeatedProbes {
    /** Distinct probes kept: far more than the concepts (countries, crimes, years) a query's records share. */
    private static final int PROBES = 256;
    /** A probe with more answers than this streams and is not kept. */
    private static final int MOST_ANSWERS = 32;
    /** Probes after which a pattern answered again fewer than one time in four stops keeping answers. */
    private static final int TRIAL = 64;
    private static final List<Tuple<NodeId>> TOO_MANY = Collections.unmodifiableList(new ArrayList<>());

    /** Asks the store: the triples matching s, p, o (null for a wildcard). */
    interface Probe {
        Iterator<Tuple<NodeId>> find(NodeId s, NodeId p, NodeId o);
    }

    private record Asked(NodeId s, NodeId p, NodeId o) {}

    private final Probe store;
    private final Map<Asked, List<Tuple<NodeId>>> kept = new LinkedHashMap<>(16, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<Asked, List<Tuple<NodeId>>> eldest) {
            return size() > PROBES;
        }
    };
    private int probes, repeats;
    private boolean keeping = true;

    RepeatedProbes(Probe store) {
        this.store = store;
    }

    Iterator<Tuple<NodeId>> find(NodeId s, NodeId p, NodeId o) {
        if (!keeping)
            return store.find(s, p, o);
        Asked asked = new Asked(s, p, o);
        List<Tuple<NodeId>> known = kept.get(asked);
        if (++probes == TRIAL && repeats < TRIAL / 4) {
            keeping = false;
            kept.clear();
        }
        if (known == TOO_MANY)
            return store.find(s, p, o);
        if (known != null) {
            repeats++;
            return known.iterator();
        }
        Iterator<Tuple<NodeId>> answers = store.find(s, p, o);
        List<Tuple<NodeId>> read = new ArrayList<>();
        while (answers.hasNext() && read.size() <= MOST_ANSWERS)
            read.add(answers.next());
        if (read.size() > MOST_ANSWERS) {
            if (keeping)
                kept.put(asked, TOO_MANY);
            return Iter.concat(read.iterator(), answers);
        }
        if (keeping)
            kept.put(asked, read);
        return read.iterator();
    }
}
