package org.ctkg.loader.cube;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.ctkg.loader.LoadException;
import org.ctkg.loader.tdb2.QuadScan;
import org.ctkg.ontology.CTKG;

/**
 * The dimension values of the case records in some graphs, read once from the store's indexes
 * (one find per graph and property, never a query per table), as small integer ids per record:
 * what {@link Cells} counts in one pass. A record may have several values of a dimension (forms of
 * exploitation) or none; a value is counted once per record however many graphs state it.
 */
final class RecordValues {
    /** Value ids fit in this many bits of a cell's key. */
    static final int VALUE_BITS = 18;
    private static final int[] NONE = new int[0];
    private static final Node CASE_RECORD = org.apache.jena.graph.NodeFactory.createURI(CTKG.NS + "CaseRecord");

    /** Per dimension, the value of each id. */
    final List<List<Node>> values;
    /** Per dimension and record, the ids of the record's values. */
    final int[][][] byRecord;
    final int records;
    /** The first and last year of registration, or 0 when no record has one. */
    final int firstYear;
    final int lastYear;

    private RecordValues(List<List<Node>> values, int records, int[][][] byRecord, int firstYear, int lastYear) {
        this.values = values;
        this.records = records;
        this.byRecord = byRecord;
        this.firstYear = firstYear;
        this.lastYear = lastYear;
    }

    /** The case records ({@code ctkg:CaseRecord}) of the graphs; call inside a transaction. */
    static RecordValues read(DatasetGraph dsg, Collection<Node> graphs) {
        QuadScan scan = new QuadScan(dsg);
        Map<Object, Integer> ids = new HashMap<>();
        for (Node g : graphs)
            scan.scan(g, RDF.Nodes.type, CASE_RECORD, (s, o) -> ids.putIfAbsent(s, ids.size()));
        Dimension[] dims = Dimension.values();
        int[][][] byRecord = new int[dims.length][][];
        List<List<Node>> values = new ArrayList<>();
        for (Dimension d : dims) {
            int[][] of = new int[ids.size()][];
            Arrays.fill(of, NONE);
            Map<Object, Integer> valueIds = new HashMap<>();
            List<Node> byId = new ArrayList<>();
            for (Node g : graphs)
                scan.scan(g, d.recordProperty, null, (s, o) -> {
                    Integer r = ids.get(s);
                    if (r == null)
                        return;
                    int v = valueIds.computeIfAbsent(o, key -> {
                        byId.add(scan.node(key));
                        return byId.size() - 1;
                    });
                    of[r] = withValue(of[r], v);
                });
            if (byId.size() >= 1 << VALUE_BITS)
                throw new LoadException(LoadException.Kind.BAD_INPUT, "the case records have " + byId.size() + " distinct values of "
                        + d.recordProperty.getURI() + ": too many to publish counts by it (at most " + ((1 << VALUE_BITS) - 1) + ")");
            byRecord[d.ordinal()] = of;
            values.add(byId);
        }
        int first = Integer.MAX_VALUE, last = 0;
        for (Node year : values.get(Dimension.YEAR_OF_REGISTRATION.ordinal())) {
            Integer y = year(year);
            if (y != null) {
                first = Math.min(first, y);
                last = Math.max(last, y);
            }
        }
        return new RecordValues(values, ids.size(), byRecord, last == 0 ? 0 : first, last);
    }

    private static int[] withValue(int[] have, int v) {
        for (int x : have)
            if (x == v)
                return have;
        int[] more = Arrays.copyOf(have, have.length + 1);
        more[have.length] = v;
        return more;
    }

    /** The year of a gYear (or integer) literal, else null. */
    static Integer year(Node n) {
        if (!n.isLiteral())
            return null;
        String lex = n.getLiteralLexicalForm();
        try {
            return Integer.valueOf(lex.length() > 4 && lex.charAt(0) != '-' ? lex.substring(0, 4) : lex);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
