package org.ctkg.server.ld;

import java.util.Set;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.ctkg.server.search.SearchIndex;

/**
 * The linked-data pages as a Fuseki module: every IRI ctkg mints answers as a page for people and
 * as RDF for machines ({@code /id/…}, {@code /graph/…}, {@code /ontology}, the JSON-LD context), and
 * the pages to browse by ({@code /} home, {@code /classes/…}, {@code /search}).
 */
public final class LinkedDataModule implements FusekiModule {
    private static final String[] ONTOLOGY_SUFFIXES = {"", ".html", ".ttl", ".jsonld", ".nt", ".rdf"};

    private final LinkedData linkedData;
    private final BrowsePages browse;

    /** Pages of the served dataset, for IRIs under {@code publicBase}, searched through {@code search}. */
    public LinkedDataModule(DatasetGraph served, SearchIndex search, String publicBase) {
        LinkedData.Iris iris = new LinkedData.Iris(publicBase);
        this.linkedData = new LinkedData(served, iris);
        this.browse = new BrowsePages(search, iris);
    }

    @Override
    public String name() {
        return "ctkg linked data";
    }

    @Override
    public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
        builder.addServlet("/id/*", linkedData)
               .addServlet("/graph/*", linkedData)
               .addServlet(LinkedData.CONTEXT_PATH, linkedData)
               .addServlet("/search", browse)
               .addServlet("/classes/*", browse)
               .addServlet("", browse);
        for (String suffix : ONTOLOGY_SUFFIXES)
            builder.addServlet("/ontology" + suffix, linkedData);
    }
}
