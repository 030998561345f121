package org.ctkg.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextDatasetFactory;
import org.apache.jena.query.text.TextHit;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Full-text search over labels, alternative labels and descriptions, with Jena's jena-text
 * (Lucene): an in-memory index built from the served dataset when the server starts, ranked by
 * Lucene's score. Built once: data written later through the update service is not indexed
 * until the server restarts.
 */
final class SearchIndex {
    static final List<Node> PREDICATES = List.of(RDFS.Nodes.label,
            NodeFactory.createURI("http://www.w3.org/2004/02/skos/core#prefLabel"),
            NodeFactory.createURI("http://www.w3.org/2004/02/skos/core#altLabel"),
            DCTerms.description.asNode());
    private final TextIndex index;

    SearchIndex(DatasetGraph dsg) {
        EntityDefinition def = new EntityDefinition("uri", "text", RDFS.Nodes.label);
        PREDICATES.forEach(p -> def.set("text", p));
        index = TextDatasetFactory.createLuceneIndex(new ByteBuffersDirectory(), def, new StandardAnalyzer());
        Txn.executeRead(dsg, () -> {
            for (Node p : PREDICATES) {
                dsg.find(Node.ANY, Node.ANY, p, Node.ANY).forEachRemaining(q -> {
                    if (q.getSubject().isURI() && q.getObject().isLiteral()) {
                        Entity e = TextQueryFuncs.entityFromQuad(def, q);
                        if (e != null)
                            index.addEntity(e);
                    }
                });
            }
        });
        index.prepareCommit();
        index.commit();
    }

    /**
     * The resources whose labels or descriptions match the words, best first, each once.
     * The words are searched as words (Lucene's syntax characters are escaped), all of them required.
     */
    List<Node> search(String words, int limit) {
        String[] terms = words.trim().split("\\s+");
        List<String> required = new ArrayList<>();
        for (String t : terms) {
            String escaped = org.apache.lucene.queryparser.classic.QueryParser.escape(t);
            if (!escaped.isBlank())
                required.add("+" + escaped + "*");
        }
        if (required.isEmpty())
            return List.of();
        Map<Node, Float> best = new LinkedHashMap<>();
        for (TextHit hit : index.query((Node) null, String.join(" ", required), null, null, limit * 4))
            best.merge(hit.getNode(), hit.getScore(), Math::max);
        return best.entrySet().stream().sorted((a, b) -> Float.compare(b.getValue(), a.getValue()))
                   .limit(limit).map(Map.Entry::getKey).toList();
    }
}
