package org.ctkg.server.releases;

import java.time.LocalDate;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;

/**
 * How to cite a resource of ctkg: its IRI, and the version it is cited as of, the latest release
 * that holds it, or, when none does, the state of the store on the day its last load job ended;
 * as a line of text, as BibTeX ({@code @misc}, values escaped for TeX) and as CSL-JSON (the
 * citation format of Zotero, Mendeley and pandoc; type {@code dataset}).
 *
 * @param version the release's version; null when no release holds the resource
 * @param date    the release's date, or the store's
 */
public record Citation(String iri, String title, String author, String version, String date, String text, String bibtex, String cslJson) {
    static final String DATASET = "Counter-Trafficking Knowledge Graph";

    static Citation of(String iri, String title, String author, String version, LocalDate date) {
        String asOf = version != null ? "release " + version + ", " + date : "as of " + date + " (in no release yet)";
        String text = author + " (" + date.getYear() + "). " + title + ". In " + DATASET + " (ctkg), " + asOf + ". " + iri;
        return new Citation(iri, title, author, version, date.toString(), text, bibtex(iri, title, author, version, date),
                cslJson(iri, title, author, version, date));
    }

    /** The citation in this format: {@code text}, {@code bibtex} or {@code csl-json}; null for another. */
    String in(String format) {
        return switch (format) {
            case "text" -> text + "\n";
            case "bibtex" -> bibtex;
            case "csl-json" -> cslJson + "\n";
            default -> null;
        };
    }

    private static String bibtex(String iri, String title, String author, String version, LocalDate date) {
        StringBuilder b = new StringBuilder("@misc{").append(key(iri, version)).append(",\n");
        field(b, "author", "{" + tex(author) + "}");
        field(b, "title", tex(title));
        field(b, "howpublished", tex(DATASET + (version != null ? ", release " + version : ", as of " + date)));
        if (version != null)
            field(b, "version", tex(version));
        field(b, "year", Integer.toString(date.getYear()));
        field(b, "date", date.toString());
        field(b, "url", iri.replace("{", "%7B").replace("}", "%7D").replace("\\", "%5C"));
        return b.append("}\n").toString();
    }

    private static void field(StringBuilder b, String name, String value) {
        b.append("  ").append(name).append(" = {").append(value).append("},\n");
    }

    /** A key from the IRI's last segment and the version: ctkg:shelter:2. */
    private static String key(String iri, String version) {
        String local = iri.substring(Math.max(iri.lastIndexOf('/'), iri.lastIndexOf('#')) + 1).replaceAll("[^A-Za-z0-9_-]", "");
        return "ctkg:" + (local.isEmpty() ? "resource" : local) + (version != null ? ":" + version.replaceAll("[^A-Za-z0-9_.-]", "") : "");
    }

    /** Text as TeX reads it literally: its special characters escaped. */
    static String tex(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\textbackslash{}");
                case '{', '}', '%', '&', '$', '#', '_' -> out.append('\\').append(c);
                case '~' -> out.append("\\textasciitilde{}");
                case '^' -> out.append("\\textasciicircum{}");
                default -> out.append(Character.isISOControl(c) ? ' ' : c);
            }
        }
        return out.toString();
    }

    private static String cslJson(String iri, String title, String author, String version, LocalDate date) {
        JsonObject item = new JsonObject();
        item.put("id", key(iri, version));
        item.put("type", "dataset");
        item.put("title", title);
        JsonArray authors = new JsonArray();
        JsonObject literal = new JsonObject();
        literal.put("literal", author);
        authors.add(literal);
        item.put("author", authors);
        item.put("container-title", DATASET);
        if (version != null)
            item.put("version", version);
        JsonArray parts = new JsonArray();
        JsonArray day = new JsonArray();
        day.add(date.getYear());
        day.add(date.getMonthValue());
        day.add(date.getDayOfMonth());
        parts.add(day);
        JsonObject issued = new JsonObject();
        issued.put("date-parts", parts);
        item.put("issued", issued);
        item.put("URL", iri);
        JsonArray items = new JsonArray();
        items.add(item);
        return JSON.toString(items);
    }
}
