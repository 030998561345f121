package org.ctkg.loader.source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.RiotParseException;
import org.apache.jena.sparql.graph.GraphFactory;
import org.ctkg.loader.LoadException;

/**
 * An RML mapping read as a graph, before any engine runs it: which files it reads
 * ({@code rml:source}) and which columns of each, so that a missing file or column is an error
 * naming it rather than rows silently mapped to nothing.
 */
final class MappingRules {
    private static final Node RML_SOURCE = NodeFactory.createURI("http://semweb.mmlab.be/ns/rml#source");
    private static final Node RML_LOGICAL_SOURCE = NodeFactory.createURI("http://semweb.mmlab.be/ns/rml#logicalSource");
    private static final Node RML_REFERENCE = NodeFactory.createURI("http://semweb.mmlab.be/ns/rml#reference");
    private static final Node RR_TEMPLATE = NodeFactory.createURI("http://www.w3.org/ns/r2rml#template");
    private static final Pattern TEMPLATE_PART = Pattern.compile("(?<!\\\\)\\{([^{}]+)\\}");

    private final Path mapping;
    private final Graph graph;
    private final Function<Path, String> names;

    private MappingRules(Path mapping, Graph graph, Function<Path, String> names) {
        this.mapping = mapping;
        this.graph = graph;
        this.names = names;
    }

    /** Reads the mapping strictly; its syntax errors name the file, line and column. */
    static MappingRules read(Path mapping, Function<Path, String> names) {
        Graph g = GraphFactory.createDefaultGraph();
        try {
            RDFParser.source(mapping).lang(Lang.TURTLE).errorHandler(StrictErrors.INSTANCE).parse(g);
        } catch (RiotParseException e) {
            throw new LoadException(LoadException.Kind.BAD_INPUT, names.apply(mapping) + ":" + e.getLine() + ":" + e.getCol() + ": " + e.getOriginalMessage(), e);
        } catch (RiotException e) {
            if (!Files.exists(mapping))
                throw new LoadException(LoadException.Kind.BAD_INPUT, names.apply(mapping) + ": no such file");
            throw new LoadException(LoadException.Kind.BAD_INPUT, names.apply(mapping) + ": " + e.getMessage(), e);
        }
        return new MappingRules(mapping, g, names);
    }

    /** Matches each {@code rml:source} name of the mapping to one of the given files; every file must be read. */
    Map<String, Path> bind(List<Path> inputs) {
        Set<String> sources = new TreeSet<>();
        graph.find(Node.ANY, RML_SOURCE, Node.ANY).forEachRemaining(t -> {
            if (t.getObject().isLiteral())
                sources.add(t.getObject().getLiteralLexicalForm());
        });
        if (sources.isEmpty())
            throw new LoadException(LoadException.Kind.BAD_INPUT, names.apply(mapping) + ": the mapping names no rml:source file to read");
        Map<String, Path> bound = new LinkedHashMap<>();
        List<Path> unused = new ArrayList<>(inputs);
        for (String name : sources) {
            String fileName = Path.of(name).getFileName().toString();
            Path match = inputs.stream().filter(p -> p.getFileName().toString().equals(fileName)).findFirst()
                    .orElse(sources.size() == 1 && inputs.size() == 1 ? inputs.get(0) : null);
            if (match == null)
                throw new LoadException(LoadException.Kind.BAD_INPUT, names.apply(mapping) + ": the mapping reads '" + name
                        + "' (rml:source); give a file of that name");
            bound.put(name, match);
            unused.remove(match);
        }
        if (!unused.isEmpty())
            throw new LoadException(LoadException.Kind.BAD_INPUT, names.apply(unused.get(0)) + ": the mapping " + names.apply(mapping)
                    + " does not read this file (it reads " + String.join(", ", sources) + ")");
        return bound;
    }

    /**
     * Fails when the mapping reads a column of the table {@code file} (its {@code rml:source}
     * {@code sourceName}) that the table's header lacks: engines would map such rows to nothing.
     */
    void checkColumns(String sourceName, Path file, List<String> header) {
        Set<String> used = new TreeSet<>();
        graph.find(Node.ANY, RML_SOURCE, NodeFactory.createLiteralString(sourceName)).forEachRemaining(ls ->
                graph.find(Node.ANY, RML_LOGICAL_SOURCE, ls.getSubject()).forEachRemaining(tm ->
                        collectColumns(tm.getSubject(), used, new HashSet<>())));
        used.remove(TableFile.LINE_COLUMN);
        used.removeAll(header);
        if (!used.isEmpty())
            throw new LoadException(LoadException.Kind.BAD_INPUT, names.apply(file) + ":1: the mapping uses column" + (used.size() > 1 ? "s " : " ")
                    + used.stream().map(c -> "'" + c + "'").collect(Collectors.joining(", "))
                    + ", which the header lacks (it has " + String.join(", ", header) + ")");
    }

    /** The columns a triples map reads: its {@code rml:reference}s and the {@code {names}} in its templates. */
    private void collectColumns(Node node, Set<String> columns, Set<Node> seen) {
        if (!seen.add(node))
            return;
        graph.find(node, Node.ANY, Node.ANY).forEachRemaining(t -> {
            Node o = t.getObject();
            if (t.getPredicate().equals(RML_REFERENCE) && o.isLiteral())
                columns.add(o.getLiteralLexicalForm());
            else if (t.getPredicate().equals(RR_TEMPLATE) && o.isLiteral()) {
                Matcher m = TEMPLATE_PART.matcher(o.getLiteralLexicalForm());
                while (m.find())
                    columns.add(m.group(1));
            } else if (o.isBlank())
                collectColumns(o, columns, seen);
        });
    }
}
