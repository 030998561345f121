package org.ctkg.loader;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.DCTerms;
import org.ctkg.ontology.Ids;

/**
 * Each graph's access level as the store records it: a statement
 * {@code <graph> dcterms:accessRights <…/access-right/RESTRICTED>} (the EU Publications Office's
 * access-rights authority table, which DCAT-AP uses) in ctkg's own graph {@link #GRAPH}; a graph
 * without one is public. The record is part of the store, so it survives restarts, replaces
 * and copies of the store; the record graph is itself restricted (it names the restricted graphs),
 * and so is {@link #RESTRICTED_PROVENANCE}, where the jobs that write restricted graphs are recorded.
 * Every method is called inside a transaction.
 */
public final class AccessLevels {
    /** Where the levels are recorded. */
    public static final Node GRAPH = Ids.graph("access");
    /** The provenance of jobs that wrote restricted graphs (the public provenance graph does not name them). */
    public static final Node RESTRICTED_PROVENANCE = Ids.graph("provenance-restricted");
    /** The value of {@code dcterms:accessRights} that marks a graph restricted. */
    public static final Node RESTRICTED = NodeFactory.createURI("http://publications.europa.eu/resource/authority/access-right/RESTRICTED");
    private static final Node RIGHTS = DCTerms.accessRights.asNode();

    private AccessLevels() {}

    /** The graphs recorded as restricted (the record graphs among them, once anything is restricted). */
    public static Set<Node> restricted(DatasetGraph dsg) {
        Set<Node> graphs = new LinkedHashSet<>();
        dsg.find(GRAPH, Node.ANY, RIGHTS, RESTRICTED).forEachRemaining(q -> graphs.add(q.getSubject()));
        return graphs;
    }

    /** The level of one graph. */
    public static Access of(DatasetGraph dsg, Node graph) {
        return dsg.contains(GRAPH, graph, RIGHTS, RESTRICTED) ? Access.RESTRICTED : Access.PUBLIC;
    }

    /**
     * Gives the graphs a job wrote the job's level, in the job's write transaction. A restricted
     * job restricts them. A public job into a restricted graph would publish what it holds: it is
     * refused (and the job with it), unless {@code change} says the operator means to make it public.
     * @throws LoadException BAD_INPUT for a public job into a restricted graph without {@code change}
     */
    public static void apply(DatasetGraph dsg, Access access, boolean change, Collection<Node> graphs) {
        for (Node g : graphs)
            if (g.equals(GRAPH))
                throw new LoadException(LoadException.Kind.BAD_INPUT, g.getURI() + " is ctkg's record of access levels: a job cannot write it (set a graph's level with --access)");
        if (access == Access.RESTRICTED) {
            for (Node g : graphs)
                dsg.add(GRAPH, g, RIGHTS, RESTRICTED);
            dsg.add(GRAPH, GRAPH, RIGHTS, RESTRICTED);
            dsg.add(GRAPH, RESTRICTED_PROVENANCE, RIGHTS, RESTRICTED);
            return;
        }
        for (Node g : graphs) {
            if (of(dsg, g) != Access.RESTRICTED)
                continue;
            if (!change)
                throw new LoadException(LoadException.Kind.BAD_INPUT, "graph " + g.getURI() + " is restricted: a public load would make it public;"
                        + " load it with --access restricted, or make it public on purpose with --access public --change-access");
            dsg.delete(GRAPH, g, RIGHTS, RESTRICTED);
        }
    }

    /** Where a job of this level is recorded: restricted jobs apart, so that public provenance never names a restricted graph. */
    public static Node provenanceGraph(Access access) {
        return access == Access.RESTRICTED ? RESTRICTED_PROVENANCE : org.ctkg.loader.prov.Provenance.GRAPH;
    }
}
