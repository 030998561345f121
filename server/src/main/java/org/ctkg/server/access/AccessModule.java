package org.ctkg.server.access;

import java.util.Set;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.rdf.model.Model;
import org.eclipse.jetty.security.UserStore;

/**
 * Who sees the restricted graphs, as a Fuseki module: its filter, first of ctkg's, gives each
 * request its {@link Audience}; the served dataset ({@link VisibleGraphs}) hides from it what it
 * may not see. See docs/privacy.md.
 */
public final class AccessModule implements FusekiModule {
    private final Readers readers;
    private final UserStore writers;
    private final String realm;
    private final ReaderLog log;

    /** Readers (perhaps none), writers (null for none), the realm they log in to, and where readers' requests are logged (null: not logged). */
    public AccessModule(Readers readers, UserStore writers, String realm, ReaderLog log) {
        this.readers = readers;
        this.writers = writers;
        this.realm = realm;
        this.log = log;
    }

    @Override
    public String name() {
        return "ctkg access";
    }

    @Override
    public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
        builder.addFilter("/*", new AccessFilter(readers, writers, realm, log));
    }
}
