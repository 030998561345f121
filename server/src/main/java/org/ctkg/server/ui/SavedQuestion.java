package org.ctkg.server.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One of the query UI's example questions ({@code ctkg/ui/examples/NN-name.rq}): its short name
 * (the file name without the number, for {@code /q/{name}}), its title (the first comment line),
 * its query, and the result view it asks for ({@code #defaultView:Map}, as Wikidata Query Service
 * writes it; empty when it asks for none and the UI picks one from the result's shape).
 */
public record SavedQuestion(String name, String title, String query, String view) {
    private static final String ROOT = "ctkg/ui/examples/";
    private static final Pattern DEFAULT_VIEW = Pattern.compile("(?m)^\\s*#\\s*defaultView:\\s*(\\w+)");
    /** The views a query may ask for; any other name is not a view. */
    public static final List<String> VIEWS = List.of("Table", "BarChart", "LineChart", "Map", "Timeline", "Graph");

    /** Every example question, in menu order, by short name; two files with one name are refused. */
    public static Map<String, SavedQuestion> all() {
        Map<String, SavedQuestion> byName = new LinkedHashMap<>();
        for (String file : QueryUiServlet.EXAMPLES) {
            SavedQuestion q = read(file);
            if (byName.put(q.name(), q) != null)
                throw new IllegalStateException("two example questions are named " + q.name() + ": rename " + ROOT + file + ".rq");
        }
        return byName;
    }

    private static SavedQuestion read(String file) {
        String text = resource(ROOT + file + ".rq");
        String first = text.lines().findFirst().orElse("");
        boolean titled = first.startsWith("#");
        String title = titled ? first.substring(1).trim() : file;
        String query = text.lines().skip(titled ? 1 : 0).collect(Collectors.joining("\n")).strip() + "\n";
        Matcher m = DEFAULT_VIEW.matcher(query);
        String view = m.find() ? m.group(1) : "";
        if (!view.isEmpty() && !VIEWS.contains(view))
            throw new IllegalStateException(ROOT + file + ".rq asks for the view " + view + "; the views are " + VIEWS);
        return new SavedQuestion(file.replaceFirst("^\\d+-", ""), title, query, view);
    }

    private static String resource(String name) {
        try (InputStream in = SavedQuestion.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null)
                throw new IllegalStateException("missing " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
