package org.ctkg.ontology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphWrapper;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.WrappedIterator;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * A read-only view of a graph that remembers the answers SHACL asks again and again while
 * validating many resources: the rdf:types of a node (bounded, least recently used first out)
 * and the subclasses and superclasses of a class. Values such as countries and crime types are shared by
 * millions of records; without this, each {@code sh:class} check walks the store again.
 * Valid only while the underlying graph does not change (one validation run).
 */
final class TypeCachingGraph extends GraphWrapper {
    private static final int MAX_NODES = 200_000;
    private final Map<Node, Set<Node>> types = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Node, Set<Node>> eldest) {
            return size() > MAX_NODES;
        }
    };
    private final Map<Node, List<Triple>> subClassesOf = new HashMap<>();
    private final Map<Node, List<Triple>> superClassesOf = new HashMap<>();

    TypeCachingGraph(Graph graph) {
        super(graph);
    }

    @Override
    public boolean contains(Node s, Node p, Node o) {
        s = any(s);
        p = any(p);
        o = any(o);
        if (RDF.Nodes.type.equals(p) && s.isConcrete() && o.isConcrete())
            return typesOf(s).contains(o);
        return super.contains(s, p, o);
    }

    @Override
    public boolean contains(Triple t) {
        return contains(t.getSubject(), t.getPredicate(), t.getObject());
    }

    @Override
    public ExtendedIterator<Triple> find(Node s, Node p, Node o) {
        s = any(s);
        p = any(p);
        o = any(o);
        if (RDFS.Nodes.subClassOf.equals(p) && !s.isConcrete() && o.isConcrete())
            return WrappedIterator.create(subClassesOf.computeIfAbsent(o, k -> super.find(Node.ANY, RDFS.Nodes.subClassOf, k).toList()).iterator());
        if (RDFS.Nodes.subClassOf.equals(p) && s.isConcrete() && !o.isConcrete())
            return WrappedIterator.create(superClassesOf.computeIfAbsent(s, k -> super.find(k, RDFS.Nodes.subClassOf, Node.ANY).toList()).iterator());
        if (RDF.Nodes.type.equals(p) && s.isConcrete() && !o.isConcrete()) {
            List<Triple> list = new ArrayList<>();
            for (Node t : typesOf(s))
                list.add(Triple.create(s, p, t));
            return WrappedIterator.create(list.iterator());
        }
        return super.find(s, p, o);
    }

    @Override
    public ExtendedIterator<Triple> find(Triple t) {
        return find(t.getSubject(), t.getPredicate(), t.getObject());
    }

    private static Node any(Node n) {
        return n == null ? Node.ANY : n;
    }

    private Set<Node> typesOf(Node s) {
        Set<Node> set = types.get(s);
        if (set == null) {
            set = new HashSet<>();
            for (Triple t : get().find(s, RDF.Nodes.type, Node.ANY).toList())
                set.add(t.getObject());
            types.put(s, set);
        }
        return set;
    }
}
