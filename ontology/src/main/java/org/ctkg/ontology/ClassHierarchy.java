package org.ctkg.ontology;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.RDFS;

/**
 * The ontology's class hierarchy held in memory, so that "is this node an instance of that class,
 * counting subclasses?" costs a map lookup instead of a walk through the store.
 */
public final class ClassHierarchy {
    private final Map<Node, Set<Node>> superClasses;

    private ClassHierarchy(Map<Node, Set<Node>> superClasses) {
        this.superClasses = superClasses;
    }

    /** The transitive rdfs:subClassOf hierarchy of the given vocabulary graph. */
    public static ClassHierarchy of(Graph vocabulary) {
        Map<Node, Set<Node>> direct = new HashMap<>();
        vocabulary.find(Node.ANY, RDFS.Nodes.subClassOf, Node.ANY).forEachRemaining(
                t -> direct.computeIfAbsent(t.getSubject(), k -> new HashSet<>()).add(t.getObject()));
        Map<Node, Set<Node>> closure = new HashMap<>();
        for (Node cls : direct.keySet()) {
            Set<Node> all = new HashSet<>();
            Deque<Node> todo = new ArrayDeque<>(direct.get(cls));
            while (!todo.isEmpty()) {
                Node sup = todo.pop();
                if (all.add(sup))
                    todo.addAll(direct.getOrDefault(sup, Set.of()));
            }
            closure.put(cls, Set.copyOf(all));
        }
        return new ClassHierarchy(closure);
    }

    /** All superclasses of a class, not including itself; empty for an unknown class. */
    public Set<Node> superClassesOf(Node cls) {
        return superClasses.getOrDefault(cls, Set.of());
    }
}
