package org.ctkg.server.releases;

import java.util.Set;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.ctkg.server.http.DatasetLinks;
import org.ctkg.server.ld.LinkedData;

/**
 * Releases as the server offers them, as a Fuseki module: {@code /downloads} (the releases, their
 * files and changes), the files themselves under {@code /releases/…}, and {@code /cite}; and the
 * parts other concerns show: the home page's dataset markup, each resource's history and
 * citation, the links of the VoID description. Without a releases directory the pages say there
 * are none, citations name the store's state, and no file is served.
 */
public final class Releases implements FusekiModule {
    private static final String[] DOWNLOADS_SUFFIXES = {"", ".html", ".ttl", ".jsonld", ".nt", ".rdf"};

    private final ReleaseShelf shelf;
    private final ReleaseCatalogue catalogue;
    private final ResourceHistory history;
    private final DatasetMarkup markup;

    /** The releases on the shelf, of the store served as {@code served}, whose IRIs the pages map with {@code iris}. */
    public Releases(ReleaseShelf shelf, DatasetGraph served, LinkedData.Iris iris) {
        StoreFacts facts = new StoreFacts(served);
        this.shelf = shelf;
        this.catalogue = new ReleaseCatalogue(shelf);
        this.history = new ResourceHistory(served, shelf, facts, iris);
        this.markup = new DatasetMarkup(shelf, facts, new Coverage(served));
    }

    /** What the VoID description adds: the releases as versions of the dataset, the latest dump, the catalogue. */
    public DatasetLinks datasetLinks() {
        return catalogue;
    }

    /** Each resource page's history and citation. */
    public ResourceHistory history() {
        return history;
    }

    /** The home page's schema.org Dataset markup. */
    public DatasetMarkup markup() {
        return markup;
    }

    @Override
    public String name() {
        return "ctkg releases";
    }

    @Override
    public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
        DownloadsPage downloads = new DownloadsPage(shelf, catalogue);
        for (String suffix : DOWNLOADS_SUFFIXES)
            builder.addServlet(DownloadsPage.PATH + suffix, downloads);
        builder.addServlet(CitationServlet.PATH, new CitationServlet(history));
        shelf.directory().ifPresent(dir -> builder.addServlet(ReleaseFiles.PATH + "/*", new ReleaseFiles(shelf, dir)));
    }
}
