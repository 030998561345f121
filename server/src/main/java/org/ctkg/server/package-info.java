/** The embeddable ctkg server: Fuseki with ctkg's services, each concern in a package of its own ({@code http}, {@code ld}, {@code search}, {@code load}, {@code ui}). */
package org.ctkg.server;
