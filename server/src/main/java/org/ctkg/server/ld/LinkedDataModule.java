package org.ctkg.server.ld;

import java.util.Set;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.ctkg.server.releases.Releases;
import org.ctkg.server.search.SearchIndex;
import org.ctkg.server.views.CountryFacts;
import org.ctkg.server.views.StatisticFacts;
import org.ctkg.server.views.StatusMap;
import org.ctkg.server.views.StatusMapPage;
import org.ctkg.server.views.TierMapPage;

/**
 * The linked-data pages as a Fuseki module: every IRI ctkg mints answers as a page for people and
 * as RDF for machines ({@code /id/…}, {@code /graph/…}, {@code /ontology}, the JSON-LD context), and
 * the pages to browse by ({@code /} home, {@code /classes/…}, {@code /search}), with the country
 * dossiers, the world map of TIP tiers ({@code /map/tip-tiers}), the maps of treaty status
 * ({@code /map/treaty-status}) and the charts of a statistic's editions drawn by {@code views}.
 */
public final class LinkedDataModule implements FusekiModule {
    private static final String[] ONTOLOGY_SUFFIXES = {"", ".html", ".ttl", ".jsonld", ".nt", ".rdf"};

    private final LinkedData linkedData;
    private final BrowsePages browse;
    private final TierMapPage tierMap;
    private final StatusMapPage statusMap;

    /**
     * Pages of the served dataset, for IRIs under {@code publicBase}, searched through {@code search},
     * with the history, citation and dataset markup of the {@code releases} offered.
     */
    public LinkedDataModule(DatasetGraph served, SearchIndex search, String publicBase, Releases releases) {
        LinkedData.Iris iris = new LinkedData.Iris(publicBase);
        // The facts of the country dossiers and the tier map, read once per store state for both.
        CountryFacts countries = new CountryFacts(served);
        this.linkedData = new LinkedData(served, iris, countries, new StatisticFacts(served), releases.history());
        this.browse = new BrowsePages(search, iris, releases.markup());
        this.tierMap = new TierMapPage(countries, iris);
        this.statusMap = new StatusMapPage(countries, iris);
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
               .addServlet(StatusMap.PATH, statusMap)
               .addServlet("/map/*", tierMap)
               .addServlet("", browse);
        for (String suffix : ONTOLOGY_SUFFIXES)
            builder.addServlet("/ontology" + suffix, linkedData);
    }
}
