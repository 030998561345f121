/** Data-integration jobs: sources into a TDB2 store, validated, all-or-nothing, with provenance. */
package org.ctkg.loader;
