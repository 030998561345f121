package org.ctkg.loader.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

import io.carml.engine.rdf.RdfRmlMapper;
import io.carml.engine.sourceresolver.SourceResolver;
import io.carml.logicalsourceresolver.CsvResolver;
import io.carml.logicalsourceresolver.JsonPathResolver;
import io.carml.model.TriplesMap;
import io.carml.util.RmlMappingLoader;
import io.carml.vocab.Rdf;
import org.apache.commons.io.FileUtils;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.RiotParseException;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.ctkg.carml.CarmlPatch;
import org.ctkg.loader.LoadException;
import org.ctkg.loader.Source;
import org.ctkg.ontology.CTKG;
import org.ctkg.ontology.Ids;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.rio.RDFFormat;
import reactor.core.scheduler.Schedulers;

/**
 * Tables (CSV, TSV) and JSON mapped to RDF by an RML mapping (the rml.io vocabulary) run by the
 * CARML engine, as a {@link Source}: its triples stream into the same validate, write and
 * provenance steps as an RDF file's. The mapping names each input by {@code rml:source "file.csv"};
 * the files given are matched to those names by file name, so they may live anywhere. Tables are
 * checked first ({@link TableFile}); each row's resources may carry {@code ctkg:sourceRow} (from
 * the added {@code _at} column) so the job can tell which rows made nothing, and reports them.
 * <pre>
 *   LoadJob.create(store).source(RmlMapping.of(Path.of("tip-tiers.rml.ttl"), List.of(csv))).build().run();
 * </pre>
 */
public final class RmlMapping implements Source {
    private static final Node RML_SOURCE = NodeFactory.createURI("http://semweb.mmlab.be/ns/rml#source");
    private static final Node RML_LOGICAL_SOURCE = NodeFactory.createURI("http://semweb.mmlab.be/ns/rml#logicalSource");
    private static final Node RML_REFERENCE = NodeFactory.createURI("http://semweb.mmlab.be/ns/rml#reference");
    private static final Node RR_TEMPLATE = NodeFactory.createURI("http://www.w3.org/ns/r2rml#template");
    private static final java.util.regex.Pattern TEMPLATE_PART = java.util.regex.Pattern.compile("(?<!\\\\)\\{([^{}]+)\\}");
    private static final int LINES_SHOWN = 10;
    private static final int PREFETCH = 16_384;

    private final Path mapping;
    private final List<Path> inputs;
    private final Node defaultGraph;
    private final List<InputRecord> records = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private final Function<Path, String> names;

    private RmlMapping(Path mapping, List<Path> inputs, Function<Path, String> names) {
        this.mapping = mapping;
        this.inputs = List.copyOf(inputs);
        this.names = names;
        this.defaultGraph = Ids.graph(slugOf(mapping));
    }

    /** The mapping file and the files it reads. */
    public static RmlMapping of(Path mapping, List<Path> inputs) {
        return of(mapping, inputs, Path::toString);
    }

    /**
     * The mapping file and the files it reads, each shown in messages and provenance by the name
     * {@code names} gives it (the name the user knows, for files staged elsewhere).
     */
    public static RmlMapping of(Path mapping, List<Path> inputs, Function<Path, String> names) {
        if (inputs.isEmpty())
            throw new LoadException(LoadException.Kind.BAD_INPUT, names.apply(mapping) + ": give the files the mapping reads");
        return new RmlMapping(mapping, inputs, names);
    }

    private static String slugOf(Path mapping) {
        String name = mapping.getFileName().toString().toLowerCase(Locale.ROOT);
        for (String suffix : new String[] {".rml.ttl", ".ttl", ".rml"})
            if (name.endsWith(suffix)) {
                name = name.substring(0, name.length() - suffix.length());
                break;
            }
        String slug = name.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug.isEmpty() ? "unnamed" : slug;
    }

    @Override
    public String name() {
        return names.apply(mapping);
    }

    @Override
    public Node defaultGraph() {
        return defaultGraph;
    }

    @Override
    public List<InputRecord> records() {
        return List.copyOf(records);
    }

    @Override
    public InputRecord record() {
        return records.get(0);
    }

    @Override
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /**
     * The tables' sizes times ten: about the size of the RDF a table makes, each row becoming
     * several triples that each repeat long IRIs.
     */
    @Override
    public long bytes() {
        long total = 0;
        for (Path input : inputs) {
            try {
                total += Files.size(input);
            } catch (IOException e) {
                return -1;
            }
        }
        return total * 10;
    }

