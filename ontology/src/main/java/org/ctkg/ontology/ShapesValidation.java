package org.ctkg.ontology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
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
    /** Fewer focus nodes than this per thread are not worth a thread. */
    private static final int MIN_PER_THREAD = 10_000;

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
     * in the data graph. Class targets follow the ontology's class hierarchy; a SPARQL-based target
     * ({@code sh:target}) is selected once over the whole data graph. Memory grows with the report
     * and the SPARQL-selected targets, not with the data.
     */
    public ValidationReport validateNodes(Graph data, Iterator<Node> focusNodes) {
        FocusNodeGraph union = new FocusNodeGraph(new TypeCachingGraph(new Union(data, ontology)));
        ValidationContext vCxt = ValidationContext.create(shapes, union);
        // Resources of the same types meet the same class-targeted shapes: found once per set of types.
        Map<Set<Node>, List<Shape>> byTypes = new HashMap<>();
        List<Shape> otherTargets = new ArrayList<>();
        // SPARQL-based targets (sh:target) select their focus nodes by a query over the whole data:
        // run once per target, when a shape first needs it.
        Map<Target, Set<Node>> selected = new HashMap<>();
        shapes.forEach(shape -> {
            if (shape.getTargets().stream().anyMatch(t -> !isClassTarget(t)))
                otherTargets.add(shape);
        });
        while (focusNodes.hasNext()) {
            Node node = focusNodes.next();
            union.focusOn(node);
            List<Shape> byClass = byTypes.computeIfAbsent(typesOf(union, node), this::shapesTargetingClasses);
            for (Shape shape : byClass)
                ValidationProc.execValidateShape(vCxt, union, shape, node);
            for (Shape shape : otherTargets) {
                if (!byClass.contains(shape) && targetsOtherwise(shape, node, union, selected))
                    ValidationProc.execValidateShape(vCxt, union, shape, node);
            }
        }
        return vCxt.generateReport();
    }

    /**
     * As {@link #validateNodes}, with the focus nodes shared out over several threads, each
     * reading the dataset's union graph in its own read transaction; the reports are merged. For
     * committed data: another thread does not see a write transaction's changes.
     */
    public ValidationReport validateNodesInParallel(DatasetGraph dsg, List<Node> focusNodes, int threads) {
        return validateNodesInParallel(dsg, focusNodes, threads, MIN_PER_THREAD);
    }

    /** As above, with a thread for every {@code minPerThread} focus nodes at most. */
    ValidationReport validateNodesInParallel(DatasetGraph dsg, List<Node> focusNodes, int threads, int minPerThread) {
        int n = Math.max(1, Math.min(threads, focusNodes.size() / minPerThread));
        if (n == 1)
            return Txn.calculateRead(dsg, () -> validateNodes(dsg.getUnionGraph(), focusNodes.iterator()));
        ExecutorService executor = Executors.newFixedThreadPool(n);
        try {
            List<Future<ValidationReport>> parts = new ArrayList<>();
            int size = (focusNodes.size() + n - 1) / n;
            for (int from = 0; from < focusNodes.size(); from += size) {
                List<Node> part = focusNodes.subList(from, Math.min(focusNodes.size(), from + size));
                parts.add(executor.submit(() -> Txn.calculateRead(dsg, () -> validateNodes(dsg.getUnionGraph(), part.iterator()))));
            }
            ValidationReport.Builder merged = ValidationReport.create();
            for (Future<ValidationReport> part : parts)
                part.get().getEntries().forEach(merged::addReportEntry);
            return merged.build();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r)
                throw r;
            if (e.getCause() instanceof Error err)
                throw err;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("validation interrupted", e);
        } finally {
            executor.shutdownNow();
        }
    }

    private Set<Node> typesOf(Graph data, Node node) {
        Set<Node> types = new HashSet<>();
        data.find(node, RDF.Nodes.type, Node.ANY).forEachRemaining(t -> {
            types.add(t.getObject());
            types.addAll(hierarchy.superClassesOf(t.getObject()));
        });
        return types;
    }

    private List<Shape> shapesTargetingClasses(Set<Node> types) {
        List<Shape> targeting = new ArrayList<>();
        for (Shape shape : shapes) {
            if (shape.getTargets().stream().anyMatch(t -> isClassTarget(t) && types.contains(t.getObject())))
                targeting.add(shape);
        }
        return targeting;
    }

    private static boolean isClassTarget(Target target) {
        return target.getTargetType() == TargetType.targetClass || target.getTargetType() == TargetType.implicitClass;
    }

    private static boolean targetsOtherwise(Shape shape, Node node, Graph data, Map<Target, Set<Node>> selected) {
        for (Target target : shape.getTargets()) {
            Node obj = target.getObject();
            TargetType type = target.getTargetType();
            if (type == TargetType.targetNode && obj.equals(node))
                return true;
            if (type == TargetType.targetSubjectsOf && data.contains(node, obj, Node.ANY))
                return true;
            if (type == TargetType.targetObjectsOf && data.contains(Node.ANY, obj, node))
                return true;
            if (type == TargetType.targetExtension
                    && selected.computeIfAbsent(target, t -> new HashSet<>(t.getFocusNodes(data))).contains(node))
                return true;
        }
        return false;
    }
}
