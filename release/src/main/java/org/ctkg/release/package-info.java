/**
 * Citable releases of a ctkg store: {@link org.ctkg.release.ReleaseJob} writes a release directory
 * (canonical N-Quads, Turtle per graph, {@code SHA256SUMS}, a DCAT catalogue and, against a previous
 * release, an RDF Patch and a readable change summary); {@link org.ctkg.release.Release} reads one back.
 */
package org.ctkg.release;
