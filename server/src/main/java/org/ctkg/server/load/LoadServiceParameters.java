package org.ctkg.server.load;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.ctkg.loader.Access;
import org.ctkg.loader.JobSettings;

/** A job's settings as the load service's query parameters: read by the service, written by its clients. */
public final class LoadServiceParameters {
    private LoadServiceParameters() {}

    /**
     * From the request's query parameters.
     *
     * @throws IllegalArgumentException when a setting is not allowed
     */
    public static JobSettings of(HttpServletRequest req) {
        String access = req.getParameter("access");
        return new JobSettings(req.getParameter("graph"), flag(req, "replace", false), flag(req, "infer", false),
                flag(req, "lenient", false), flag(req, "validate", true), req.getParameter("syntax"),
                access == null ? Access.PUBLIC : Access.named(access), flag(req, "change-access", false));
    }

    private static boolean flag(HttpServletRequest req, String name, boolean otherwise) {
        String v = req.getParameter(name);
        return v == null ? otherwise : v.isEmpty() || v.equalsIgnoreCase("true") || v.equals("1");
    }

    /** As the load service's query string (without '?'). */
    public static String query(JobSettings settings) {
        List<String> q = new ArrayList<>();
        if (settings.graph() != null)
            q.add("graph=" + URLEncoder.encode(settings.graph(), StandardCharsets.UTF_8));
        if (settings.syntax() != null)
            q.add("syntax=" + URLEncoder.encode(settings.syntax(), StandardCharsets.UTF_8));
        if (settings.replace())
            q.add("replace=true");
        if (settings.infer())
            q.add("infer=true");
        if (settings.lenient())
            q.add("lenient=true");
        if (!settings.validate())
            q.add("validate=false");
        if (settings.access() != Access.PUBLIC)
            q.add("access=" + settings.access().label());
        if (settings.changeAccess())
            q.add("change-access=true");
        return String.join("&", q);
    }
}
