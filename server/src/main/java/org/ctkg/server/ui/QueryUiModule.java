package org.ctkg.server.ui;

import java.util.Set;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.rdf.model.Model;
import org.ctkg.server.search.SearchIndex;

/**
 * The query UI ({@code /ui/}: YASGUI, ctkg's example questions and result views), the data its
 * views and autocompletion read ({@code /ui/data/}), and the saved questions' short links
 * ({@code /q/{name}}) as a Fuseki module.
 */
public final class QueryUiModule implements FusekiModule {
    private final SearchIndex search;

    /** {@code search}: the served store's full-text index, whose dataset is the served one. */
    public QueryUiModule(SearchIndex search) {
        this.search = search;
    }

    @Override
    public String name() {
        return "ctkg query UI";
    }

    @Override
    public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
        builder.addServlet("/ui/*", new QueryUiServlet())
               .addServlet("/ui/data/*", new ViewData(search))
               .addServlet(SavedQuestions.PATH + "*", new SavedQuestions());
    }
}
