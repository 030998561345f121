package org.ctkg.server;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIs;
import org.ctkg.loader.LoadJob;

/**
 * The settings of a load job, the same whether it runs here ({@code ctkg load --loc}) or in a
 * running server ({@code ctkg load --server}, sent as the load service's query parameters).
 */
record JobSettings(String graph, boolean replace, boolean infer, boolean lenient, boolean validate, String syntax) {

    JobSettings {
        if (graph != null && (!IRIs.check(graph) || !IRIs.absoluteResolver().resolve(graph).isAbsolute()))
            throw new UsageException("the graph must be an absolute IRI, got '" + graph + "'");
    }

    /** From the command line's options. */
    static JobSettings of(Options o) {
        return new JobSettings(o.get("graph", null), o.has("replace"), o.has("infer"), o.has("lenient"), !o.has("no-validate"), o.get("syntax", null));
    }

    /** From the load service's query parameters. */
    static JobSettings of(HttpServletRequest req) {
        return new JobSettings(req.getParameter("graph"), flag(req, "replace", false), flag(req, "infer", false),
                flag(req, "lenient", false), flag(req, "validate", true), req.getParameter("syntax"));
    }

    private static boolean flag(HttpServletRequest req, String name, boolean otherwise) {
        String v = req.getParameter(name);
        return v == null ? otherwise : v.isEmpty() || v.equalsIgnoreCase("true") || v.equals("1");
    }

    /** As the load service's query string (without '?'). */
    String query() {
        List<String> q = new ArrayList<>();
        if (graph != null)
            q.add("graph=" + URLEncoder.encode(graph, StandardCharsets.UTF_8));
        if (syntax != null)
            q.add("syntax=" + URLEncoder.encode(syntax, StandardCharsets.UTF_8));
        if (replace)
            q.add("replace=true");
        if (infer)
            q.add("infer=true");
        if (lenient)
            q.add("lenient=true");
        if (!validate)
            q.add("validate=false");
        return String.join("&", q);
    }

    /** Sets these on a job. */
    LoadJob.Builder applyTo(LoadJob.Builder job) {
        job.replace(replace).infer(infer).lenient(lenient).validate(validate);
        if (graph != null)
            job.graph(NodeFactory.createURI(graph));
        return job;
    }
}
