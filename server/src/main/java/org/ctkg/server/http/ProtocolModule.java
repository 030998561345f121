package org.ctkg.server.http;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.security.UserStore;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;

/**
 * ctkg's additions to the SPARQL protocols, as a Fuseki module: security headers on every answer,
 * no TRACE, query strings that can be read, the service description and VoID on a GET of a query service, query requests bounded
 * in size and time and read whole, Graph Store uploads read strictly, capped answers, fair shares
 * of query time, updates that reach only allowed endpoints, and who may write (HTTP Basic for
 * writers; on a read-only server, a 403 that says why).
 */
public final class ProtocolModule implements FusekiModule {
    private final DatasetGraph served;
    private final String dataset;
    private final long maxRows;
    private final long maxQueryBytes;
    private final long queryTimeoutMillis;
    private final AllowedServices allowed;
    private UserStore writers;
    private String realm;
    private String[] writePaths;
    private QueryBudget.Limits budgetLimits = QueryBudget.Limits.of(Duration.ZERO, Duration.ofMinutes(1), 0);
    private ClientAddress clients = new ClientAddress(List.of());
    private List<String> budgetedPages = List.of();
    private Admission admission = Admission.defaults();
    private DatasetLinks links = DatasetLinks.NONE;

    /**
     * For the dataset served as {@code /dataset}: answers capped at {@code maxRows}, query bodies at
     * {@code maxQueryBytes}, arriving within {@code queryTimeoutMillis}.
     */
    public ProtocolModule(DatasetGraph served, String dataset, long maxRows, long maxQueryBytes, long queryTimeoutMillis, AllowedServices allowed) {
        this.served = served;
        this.dataset = dataset;
        this.maxRows = maxRows;
        this.maxQueryBytes = maxQueryBytes;
        this.queryTimeoutMillis = queryTimeoutMillis;
        this.allowed = allowed;
    }

    /**
     * Lets these users write, logged in to {@code realm}, at the update service, the Graph Store
     * service (reads stay open) and {@code loadPath}; without writers the server is read-only.
     */
    public ProtocolModule writers(UserStore users, String realm, String loadPath) {
        this.writers = users;
        this.realm = realm;
        this.writePaths = new String[] {"/" + dataset + "/update", "/" + dataset + "/data", loadPath};
        return this;
    }

    /**
     * Budgets anonymous clients' query time and concurrent queries with these limits, on the query
     * services, Graph Store reads and the pages under {@code pagePrefixes}; without, no client is
     * budgeted, and only the query services and Graph Store reads wait for the server's running slots ({@link #admission}).
     */
    public ProtocolModule budget(QueryBudget.Limits limits, ClientAddress clients, List<String> pagePrefixes) {
        this.budgetLimits = limits;
        this.clients = clients;
        this.budgetedPages = pagePrefixes;
        return this;
    }

    /** Admits anonymous work across clients so (running queries, their wait, the request rate, the idle timeout); default {@link Admission#defaults}. */
    public ProtocolModule admission(Admission admission) {
        this.admission = admission;
        return this;
    }

    /** Adds these statements to the VoID description (the releases'); without, none. */
    public ProtocolModule describedWith(DatasetLinks links) {
        this.links = links;
        return this;
    }

    @Override
    public String name() {
        return "ctkg protocol";
    }

    @Override
    public void server(FusekiServer server) {
        Server jetty = server.getJettyServer();
        // Connectors whose pool keeps each response's buffer, made before anything sets their timeouts.
        ResponseBufferPool.install(jetty);
        // Error pages that name no exception, for errors outside Fuseki's dispatch and inside it.
        ErrorPages errors = new ErrorPages();
        jetty.setErrorHandler(errors);
        for (ServletContextHandler context : jetty.getDescendants(ServletContextHandler.class))
            context.setErrorHandler(errors);
        // Floods are refused before anything else looks at them.
        if (admission.maxRequestsPerSecond() > 0)
            jetty.setHandler(FloodLimit.around(jetty.getHandler(), admission.maxRequestsPerSecond(), clients));
        // A sender stalled in the middle of a body (nothing arriving) is cut off after the idle timeout.
        for (Connector connector : jetty.getConnectors())
            if (connector instanceof AbstractConnector c)
                c.setIdleTimeout(admission.idleTimeout().toMillis());
    }

    @Override
    public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
        String base = "/" + dataset;
        builder.registerOperation(Operation.Query, new CappedQuery(maxRows))
               .registerOperation(Operation.Update, new CtkgUpdate(allowed))
               .addFilter("/*", new SecurityHeaders())
               .addFilter("/*", new RefusedMethods())
               .addFilter("/*", new ReadableQueryString());
        Set<String> queryPaths = Set.of(base, base + "/", base + "/sparql", base + "/query");
        Set<String> budgetedPaths = new HashSet<>(queryPaths);
        budgetedPaths.add(base + "/data");
        QueryRoutes budgeted = new QueryRoutes(budgetedPaths, budgetedPages);
        if (budgetLimits.any())
            builder.addFilter("/*", new QueryBudget(budgeted, budgetLimits, clients));
        builder.addFilter("/*", new DiscoveryFilter(new DatasetDescription(served, links)))
               .addFilter("/*", new QuerySizeFilter(queryPaths, maxQueryBytes))
               .addFilter("/*", new WholeQueryRequests(queryPaths, queryTimeoutMillis));
        // After the body is read whole: a slow sender holds its own client's slots, not the server's.
        if (admission.maxRunningQueries() > 0)
            builder.addFilter("/*", new QueryGate(budgeted, clients, admission, budgetLimits.windowNanos()));
        builder.addFilter("/*", new GraphUploadFilter(base + "/data"));
        if (writers == null)
            builder.addFilter("/*", new ReadOnlyFilter(base + "/update", base + "/data"));
        else
            builder.securityHandler(WriterAccess.securityHandler(realm, writers, writePaths[0], writePaths[1], writePaths[2]))
                   .addFilter("/*", new WriteActivity(base + "/data"));
    }
}
