package org.ctkg.server.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextDatasetFactory;
import org.apache.jena.query.text.TextDocProducerTriples;
import org.apache.jena.query.text.TextHit;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.query.text.TextQuery;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.query.text.changes.TextQuadAction;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.ctkg.loader.Access;
import org.ctkg.loader.AccessLevels;
import org.ctkg.server.access.VisibleGraphs;

/**
 * Full-text search over labels, alternative labels and descriptions, with Jena's jena-text
 * (Lucene). The index is built from the store when the server starts and then follows every
 * write made through the served dataset ({@link #dataset()}): what an update or a Graph Store
 * write commits is indexed with it, what it deletes is dropped, and an aborted write leaves the
 * index as it was. The same index answers the search page and SPARQL's {@code text:query}
 * (prefix {@code text: <http://jena.apache.org/text#>}). Restricted graphs ({@link AccessLevels}) are
 * never indexed: the public searches this index, and a hit would tell that a restricted graph
 * holds the words (readers query restricted labels with SPARQL instead; see docs/privacy.md).
 */
public final class SearchIndex {
    static final List<Node> PREDICATES = List.of(RDFS.Nodes.label,
            NodeFactory.createURI("http://www.w3.org/2004/02/skos/core#prefLabel"),
            NodeFactory.createURI("http://www.w3.org/2004/02/skos/core#altLabel"),
            DCTerms.description.asNode());
    private static final String GRAPH_FIELD = "graph";
    /** The most words a search looks for; any further ones are ignored (Lucene refuses thousands of clauses). */
    static final int MAX_WORDS = 16;
    /** The longest word a search looks for, in characters; a longer one is cut (no label word is longer). */
    static final int MAX_WORD = 64;
    private final EntityDefinition def;
    private final AtomicLong entitiesIndexed = new AtomicLong();
    private final TextIndex index;
    private final DatasetGraphText text;
    private final DatasetGraph dataset;

    static {
        TextQuery.init();
    }

    /** True when writes of this predicate are indexed: a writer past {@link #dataset()} must send its quads through it. */
    public static boolean indexes(Node predicate) {
        return PREDICATES.contains(predicate);
    }

    /** Indexes what the store holds now and wraps it so that later writes are indexed too. */
    public SearchIndex(DatasetGraph store) {
        this(store, UnaryOperator.identity());
    }

    /**
     * Indexes what the store holds now and wraps it so that later writes are indexed too, with
     * {@code writes} between the index and the caller's view: what must see writers' writes before
     * they reach the index, and write through it (the recount of the published case counts).
     */
    public SearchIndex(DatasetGraph store, UnaryOperator<DatasetGraph> writes) {
        def = new EntityDefinition("uri", "text", RDFS.Nodes.label);
        PREDICATES.forEach(p -> def.set("text", p));
        def.setUidField("uid");   // lets a deleted triple remove exactly its own entry
        def.setLangField("lang");
        def.setGraphField(GRAPH_FIELD);   // lets a job's graphs be indexed anew without the rest
        index = TextDatasetFactory.createLuceneIndex(new ByteBuffersDirectory(), def, new StandardAnalyzer());
        Txn.executeRead(store, () -> index(store, Node.ANY));
        index.prepareCommit();
        index.commit();
        text = (DatasetGraphText) TextDatasetFactory.create(store, index, true, new PublicOnly(index, store));
        dataset = VisibleGraphs.over(writes.apply(text));
    }

    /** Indexes what updates and Graph Store writes change, except in restricted graphs. */
    private static final class PublicOnly extends TextDocProducerTriples {
        private final DatasetGraph store;

        PublicOnly(TextIndex index, DatasetGraph store) {
            super(index);
            this.store = store;
        }

        @Override
        public void change(TextQuadAction action, Node g, Node s, Node p, Node o) {
            // Only the indexed predicates matter: the others need no lookup of the graph's level.
            if (PREDICATES.contains(p) && (g == null || !g.isURI() || AccessLevels.of(store, g) == Access.PUBLIC))
                super.change(action, g, s, p, o);
        }
    }

    private void index(DatasetGraph dsg, Node graph) {
        Set<Node> restricted = AccessLevels.restricted(dsg);
        for (Node p : PREDICATES) {
            dsg.find(graph, Node.ANY, p, Node.ANY).forEachRemaining(q -> {
                if (restricted.contains(q.getGraph()))
                    return;
                Entity e = TextQueryFuncs.entityFromQuad(def, q);
                if (e != null) {
                    index.addEntity(e);
                    entitiesIndexed.incrementAndGet();
                }
            });
        }
    }

    /**
     * Indexes these named graphs anew, for writes made past the served dataset (load jobs, which
     * write the store directly): their entries are dropped and what they hold now is indexed; the
     * other graphs' entries stay (a graph now restricted is dropped and not indexed). In a write transaction of the served dataset, so no update
     * interleaves, and committed with it; searches see the old entries until then.
     */
    public void reindex(Collection<Node> graphs) {
        Txn.executeWrite(text, () -> {
            IndexWriter writer = ((TextIndexLucene) index).getIndexWriter();
            for (Node g : graphs) {
                try {
                    writer.deleteDocuments(new Term(GRAPH_FIELD, TextQueryFuncs.graphNodeToString(g)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                index(text.getWrapped(), g);
            }
        });
    }

    /** How many entries this index has written since it was made: what a reindex costs. */
    public long entitiesIndexed() {
        return entitiesIndexed.get();
    }

    /**
     * The store as the server must serve it: writes through it keep the index in step, and reads
     * see what the request's audience may see ({@link VisibleGraphs}).
     */
    public DatasetGraph dataset() {
        return dataset;
    }

    /** The settings of every query on {@link #dataset()} (timeouts, services): set them here, once. */
    public Context context() {
        return text.getContext();
    }

    /**
     * The resources whose labels or descriptions match the words, best first, each once.
     * The words are searched as words (Lucene's syntax characters are escaped), all of them
     * required: the first {@value #MAX_WORDS}, each up to {@value #MAX_WORD} characters.
     */
    public List<Node> search(String words, int limit) {
        List<String> required = new ArrayList<>();
        for (String t : Arrays.stream(words.trim().split("\\s+")).limit(MAX_WORDS).toList()) {
            String escaped = QueryParser.escape(t.length() > MAX_WORD ? t.substring(0, MAX_WORD) : t);
            if (!escaped.isBlank())
                required.add("+" + escaped + "*");
        }
        if (required.isEmpty())
            return List.of();
        Map<Node, Float> best = new LinkedHashMap<>();
        for (TextHit hit : index.query((Node) null, String.join(" ", required), null, null, limit * 4))
            if (hit.getNode().isURI())
                best.merge(hit.getNode(), hit.getScore(), Math::max);
        return best.entrySet().stream().sorted((a, b) -> Float.compare(b.getValue(), a.getValue()))
                   .limit(limit).map(Map.Entry::getKey).toList();
    }
}
