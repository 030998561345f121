/**
 * The ctkg ontology, SHACL shapes and curated graph, and how to read them from the class path.
 * Knows only RDF: no HTTP, no TDB2.
 */
package org.ctkg.ontology;
