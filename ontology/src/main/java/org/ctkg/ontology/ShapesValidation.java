package org.ctkg.ontology;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.compose.Union;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.engine.Target;
import org.apache.jena.shacl.engine.TargetType;
import org.apache.jena.shacl.engine.ValidationContext;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.validation.ValidationProc;
import org.apache.jena.vocabulary.RDF;

/**
 * Validates data against ctkg's shapes. The data is validated together with the ontology, so that
 * {@code sh:class} constraints see the class hierarchy (a {@code ctkg:Country} is a
 * {@code ctkg:Place}) without materialising inference into the data.
 * <pre>
 *   ValidationReport report = ShapesValidation.standard().validate(dataGraph);
 *   if (!report.conforms()) ShLib.printReport(report);
 * </pre>
 */
public final class ShapesValidation {
    private final Shapes shapes;
    private final Graph ontology;
    private final ClassHierarchy hierarchy;

    private ShapesValidation(Shapes shapes, Graph ontology) {
        this.shapes = shapes;
        this.ontology = ontology;
        this.hierarchy = ClassHierarchy.of(ontology);
    }

    /** Validation against ctkg's own shapes and ontology. */
    public static ShapesValidation standard() {
        return new ShapesValidation(CtkgFiles.shapes(), CtkgFiles.ontology());
    }

    /** Validation against other shapes (for example a user's {@code --shapes FILE}), with ctkg's ontology. */
    public static ShapesValidation with(Shapes shapes) {
        return new ShapesValidation(shapes, CtkgFiles.ontology());
    }

    /** The shapes this validation uses. */
    public Shapes shapes() {
        return shapes;
    }

    /** Validates the data graph (read-only; the data is not changed). */
    public ValidationReport validate(Graph data) {
        return ShaclValidator.get().validate(shapes, new Union(data, ontology));
    }

    /**
     * Validates only the given focus nodes of a (possibly large) data graph: the resources a load
     * job wrote, checked against every shape that targets them, with references resolved anywhere
     * in the data graph. Class targets follow the ontology's class hierarchy. Memory grows with
     * the report, not with the data.
     */
    public ValidationReport validateNodes(Graph data, Iterator<Node> focusNodes) {
        Graph union = new TypeCachingGraph(new Union(data, ontology));
        ValidationContext vCxt = ValidationContext.create(shapes, union);
        while (focusNodes.hasNext()) {
            Node node = focusNodes.next();
            Set<Node> types = typesOf(union, node);
            for (Shape shape : shapes) {
                if (targets(shape, node, types, union))
                    ValidationProc.execValidateShape(vCxt, union, shape, node);
            }
        }
        return vCxt.generateReport();
    }

    private Set<Node> typesOf(Graph data, Node node) {
        Set<Node> types = new HashSet<>();
        data.find(node, RDF.Nodes.type, Node.ANY).forEachRemaining(t -> {
            types.add(t.getObject());
            types.addAll(hierarchy.superClassesOf(t.getObject()));
        });
        return types;
    }

    private static boolean targets(Shape shape, Node node, Set<Node> types, Graph data) {
        for (Target target : shape.getTargets()) {
            Node obj = target.getObject();
            TargetType type = target.getTargetType();
            if ((type == TargetType.targetClass || type == TargetType.implicitClass) && types.contains(obj))
                return true;
            if (type == TargetType.targetNode && obj.equals(node))
                return true;
            if (type == TargetType.targetSubjectsOf && data.contains(node, obj, Node.ANY))
                return true;
            if (type == TargetType.targetObjectsOf && data.contains(Node.ANY, obj, node))
                return true;
        }
        return false;
    }
}
