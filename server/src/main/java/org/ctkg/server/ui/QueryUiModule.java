package org.ctkg.server.ui;

import java.util.Set;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.rdf.model.Model;

/** The query UI ({@code /ui/}: YASGUI, ctkg's example questions) as a Fuseki module. */
public final class QueryUiModule implements FusekiModule {
    @Override
    public String name() {
        return "ctkg query UI";
    }

    @Override
    public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
        builder.addServlet("/ui/*", new QueryUiServlet());
    }
}
