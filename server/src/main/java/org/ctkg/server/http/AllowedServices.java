package org.ctkg.server.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.op.OpSlice;
import org.apache.jena.sparql.algebra.optimize.Optimize;
import org.apache.jena.sparql.algebra.optimize.Rewrite;
import org.apache.jena.sparql.algebra.optimize.RewriteFactory;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.http.Service;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.apache.jena.sparql.service.single.ChainingServiceExecutor;
import org.apache.jena.sparql.service.single.ServiceExecutor;
import org.apache.jena.sparql.util.Context;

/**
 * The operator's allow-list of remote endpoints, by URL prefix: the only places a query
 * ({@code SERVICE}) or an update ({@code LOAD}) may make the server send a request to. Empty by
 * default, so that nobody can make a public endpoint probe the network it sits in (server-side
 * request forgery). A prefix matches an endpoint that equals it or continues it after a {@code /}
 * or {@code ?} (or anywhere when the prefix ends with {@code /}), so {@code http://h:80} does not
 * let in {@code http://h:8080}; endpoints with user information ({@code http://a@b/}) never match.
 */
public final class AllowedServices {
    private final List<String> prefixes;

    /** @throws IllegalArgumentException when a prefix is not {@linkplain #checked valid} */
    public AllowedServices(List<String> prefixes) {
        prefixes.forEach(AllowedServices::checked);
        this.prefixes = List.copyOf(prefixes);
    }

    /**
     * The prefix, when it is an absolute http(s) URL without user information.
     * @throws IllegalArgumentException otherwise
     */
    public static String checked(String prefix) {
        if (prefix == null || !isPlainHttp(prefix))
            throw new IllegalArgumentException("an allowed service must be an absolute http:// or https:// URL without user information, got '" + prefix + "'");
        return prefix;
    }

    /** Whether a request to this IRI is allowed. */
    public boolean allows(String iri) {
        if (!isPlainHttp(iri))
            return false;
        for (String p : prefixes)
            if (iri.equals(p) || (iri.startsWith(p) && (p.endsWith("/") || "/?".indexOf(iri.charAt(p.length())) >= 0)))
                return true;
        return false;
    }

    /** Why a request to {@code target} by {@code what} ("SERVICE", "LOAD") is refused. */
    public String refusal(String what, String target) {
        String kind = what.equals("SERVICE") ? "federated queries (SERVICE)" : "LOAD from a URL";
        if (prefixes.isEmpty())
            return kind + " are not allowed on this server; the operator can allow endpoints with --allow-service (refused: " + what + " <" + target + ">)";
        return what + " <" + target + "> is not allowed on this server: it is not under any endpoint the operator allowed (--allow-service)";
    }

    /**
     * Makes queries over this context send SERVICE requests only to allowed endpoints, each
     * with the query timeout as its HTTP timeout and at most {@code maxRows} rows (0: no cap). The
     * check comes before any connection is opened; a refusal is a 400 with the reason.
     */
    public void guard(Context context, long timeoutMillis, long maxRows) {
        ServiceExecutorRegistry registry = new ServiceExecutorRegistry().addSingleLink(new Guard(maxRows));
        ServiceExecutorRegistry.set(context, registry);
        context.set(Service.httpQueryTimeout, Long.toString(timeoutMillis));
        // Checked again when the query is planned, so the refusal is a clean 400 even where the
        // SERVICE would only run after some results were sent (a UNION) or inside a FILTER EXISTS.
        RewriteFactory standard = Optimize.getFactory();
        context.set(ARQConstants.sysOptimizerFactory, (RewriteFactory) cxt -> {
            Rewrite optimizer = standard.create(cxt);
            return op -> optimizer.rewrite(refuseUnallowed(op));
        });
    }

    /** The query plan, when every SERVICE in it may be allowed (a variable endpoint is checked once bound). */
    private Op refuseUnallowed(Op op) {
        Walker.walk(op, new OpVisitorBase() {
            @Override
            public void visit(OpService service) {
                Node endpoint = service.getService();
                if (endpoint.isURI() ? !allows(endpoint.getURI()) : prefixes.isEmpty())
                    ServletOps.errorBadRequest(refusal("SERVICE", endpoint.isURI() ? endpoint.getURI() : endpoint.toString()));
            }
        });
        return op;
    }

    private static boolean isPlainHttp(String iri) {
        try {
            URI u = new URI(iri);
            return u.isAbsolute() && ("http".equals(u.getScheme()) || "https".equals(u.getScheme()))
                   && u.getHost() != null && u.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The only link of the server's service chain: refuses, or hands an allowed, capped request to Jena's HTTP executor. */
    private final class Guard implements ChainingServiceExecutor {
        private final long maxRows;

        Guard(long maxRows) {
            this.maxRows = maxRows;
        }

        @Override
        public QueryIterator createExecution(OpService opExecute, OpService original, Binding binding, ExecutionContext cxt, ServiceExecutor chain) {
            Node endpoint = opExecute.getService();
            String target = endpoint.isURI() ? endpoint.getURI() : endpoint.toString();
            if (!endpoint.isURI() || !allows(target))
                ServletOps.errorBadRequest(refusal("SERVICE", target));
            OpService capped = maxRows <= 0 ? opExecute
                    : new OpService(endpoint, new OpSlice(opExecute.getSubOp(), 0, maxRows), opExecute.getSilent());
            return ServiceExecutorRegistry.httpService.createExecution(capped, original, binding, cxt);
        }
    }
}
