package org.ctkg.server.http;

import java.util.Optional;

/**
 * Whether a server should get readers now, as a load balancer asks it at {@code /$/ready}: a
 * replica that has not applied its log to the end should not, and says why (its lag).
 */
@FunctionalInterface
public interface Readiness {
    /** Always ready: a server that serves its own store. */
    Readiness ALWAYS = Optional::empty;

    /** Empty when ready; else why not, in a sentence for the operator. */
    Optional<String> notReadyBecause();
}
