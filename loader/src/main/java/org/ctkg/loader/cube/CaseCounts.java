package org.ctkg.loader.cube;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.ctkg.loader.AccessLevels;
import org.ctkg.loader.LoadException;
import org.ctkg.ontology.Ids;

/**
 * The published aggregates of the restricted case records: counts by every combination of up to
 * three CTDC dimensions, small cells suppressed and their complements too, written as RDF Data
 * Cube observations into a public graph of their own, {@link #GRAPH}. Load jobs that change a
 * restricted graph call {@link #refresh} in their write transaction, and so do the server's SPARQL
 * Updates and Graph Store writes ({@link RecountingDataset}), so the counts commit with the records
 * they count, or not at all. Computed in memory in one pass over the records: the cube's
 * size is bounded by the dimensions' sizes, not by the number of records. See docs/privacy.md.
 */
public final class CaseCounts {
    /** The public graph of the published counts. */
    public static final Node GRAPH = Ids.graph("case-counts");
    /** The default threshold: the CTDC's k. */
    public static final int DEFAULT_MIN_CELL = 11;

    private CaseCounts() {}

    /** What a refresh published. */
    public record Published(int records, int cells, int suppressed, int secondary) {}

    /**
     * The threshold, checked.
     * @throws IllegalArgumentException under 2 (a threshold of 1 suppresses nothing)
     */
    public static int minCell(int k) {
        if (k < 2)
            throw new IllegalArgumentException("--min-cell must be at least 2 (a cell with fewer records is suppressed), got " + k);
        return k;
    }

    /**
     * Refuses a job that would write the cube's graph itself: only {@link #refresh} writes it.
     * @throws LoadException BAD_INPUT naming the graph
     */
    public static void refuseWritesTo(Collection<Node> graphs) {
        if (graphs.contains(GRAPH))
            throw refusal("a job");
    }

    /** The refusal of a write into the cube's graph by {@code whom} ("a job", "a SPARQL Update or Graph Store write"). */
    static LoadException refusal(String whom) {
        return new LoadException(LoadException.Kind.BAD_INPUT, GRAPH.getURI()
                + " holds ctkg's published case counts, recomputed from the restricted graphs: " + whom + " cannot write it");
    }

    /**
     * Recomputes the counts from the case records of the store's restricted graphs and makes the
     * cube's graph hold them; call inside the write transaction of the job that caused it. What
     * is no longer so is deleted there; what is new goes to {@code additions}, which must write it
     * before the job commits.
     */
    public static Published refresh(DatasetGraph dsg, Node job, int minCell, Consumer<Quad> additions) {
        Set<Node> graphs = new LinkedHashSet<>(AccessLevels.restricted(dsg));
        graphs.remove(AccessLevels.GRAPH);
        graphs.remove(AccessLevels.RESTRICTED_PROVENANCE);
        RecordValues records = RecordValues.read(dsg, graphs);
        List<Table> tables = Table.all();
        Cells cells = Cells.count(records, tables, minCell(minCell));
        int primary = 0;
        for (boolean s : cells.suppressed)
            if (s)
                primary++;
        int secondary = SecondarySuppression.apply(cells);
        CaseCountGraph.write(dsg, GRAPH, records, cells, tables,
                new CaseCountGraph.Method(minCell, job, Instant.now(), records.firstYear, records.lastYear), additions);
        return new Published(records.records, cells.size(), primary + secondary, secondary);
    }
}
