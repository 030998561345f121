/** The embedded Fuseki server and the {@code ctkg} command line. */
package org.ctkg.server;
