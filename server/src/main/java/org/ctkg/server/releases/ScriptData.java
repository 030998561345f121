package org.ctkg.server.releases;

import gg.jte.Content;
import gg.jte.TemplateOutput;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonValue;

/**
 * JSON to put in a page as a data block ({@code <script type="application/ld+json">}), which a
 * template cannot print with {@code ${}}: JTE escapes a script element's content as a JavaScript
 * string, which is not JSON. Safe by how it is made, not by trust: it can only be made from a
 * JSON value, and every {@code <}, {@code >} and {@code &} is written as a JSON escape
 * (backslash, u, the code point in hex), so no value can end the element, open a comment or name an entity, and the
 * text still parses to the same JSON.
 */
public final class ScriptData implements Content {
    private final String text;

    private ScriptData(String text) {
        this.text = text;
    }

    /** The JSON value, written for a data block. */
    static ScriptData of(JsonValue json) {
        return new ScriptData(JSON.toString(json).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"));
    }

    @Override
    public void writeTo(TemplateOutput output) {
        output.writeContent(text);
    }

    @Override
    public String toString() {
        return text;
    }
}