    @Override
    public void send(StreamRDF destination) {
        records.clear();
        notes.clear();
        Graph mappingGraph = readMapping();
        Map<String, Path> bound = bind(mappingGraph);
        Path work;
        try {
            work = Files.createTempDirectory("ctkg-mapping-");
        } catch (IOException e) {
            throw new LoadException(LoadException.Kind.INTERNAL, "cannot make a working directory: " + e.getMessage(), e);
        }
        try {
            Map<String, Path> readable = new LinkedHashMap<>();
            Map<String, TableFile.Checked> tables = new LinkedHashMap<>();
            for (Map.Entry<String, Path> e : bound.entrySet()) {
                TableFile table = TableFile.of(e.getValue(), names.apply(e.getValue()));
                if (table != null) {
                    Path copy = work.resolve(tables.size() + ".csv");
                    TableFile.Checked checked = table.normalizeTo(copy);
                    checkColumns(mappingGraph, e.getKey(), e.getValue(), checked.header());
                    tables.put(e.getValue().getFileName().toString(), checked);
                    records.add(checked.input());
                    readable.put(e.getKey(), copy);
                } else {
                    if (e.getValue().getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"))
                        checkJson(e.getValue());
                    records.add(fileRecord(e.getValue()));
                    readable.put(e.getKey(), e.getValue());
                }
            }
            MappingFunctions functions = new MappingFunctions();
            Map<String, BitSet> rowsMapped = new LinkedHashMap<>();
            tables.keySet().forEach(name -> rowsMapped.put(name, new BitSet()));
            run(readable, functions, rowsMapped, destination);
            records.add(0, fileRecord(mapping));
            report(tables, rowsMapped, functions);
        } finally {
            FileUtils.deleteQuietly(work.toFile());
        }
    }

    private Graph readMapping() {
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
        return g;
    }

    /**
     * Fails when the mapping reads a column the table's header lacks (engines would map such rows
     * to nothing, silently).
     */
    private void checkColumns(Graph mappingGraph, String sourceName, Path file, List<String> header) {
        Set<String> used = new TreeSet<>();
        mappingGraph.find(Node.ANY, RML_SOURCE, NodeFactory.createLiteralString(sourceName)).forEachRemaining(ls ->
                mappingGraph.find(Node.ANY, RML_LOGICAL_SOURCE, ls.getSubject()).forEachRemaining(tm ->
                        collectColumns(mappingGraph, tm.getSubject(), used, new java.util.HashSet<>())));
        used.remove(TableFile.LINE_COLUMN);
        used.removeAll(header);
        if (!used.isEmpty())
            throw new LoadException(LoadException.Kind.BAD_INPUT, names.apply(file) + ":1: the mapping uses column" + (used.size() > 1 ? "s " : " ")
                    + used.stream().map(c -> "'" + c + "'").collect(java.util.stream.Collectors.joining(", "))
                    + ", which the header lacks (it has " + String.join(", ", header) + ")");
    }

    /** The columns a triples map reads: its {@code rml:reference}s and the {@code {names}} in its templates. */
    private static void collectColumns(Graph g, Node node, Set<String> columns, Set<Node> seen) {
        if (!seen.add(node))
            return;
        g.find(node, Node.ANY, Node.ANY).forEachRemaining(t -> {
            Node o = t.getObject();
            if (t.getPredicate().equals(RML_REFERENCE) && o.isLiteral())
                columns.add(o.getLiteralLexicalForm());
            else if (t.getPredicate().equals(RR_TEMPLATE) && o.isLiteral()) {
                java.util.regex.Matcher m = TEMPLATE_PART.matcher(o.getLiteralLexicalForm());
                while (m.find())
                    columns.add(m.group(1));
            } else if (o.isBlank())
                collectColumns(g, o, columns, seen);
        });
    }

    /** Reads a JSON file through once, so a syntax or encoding error is reported with its line and column. */
    private void checkJson(Path file) {
        try (com.fasterxml.jackson.core.JsonParser p = new com.fasterxml.jackson.core.JsonFactory().createParser(file.toFile())) {
            boolean any = false;
            while (p.nextToken() != null)
                any = true;
            if (!any)
                throw new LoadException(LoadException.Kind.BAD_INPUT, names.apply(file) + ": empty file: no JSON");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            var where = e.getLocation();
            throw new LoadException(LoadException.Kind.BAD_INPUT, names.apply(file) + (where == null ? "" : ":" + where.getLineNr() + ":" + where.getColumnNr())
                    + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new LoadException(LoadException.Kind.BAD_INPUT, names.apply(file) + ": no such file", e);
        } catch (IOException e) {
            throw new LoadException(LoadException.Kind.BAD_INPUT, names.apply(file) + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Matches each {@code rml:source} name of the mapping to one of the given files. */
    private Map<String, Path> bind(Graph mappingGraph) {
        Set<String> sources = new TreeSet<>();
        mappingGraph.find(Node.ANY, RML_SOURCE, Node.ANY).forEachRemaining(t -> {
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

    private void run(Map<String, Path> readable, MappingFunctions functions, Map<String, BitSet> rowsMapped, StreamRDF destination) {
        CarmlPatch.verify();  // fails clearly if CARML's own classes, or another CARML, won the class path
        Set<TriplesMap> maps;
        try {
            maps = RmlMappingLoader.build().load(RDFFormat.TURTLE, mapping);
        } catch (RuntimeException e) {
            throw new LoadException(LoadException.Kind.BAD_INPUT, names.apply(mapping) + ": not a usable RML mapping: " + rootMessage(e), e);
        }
        List<InputStream> opened = new ArrayList<>();
        SourceResolver resolver = new SourceResolver() {
            @Override
            public Optional<Object> apply(Object source) {
                return unpackFileSource(source).map(name -> {
                    Path file = readable.get(name);
                    if (file == null)
                        return null;
                    try {
                        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
                        opened.add(in);
                        return in;
                    } catch (NoSuchFileException e) {
                        throw new LoadException(LoadException.Kind.BAD_INPUT, names.apply(file) + ": no such file");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        };
        RdfRmlMapper mapper = RdfRmlMapper.builder()
                .triplesMaps(maps)
                .setLogicalSourceResolver(Rdf.Ql.Csv, CsvResolver::getInstance)
                .setLogicalSourceResolver(Rdf.Ql.JsonPath, JsonPathResolver::getInstance)
                .sourceResolver(resolver)
                .addFunctions(functions)
                .build();
        Node sourceRow = NodeFactory.createURI(CTKG.NS + "sourceRow");
        JenaNodes nodes = new JenaNodes();
        // The engine maps on a thread of its own while this thread (the job's write transaction)
        // writes: mapping and writing overlap. Closing the stream cancels the mapping.
        try (Stream<Statement> statements = mapper.map().subscribeOn(Schedulers.boundedElastic()).toStream(PREFETCH)) {
            statements.forEach(st -> {
                Quad q = nodes.quad(st);
                if (q.getPredicate().equals(sourceRow) && q.getObject().isLiteral())
                    markRow(rowsMapped, q.getObject().getLiteralLexicalForm());
                if (q.getGraph() == null || q.isDefaultGraph())
                    destination.triple(q.asTriple());
                else
                    destination.quad(q);
            });
        } catch (LoadException e) {
            throw e;
        } catch (RuntimeException e) {
            MappingFunctions.MappingError error = find(e, MappingFunctions.MappingError.class);
            if (error != null)
                throw new LoadException(LoadException.Kind.BAD_INPUT, error.getMessage(), e);
            LoadException load = find(e, LoadException.class);
            if (load != null)
                throw load;
            throw new LoadException(LoadException.Kind.BAD_INPUT, names.apply(mapping) + ": " + rootMessage(e), e);
        } finally {
            for (InputStream in : opened)
                try {
                    in.close();
                } catch (IOException ignored) {
                    // closing after reading; nothing to lose
                }
        }
    }

    private static void markRow(Map<String, BitSet> rowsMapped, String at) {
        int colon = at.lastIndexOf(':');
        if (colon < 0)
            return;
        BitSet rows = rowsMapped.get(at.substring(0, colon));
        if (rows == null)
            return;
        try {
            rows.set(Integer.parseInt(at.substring(colon + 1)));
        } catch (NumberFormatException e) {
            // not one of ours
        }
    }

    /** Notes on rows that made nothing: the reasons the functions gave, and the lines. */
    private void report(Map<String, TableFile.Checked> tables, Map<String, BitSet> rowsMapped, MappingFunctions functions) {
        notes.addAll(functions.skipped());
        for (Map.Entry<String, TableFile.Checked> t : tables.entrySet()) {
            BitSet mapped = rowsMapped.get(t.getKey());
            if (mapped.isEmpty())
                continue;  // this mapping does not trace rows (no ctkg:sourceRow)
            BitSet left = (BitSet) t.getValue().rowLines().clone();
            left.andNot(mapped);
            List<String> lines = left.stream().limit(LINES_SHOWN).mapToObj(Integer::toString).toList();
            notes.add(t.getKey() + ": " + t.getValue().rows() + " rows read, " + mapped.cardinality() + " mapped"
                    + (left.isEmpty() ? "" : ", " + left.cardinality() + " left out (lines " + String.join(", ", lines)
                                              + (left.cardinality() > LINES_SHOWN ? ", …" : "") + ")"));
        }
    }

    private InputRecord fileRecord(Path file) {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), Checksums.sha256())) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return recordOf(file, in);
        } catch (NoSuchFileException e) {
            throw new LoadException(LoadException.Kind.BAD_INPUT, names.apply(file) + ": no such file", e);
        } catch (IOException e) {
            throw new LoadException(LoadException.Kind.BAD_INPUT, names.apply(file) + ": cannot read: " + e.getMessage(), e);
        }
    }

    private InputRecord recordOf(Path file, DigestInputStream in) throws IOException {
        return new InputRecord(names.apply(file), Files.size(file), HexFormat.of().formatHex(in.getMessageDigest().digest()));
    }


    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause())
            if (type.isInstance(t))
                return type.cast(t);
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t)
            t = t.getCause();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

}
