package org.ctkg.server.http;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.security.AuthenticationState;
import org.eclipse.jetty.security.ServerAuthException;
import org.eclipse.jetty.security.authentication.BasicAuthenticator;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * HTTP Basic as Jetty does it, but credentials that are not base64 count as none (a 401 with the
 * challenge, or anonymous where none is needed) instead of escaping as a 500 that names Java's
 * decoder.
 */
final class StrictBasicAuthenticator extends BasicAuthenticator {
    @Override
    public AuthenticationState validateRequest(Request request, Response response, Callback callback) throws ServerAuthException {
        try {
            return super.validateRequest(request, response, callback);
        } catch (IllegalArgumentException notBase64) {
            return super.validateRequest(new WithoutCredentials(request), response, callback);
        }
    }

    /** The request as if it carried no {@code Authorization} header. */
    private static final class WithoutCredentials extends Request.Wrapper {
        WithoutCredentials(Request request) {
            super(request);
        }

        @Override
        public HttpFields getHeaders() {
            return HttpFields.build(super.getHeaders()).remove(HttpHeader.AUTHORIZATION).asImmutable();
        }
    }
}
