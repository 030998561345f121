package org.ctkg.loader;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIs;

/**
 * The settings of a load job, the same whether it runs in this process ({@code ctkg load --loc})
 * or in a running server's load service (sent as its query parameters).
 *
 * @param graph    the graph to load into, an absolute IRI, or null for the source's own graphs
 * @param replace  replace the graphs the job writes instead of adding to them
 * @param infer    add the RDFS closure of what is loaded
 * @param lenient  let the parser warn instead of fail on bad terms
 * @param validate check the result against ctkg's shapes
 * @param syntax   the RDF syntax's name, or null to tell it from the file name
 * @param access   the access level of the graphs the job writes
 * @param changeAccess whether a public job may make a restricted graph public
 */
public record JobSettings(String graph, boolean replace, boolean infer, boolean lenient, boolean validate, String syntax,
                          Access access, boolean changeAccess) {

    /** Public settings. */
    public JobSettings(String graph, boolean replace, boolean infer, boolean lenient, boolean validate, String syntax) {
        this(graph, replace, infer, lenient, validate, syntax, Access.PUBLIC, false);
    }

    /** @throws IllegalArgumentException when the graph is not an absolute IRI */
    public JobSettings {
        if (graph != null && (!IRIs.check(graph) || !IRIs.absoluteResolver().resolve(graph).isAbsolute()))
            throw new IllegalArgumentException("the graph must be an absolute IRI, got '" + graph + "'");
        if (access == null)
            access = Access.PUBLIC;
    }

    /** Sets these on a job. */
    public LoadJob.Builder applyTo(LoadJob.Builder job) {
        job.replace(replace).infer(infer).lenient(lenient).validate(validate).access(access).changeAccess(changeAccess);
        if (graph != null)
            job.graph(NodeFactory.createURI(graph));
        return job;
    }
}
