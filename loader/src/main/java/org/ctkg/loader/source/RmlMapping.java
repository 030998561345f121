package org.ctkg.loader.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.apache.commons.io.FileUtils;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.ctkg.loader.LoadException;
import org.ctkg.loader.Source;
import org.ctkg.ontology.Ids;

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
    private static final int LINES_SHOWN = 10;

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
        MappingRules rules = MappingRules.read(mapping, names);
        Map<String, Path> bound = rules.bind(inputs);
        InputFiles files = new InputFiles(names);
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
                    rules.checkColumns(e.getKey(), e.getValue(), checked.header());
                    tables.put(e.getValue().getFileName().toString(), checked);
                    records.add(checked.input());
                    readable.put(e.getKey(), copy);
                } else {
                    if (e.getValue().getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"))
                        files.checkJson(e.getValue());
                    records.add(files.record(e.getValue()));
                    readable.put(e.getKey(), e.getValue());
                }
            }
            MappingFunctions functions = new MappingFunctions();
            Map<String, BitSet> rowsMapped = new LinkedHashMap<>();
            tables.keySet().forEach(name -> rowsMapped.put(name, new BitSet()));
            new CarmlRun(mapping, names).map(readable, functions, rowsMapped, destination);
            records.add(0, files.record(mapping));
            report(tables, rowsMapped, functions);
        } finally {
            FileUtils.deleteQuietly(work.toFile());
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
}
