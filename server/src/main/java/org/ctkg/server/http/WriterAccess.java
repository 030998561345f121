package org.ctkg.server.http;

import org.apache.jena.atlas.web.AuthScheme;
import org.apache.jena.fuseki.main.JettySecurityLib;
import org.eclipse.jetty.ee10.servlet.security.ConstraintMapping;
import org.eclipse.jetty.ee10.servlet.security.ConstraintSecurityHandler;
import org.eclipse.jetty.security.Constraint;
import org.eclipse.jetty.security.UserStore;

/**
 * Who may write: HTTP Basic authentication, demanded by Jetty before Fuseki sees the request,
 * for every request to the update service and for every request but GET, HEAD and OPTIONS to the
 * Graph Store service. Reading stays open to everyone. Credentials that are not even base64 are
 * no credentials ({@link StrictBasicAuthenticator}).
 */
public final class WriterAccess {
    private WriterAccess() {}

    public static ConstraintSecurityHandler securityHandler(String realm, UserStore users, String updatePath, String dataPath, String loadPath) {
        ConstraintSecurityHandler handler = JettySecurityLib.makeSecurityHandler(realm, users, AuthScheme.BASIC);
        handler.setAuthenticator(new StrictBasicAuthenticator());
        handler.addConstraintMapping(mapping(handler, updatePath, null));
        handler.addConstraintMapping(mapping(handler, loadPath, null));
        handler.addConstraintMapping(mapping(handler, dataPath, new String[] {"GET", "HEAD", "OPTIONS"}));
        return handler;
    }

    private static ConstraintMapping mapping(ConstraintSecurityHandler handler, String path, String[] openMethods) {
        ConstraintMapping mapping = new ConstraintMapping();
        mapping.setConstraint(new Constraint.Builder()
                .name(handler.getAuthenticator().getAuthenticationType())
                .authorization(Constraint.Authorization.ANY_USER)
                .build());
        mapping.setPathSpec(path);
        if (openMethods != null)
            mapping.setMethodOmissions(openMethods);
        return mapping;
    }
}
