package org.ctkg.loader;

import java.util.List;

import org.apache.jena.graph.Node;

/**
 * A job's settings as its {@link LoadJob.Builder} gathered them, for the parts that run it.
 *
 * @param targetGraph   the graph everything goes to, or null for each source's own (quads keep theirs)
 * @param newGeneration true or false as the builder forced it; null to let {@link CommitChoice} decide
 */
record JobPlan(Store store, List<Source> sources, Node targetGraph, boolean replace, boolean infer,
               ShapesCheck shapes, LoadMonitor monitor, Boolean newGeneration, int indexThreads) {}
