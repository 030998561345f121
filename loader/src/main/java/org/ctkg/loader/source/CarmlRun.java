package org.ctkg.loader.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import io.carml.engine.rdf.RdfRmlMapper;
import io.carml.engine.sourceresolver.SourceResolver;
import io.carml.logicalsourceresolver.CsvResolver;
import io.carml.logicalsourceresolver.JsonPathResolver;
import io.carml.model.TriplesMap;
import io.carml.util.RmlMappingLoader;
import io.carml.vocab.Rdf;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;
import org.ctkg.carml.CarmlPatch;
import org.ctkg.loader.LoadException;
import org.ctkg.ontology.CTKG;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.rio.RDFFormat;
import reactor.core.scheduler.Schedulers;

/**
 * One run of the CARML engine (ctkg's patched classes, checked first) over a mapping whose inputs
 * are already checked: each {@code rml:source} name reads its file, the statements stream to the
 * job as Jena quads, and the rows that made something are marked ({@code ctkg:sourceRow}). The
 * engine's failures become errors naming the file.
 */
final class CarmlRun {
    private static final int PREFETCH = 16_384;
    private static final Node SOURCE_ROW = NodeFactory.createURI(CTKG.NS + "sourceRow");

    private final Path mapping;
    private final Function<Path, String> names;

    CarmlRun(Path mapping, Function<Path, String> names) {
        this.mapping = mapping;
        this.names = names;
    }

    /** Maps, reading each source name's file in {@code readable}; rows mapped are set in {@code rowsMapped} (by table file name). */
    void map(Map<String, Path> readable, MappingFunctions functions, Map<String, BitSet> rowsMapped, StreamRDF destination) {
        CarmlPatch.verify();  // fails clearly if CARML's own classes, or another CARML, won the class path
        Set<TriplesMap> maps;
        try {
            maps = RmlMappingLoader.build().load(RDFFormat.TURTLE, mapping);
        } catch (RuntimeException e) {
            throw new LoadException(LoadException.Kind.BAD_INPUT, names.apply(mapping) + ": not a usable RML mapping: " + Causes.rootMessage(e), e);
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
        JenaNodes nodes = new JenaNodes();
        // The engine maps on a thread of its own while this thread (the job's write transaction)
        // writes: mapping and writing overlap. Closing the stream cancels the mapping.
        try (Stream<Statement> statements = mapper.map().subscribeOn(Schedulers.boundedElastic()).toStream(PREFETCH)) {
            statements.forEach(st -> {
                Quad q = nodes.quad(st);
                if (q.getPredicate().equals(SOURCE_ROW) && q.getObject().isLiteral())
                    markRow(rowsMapped, q.getObject().getLiteralLexicalForm());
                if (q.getGraph() == null || q.isDefaultGraph())
                    destination.triple(q.asTriple());
                else
                    destination.quad(q);
            });
        } catch (LoadException e) {
            throw e;
        } catch (RuntimeException e) {
            MappingFunctions.MappingError error = Causes.find(e, MappingFunctions.MappingError.class);
            if (error != null)
                throw new LoadException(LoadException.Kind.BAD_INPUT, error.getMessage(), e);
            LoadException load = Causes.find(e, LoadException.class);
            if (load != null)
                throw load;
            throw new LoadException(LoadException.Kind.BAD_INPUT, names.apply(mapping) + ": " + Causes.rootMessage(e), e);
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
}
