package org.ctkg.server.http;

import java.util.Set;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.rdf.model.Model;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.Slf4jRequestLogWriter;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * What operators run the server by, as a Fuseki module: a readiness check for load balancers, an
 * access log (NCSA extended, one line per request, to a logger of its own), and a graceful stop
 * that lets requests in flight finish, however slowly their clients send, but does not wait on
 * idle connections.
 */
public final class OperationsModule implements FusekiModule {
    private final String readyPath;
    private final Readiness readiness;
    private final String accessLogger;
    private final long stopTimeoutMillis;

    public OperationsModule(String readyPath, Readiness readiness, String accessLogger, long stopTimeoutMillis) {
        this.readyPath = readyPath;
        this.readiness = readiness;
        this.accessLogger = accessLogger;
        this.stopTimeoutMillis = stopTimeoutMillis;
    }

    @Override
    public String name() {
        return "ctkg operations";
    }

    @Override
    public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
        builder.addServlet(readyPath, new ReadinessServlet(readiness));
    }

    /** A request as the access log sees it, without its query string. */
    private static final class WithoutQuery extends Request.Wrapper {
        WithoutQuery(Request request) {
            super(request);
        }

        @Override
        public HttpURI getHttpURI() {
            return HttpURI.build(super.getHttpURI()).query(null);
        }
    }

    @Override
    public void server(FusekiServer server) {
        Server jetty = server.getJettyServer();
        Slf4jRequestLogWriter accessLog = new Slf4jRequestLogWriter();
        accessLog.setLoggerName(accessLogger);
        CustomRequestLog ncsa = new CustomRequestLog(accessLog, CustomRequestLog.EXTENDED_NCSA_FORMAT);
        // A request with credentials (a reader's or a writer's) is logged without its query string:
        // a reader's query names what they looked for (docs/privacy.md).
        jetty.addBean(ncsa);   // started and stopped with the server, as setRequestLog would
        jetty.setRequestLog((request, response) -> ncsa.log(
                request.getHeaders().contains(HttpHeader.AUTHORIZATION) ? new WithoutQuery(request) : request, response));
        // Graceful stop: refuse new requests, let those in flight finish (up to the stop timeout).
        jetty.setHandler(new GracefulHandler(new ConnectionsAtStop(jetty.getHandler())));
        jetty.setStopTimeout(stopTimeoutMillis);
        // A request in flight keeps its connection for as long as the stop waits: a client that
        // pauses mid-body is slow, not gone (Jetty would cut it after its shutdown idle timeout,
        // a second by default). Connections that carry no request are closed at once
        // (ConnectionsAtStop), rather than waited out.
        for (Connector connector : jetty.getConnectors())
            if (connector instanceof AbstractConnector c)
                c.setShutdownIdleTimeout(stopTimeoutMillis);
    }
}
