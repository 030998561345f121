package org.ctkg.loader.query;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.OpWalker;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpQuad;
import org.apache.jena.sparql.algebra.op.OpQuadPattern;
import org.apache.jena.sparql.algebra.op.OpTriple;
import org.apache.jena.sparql.core.BasicPattern;
import org.apache.jena.sparql.core.Var;

/**
 * The variables of a query that are the subject of three or more triple patterns with a fixed
 * predicate: a star such as {@code ?case a ctkg:CaseRecord ; ctkg:countryOfExploitation ?c ;
 * ctkg:yearOfRegistration ?y}. One pattern usually finds the subject; once it is bound, reading
 * all its triples at once costs one index descent where probing each remaining predicate costs
 * one each. With one pattern left (a two-pattern star) the read costs more than the probe.
 */
final class SubjectStars {
    private SubjectStars() {}

    /** The star subjects of the whole query's algebra; empty if there are none. */
    static Set<Var> of(Op op) {
        Map<Var, Integer> patterns = new HashMap<>();
        OpWalker.walk(op, new OpVisitorBase() {
            @Override public void visit(OpBGP bgp) { count(bgp.getPattern(), patterns); }
            @Override public void visit(OpQuadPattern quads) { count(quads.getBasicPattern(), patterns); }
            @Override public void visit(OpTriple triple) { count(triple.getTriple(), patterns); }
            @Override public void visit(OpQuad quad) { count(quad.getQuad().asTriple(), patterns); }
        });
        Set<Var> stars = new HashSet<>();
        patterns.forEach((subject, n) -> { if (n >= 3) stars.add(subject); });
        return stars;
    }

    private static void count(BasicPattern pattern, Map<Var, Integer> patterns) {
        pattern.forEach(triple -> count(triple, patterns));
    }

    private static void count(Triple triple, Map<Var, Integer> patterns) {
        Node subject = triple.getSubject();
        if (Var.isVar(subject) && triple.getPredicate().isURI())
            patterns.merge(Var.alloc(subject), 1, Integer::sum);
    }
}
