package org.ctkg.server.ld;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import org.ctkg.server.web.Responses;

/**
 * Renders ctkg's pages from their templates ({@code server/src/main/jte}), which share one layout.
 * The templates are compiled to Java at build time (jte-maven-plugin) with the Html content type,
 * so every value they print is escaped for where it stands (element text, attribute, URL) and a
 * template that prints a value where it cannot be escaped does not build; no compiler runs here.
 */
public final class Pages {
    private static final TemplateEngine ENGINE =
            TemplateEngine.createPrecompiled(null, ContentType.Html, Pages.class.getClassLoader(), Pages.class.getPackageName());

    private Pages() {}

    /** The page made by the template ({@code "resource.jte"}) from its one parameter. */
    public static byte[] render(String template, Object model) {
        Utf8ByteOutput out = new Utf8ByteOutput();
        ENGINE.render(template, model, out);
        return out.toByteArray();
    }

    /** Sends the page as the whole HTML response, with the status. */
    public static void send(HttpServletResponse resp, int status, String template, Object model) throws IOException {
        send(resp, status, render(template, model));
    }

    /** Sends a page rendered before (as the ontology's, which never changes). */
    static void send(HttpServletResponse resp, int status, byte[] page) throws IOException {
        Responses.send(resp, status, "text/html;charset=utf-8", page);
    }
}
