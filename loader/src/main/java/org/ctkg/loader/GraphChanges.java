package org.ctkg.loader;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * What a job does to each graph it writes to, and the one place where replacing is done: a
 * graph being replaced is emptied before the job's first quad in it, and what it held is reported
 * as removed. In one transaction it is emptied at that first quad. A new generation's index
 * threads cannot delete, so there every graph the job may write to is emptied before reading;
 * the job must then know them ahead: its own graph, or the graphs of sources that send triples only.
 */
final class GraphChanges {
    private final boolean replace;
    /** Where a graph being replaced is emptied at the job's first quad in it; null when emptied ahead. */
    private final DatasetGraph emptyAtFirstWrite;
    private final Map<Node, Long> sizeBefore = new LinkedHashMap<>();
    private final Map<Node, Long> removed = new LinkedHashMap<>();

    private GraphChanges(boolean replace, DatasetGraph emptyAtFirstWrite) {
        this.replace = replace;
        this.emptyAtFirstWrite = emptyAtFirstWrite;
    }

    /** For a job in one transaction on {@code dsg}: graphs being replaced are emptied at the first quad written to them. */
    static GraphChanges emptiedAtFirstWrite(JobPlan plan, DatasetGraph dsg) {
        return new GraphChanges(plan.replace(), dsg);
    }

    /**
     * For a job in a new generation: empties now, when replacing, every graph the job may write
     * to; call inside a write transaction on the generation, before its index threads start.
     */
    static GraphChanges emptiedAhead(JobPlan plan, DatasetGraph generation) {
        if (plan.replace())
            graphsKnownAhead(plan).forEach(g -> generation.deleteAny(g, Node.ANY, Node.ANY, Node.ANY));
        return new GraphChanges(plan.replace(), null);
    }

    /** Whether a new generation can do the job's replacing: when it replaces nothing, or only graphs known before reading. */
    static boolean canEmptyAhead(JobPlan plan) {
        return !plan.replace() || plan.targetGraph() != null || plan.sources().stream().noneMatch(Source::sendsQuads);
    }

    private static Set<Node> graphsKnownAhead(JobPlan plan) {
        Set<Node> graphs = new LinkedHashSet<>();
        if (plan.targetGraph() != null)
            graphs.add(plan.targetGraph());
        else
            plan.sources().forEach(s -> graphs.add(s.defaultGraph()));
        return graphs;
    }

    /** Whether the job has written to the graph yet. */
    boolean touched(Node g) {
        return sizeBefore.containsKey(g);
    }

    /** At the job's first quad in a graph that held {@code size} quads: when replacing, empties it (unless done ahead) and counts them removed. */
    void firstWrite(Node g, long size) {
        if (replace) {
            if (emptyAtFirstWrite != null)
                emptyAtFirstWrite.deleteAny(g, Node.ANY, Node.ANY, Node.ANY);
            removed.put(g, size);
            size = 0;
        } else {
            removed.put(g, 0L);
        }
        sizeBefore.put(g, size);
    }

    /** Each graph written to: quads added (its size now, from {@code sizeNow}, less its size before) and removed. */
    Map<Node, LoadReport.GraphChange> changes(ToLongFunction<Node> sizeNow) {
        Map<Node, LoadReport.GraphChange> changes = new LinkedHashMap<>();
        sizeBefore.forEach((g, before) -> changes.put(g, new LoadReport.GraphChange(sizeNow.applyAsLong(g) - before, removed.get(g))));
        return changes;
    }
}
