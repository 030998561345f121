package org.ctkg.carml;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Set;

import io.carml.engine.rdf.RdfRmlMapper;
import io.carml.logicalsourceresolver.CsvResolver;
import io.carml.logicalsourceresolver.JsonPathResolver;
import io.carml.logicalsourceresolver.XPathResolver;
import io.carml.model.TriplesMap;
import io.carml.util.RmlMappingLoader;
import io.carml.vocab.Rdf;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;

/**
 * Runs one RML conformance case ({@code mapping.ttl} beside its input files) with whichever CARML
 * engine the loader of this class sees, wired as CARML's own conformance test wires it.
 */
public final class CaseRun {
    private CaseRun() {}

    /** The case's output as N-Quads; throws what the engine throws. */
    public static String map(String caseFolder) {
        Path folder = Path.of(caseFolder);
        Set<TriplesMap> maps = RmlMappingLoader.build().load(RDFFormat.TURTLE, folder.resolve("mapping.ttl"));
        Model model = RdfRmlMapper.builder()
                .triplesMaps(maps)
                .setLogicalSourceResolver(Rdf.Ql.Csv, CsvResolver::getInstance)
                .setLogicalSourceResolver(Rdf.Ql.JsonPath, JsonPathResolver::getInstance)
                .setLogicalSourceResolver(Rdf.Ql.XPath, XPathResolver::getInstance)
                .fileResolver(folder)
                .build()
                .mapToModel();
        StringWriter out = new StringWriter();
        Rio.write(model, out, RDFFormat.NQUADS);
        return out.toString();
    }
}
