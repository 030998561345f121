package org.ctkg.server.load;

import java.util.Set;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.ctkg.server.search.SearchIndex;

/**
 * The live load service ({@link LoadService}) as a Fuseki module: writers send load jobs to a
 * running server at one path; who may is settled by the protocol module's writer access.
 */
public final class LiveLoadModule implements FusekiModule {
    private final String path;
    private final LoadService service;

    /**
     * Jobs at {@code path} into {@code store}, kept in step with {@code search}; refused unless {@code writable};
     * restricted ones recompute the published case counts with threshold {@code minCell}.
     */
    public LiveLoadModule(String path, DatasetGraph store, SearchIndex search, boolean writable, long maxUploadBytes, int minCell) {
        this.path = path;
        this.service = new LoadService(store, search, writable, maxUploadBytes, minCell);
    }

    @Override
    public String name() {
        return "ctkg live load";
    }

    @Override
    public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
        builder.addServlet(path, service);
    }
}
