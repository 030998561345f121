/*
 * From CARML 0.4.11 (https://github.com/carml/carml), copyright (c) 2017 Taxonic B.V., 2020 Skemu,
 * under the MIT licence: its full notice is carml/LICENSE-CARML (META-INF/LICENSE-CARML in the jars).
 *
 * Patched for ctkg: a row's statements are made in plain loops into one list (statements), instead of
 * Guava cartesian products streamed into one Flux per set of graphs and merged. Lombok's
 * annotations are written out. One behaviour differs: given an empty set of subjects, CARML's
 * cartesian product throws (ModelsException) while these loops make no statements
 * (EmptySubjectSetTest); on the RML conformance cases and ctkg's mappings both engines map alike
 * (ConformanceCasesTest, RealMappingsDifferentialTest). Like RdfTermGeneratorFactory beside it,
 * this class takes the place of CARML's own on the class path (CarmlPatchTest,
 * org.ctkg.carml.CarmlPatch, cli/pom.xml, PatchedJarIT). Remove it once CARML makes the change.
 */
package io.carml.engine.rdf;

import static io.carml.util.LogUtil.exception;
import static io.carml.util.LogUtil.log;

import io.carml.engine.ExpressionEvaluation;
import io.carml.engine.TermGenerator;
import io.carml.engine.TriplesMapperException;
import io.carml.model.BaseObjectMap;
import io.carml.model.LogicalSource;
import io.carml.model.ObjectMap;
import io.carml.model.PredicateObjectMap;
import io.carml.model.RefObjectMap;
import io.carml.model.TriplesMap;
import io.carml.util.Models;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.ValueFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;

public class RdfPredicateObjectMapper {

  private static final Logger LOG = LoggerFactory.getLogger(RdfPredicateObjectMapper.class);

  /** True in ctkg's patched copy of this class: it makes a row's statements in plain loops. */
  public static final boolean MAPS_IN_LOOPS = true;

  private final Set<TermGenerator<Resource>> graphGenerators;

  private final Set<TermGenerator<IRI>> predicateGenerators;

  private final Set<TermGenerator<? extends Value>> objectGenerators;

  private final Set<RdfRefObjectMapper> rdfRefObjectMappers;

  private final ValueFactory valueFactory;

  private RdfPredicateObjectMapper(Set<TermGenerator<Resource>> graphGenerators,
      Set<TermGenerator<IRI>> predicateGenerators, Set<TermGenerator<? extends Value>> objectGenerators,
      Set<RdfRefObjectMapper> rdfRefObjectMappers, ValueFactory valueFactory) {
    this.graphGenerators = graphGenerators;
    this.predicateGenerators = predicateGenerators;
    this.objectGenerators = objectGenerators;
    this.rdfRefObjectMappers = rdfRefObjectMappers;
    this.valueFactory = Objects.requireNonNull(valueFactory, "valueFactory");
  }

  Set<RdfRefObjectMapper> getRdfRefObjectMappers() {
    return rdfRefObjectMappers;
  }

  public static RdfPredicateObjectMapper of(PredicateObjectMap pom, TriplesMap triplesMap,
      Set<RdfRefObjectMapper> refObjectMappers, RdfMapperConfig rdfMapperConfig) {
    Objects.requireNonNull(pom, "pom");
    Objects.requireNonNull(triplesMap, "triplesMap");
    Objects.requireNonNull(rdfMapperConfig, "rdfMapperConfig");

    RdfTermGeneratorFactory rdfTermGeneratorFactory =
        (RdfTermGeneratorFactory) rdfMapperConfig.getTermGeneratorFactory();

    Set<TermGenerator<Resource>> graphGenerators =
        RdfTriplesMapper.createGraphGenerators(pom.getGraphMaps(), rdfTermGeneratorFactory);
    Set<TermGenerator<IRI>> predicateGenerators = createPredicateGenerators(pom, triplesMap, rdfTermGeneratorFactory);
    Set<BaseObjectMap> objectMaps = pom.getObjectMaps();
    Set<TermGenerator<? extends Value>> objectGenerators =
        createObjectGenerators(objectMaps, triplesMap, rdfTermGeneratorFactory);

    Set<RdfRefObjectMapper> filteredRefObjectMappers = refObjectMappers.stream()
        .filter(rom -> pom.getObjectMaps()
            .contains(rom.getRefObjectMap()))
        .collect(Collectors.toUnmodifiableSet());

    return new RdfPredicateObjectMapper(graphGenerators, predicateGenerators, objectGenerators,
        filteredRefObjectMappers, rdfMapperConfig.getValueFactorySupplier()
            .get());
  }

  static Set<TermGenerator<IRI>> createPredicateGenerators(PredicateObjectMap pom, TriplesMap triplesMap,
      RdfTermGeneratorFactory termGeneratorFactory) {
    return pom.getPredicateMaps()
        .stream()
        .map(predicateMap -> {
          try {
            return termGeneratorFactory.getPredicateGenerator(predicateMap);
          } catch (RuntimeException ex) {
            throw new TriplesMapperException(
                String.format("Exception occurred while creating predicate generator for %s",
                    exception(triplesMap, predicateMap)),
                ex);
          }
        })
        .collect(Collectors.toUnmodifiableSet());
  }

  private static Set<TermGenerator<? extends Value>> createObjectGenerators(Set<BaseObjectMap> objectMaps,
      TriplesMap triplesMap, RdfTermGeneratorFactory termGeneratorFactory) {
    return Stream.concat(
        // object maps -> object generators
        createObjectMapGenerators(objectMaps, triplesMap, termGeneratorFactory),
        // ref object maps without joins -> object generators.
        createJoinlessRefObjectMapGenerators(objectMaps, triplesMap, termGeneratorFactory))
        .collect(Collectors.toUnmodifiableSet());
  }

  @SuppressWarnings("java:S3864")
  static Stream<TermGenerator<? extends Value>> createObjectMapGenerators(Set<BaseObjectMap> objectMaps,
      TriplesMap triplesMap, RdfTermGeneratorFactory termGeneratorFactory) {
    return objectMaps.stream()
        .filter(ObjectMap.class::isInstance)
        .peek(objectMap -> LOG.debug("Creating term generator for ObjectMap {}", objectMap.getResourceName()))
        .map(objectMap -> {
          try {
            return termGeneratorFactory.getObjectGenerator((ObjectMap) objectMap);
          } catch (RuntimeException ex) {
            throw new TriplesMapperException(String.format("Exception occurred while creating object generator for %s",
                exception(triplesMap, objectMap)), ex);
          }
        });
  }

  private static RefObjectMap checkLogicalSource(RefObjectMap refObjectMap, LogicalSource logicalSource,
      TriplesMap triplesMap) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("Checking if logicalSource for parent triples map {} is equal", refObjectMap.getParentTriplesMap()
          .getResourceName());
    }

    LogicalSource parentLogicalSource = refObjectMap.getParentTriplesMap()
        .getLogicalSource();

    if (parentLogicalSource == null) {
      throw new TriplesMapperException(String.format(
          "Could not determine logical source of parent TriplesMap on RefObjectMap %s%nPossibly the parent triples "
              + "map does not exist, or the reference to it is misspelled?",
          exception(triplesMap, refObjectMap)));
    }

    if (!logicalSource.equals(parentLogicalSource)) {
      throw new TriplesMapperException(String.format(
          "Logical sources are not equal.%n%nParent logical source: %s%n%nChild logical source: %s%n%nNot equal in "
              + "RefObjectMap %s",
          log(refObjectMap.getParentTriplesMap(), parentLogicalSource), log(triplesMap, logicalSource),
          exception(triplesMap, refObjectMap)));
    }

    return refObjectMap;
  }

  @SuppressWarnings("java:S3864")
  private static Stream<TermGenerator<? extends Value>> createJoinlessRefObjectMapGenerators(
      Set<BaseObjectMap> objectMaps, TriplesMap triplesMap, RdfTermGeneratorFactory termGeneratorFactory) {

    LogicalSource logicalSource = triplesMap.getLogicalSource();

    return objectMaps.stream()
        .filter(RefObjectMap.class::isInstance)
        .peek(objectMap -> LOG.debug("Creating mapper for RefObjectMap {}", objectMap.getResourceName()))
        .map(RefObjectMap.class::cast)
        .filter(refObjMap -> refObjMap.getJoinConditions()
            .isEmpty())
        // ref object maps without joins MUST have an identical logical source.
        .map(refObjMap -> checkLogicalSource(refObjMap, logicalSource, triplesMap))
        .flatMap(refObjMap -> createRefObjectJoinlessMapper(refObjMap, triplesMap, termGeneratorFactory));
  }

  private static Stream<TermGenerator<Resource>> createRefObjectJoinlessMapper(RefObjectMap refObjectMap,
      TriplesMap triplesMap, RdfTermGeneratorFactory termGeneratorFactory) {
    try {
      return refObjectMap.getParentTriplesMap()
          .getSubjectMaps()
          .stream()
          .map(termGeneratorFactory::getSubjectGenerator);
    } catch (RuntimeException ex) {
      throw new TriplesMapperException(String.format("Exception occurred for %s", exception(triplesMap, refObjectMap)),
          ex);
    }
  }

  public Flux<Statement> map(ExpressionEvaluation expressionEvaluation,
      Map<Set<Resource>, Set<Resource>> subjectsAndSubjectGraphs) {
    return Flux.fromIterable(statements(expressionEvaluation, subjectsAndSubjectGraphs));
  }

  /**
   * ctkg: what map emits, as a list (RdfTriplesMapper gathers a row's lists into one). An empty set
   * of subjects makes no statements, where upstream throws.
   */
  List<Statement> statements(ExpressionEvaluation expressionEvaluation,
      Map<Set<Resource>, Set<Resource>> subjectsAndSubjectGraphs) {
    Set<IRI> predicates = values(predicateGenerators, expressionEvaluation);

    if (predicates.isEmpty()) {
      return List.of();
    }

    Set<Value> objects = values(objectGenerators, expressionEvaluation);

    Set<Resource> pomGraphs = values(graphGenerators, expressionEvaluation);

    Map<Set<Resource>, Set<Resource>> subjectsAndAllGraphs =
        addPomGraphsToSubjectsAndSubjectGraphs(subjectsAndSubjectGraphs, pomGraphs);

    // process RefObjectMaps for resolving later
    rdfRefObjectMappers
        .forEach(rdfRefObjectMapper -> rdfRefObjectMapper.map(subjectsAndAllGraphs, predicates, expressionEvaluation));

    if (objects.isEmpty()) {
      return List.of();
    }

    // ctkg: the statements of every subject, predicate, object (and graph) in plain loops, into one list
    List<Statement> statements = new ArrayList<>();
    for (Map.Entry<Set<Resource>, Set<Resource>> subjectsAndGraphs : subjectsAndAllGraphs.entrySet()) {
      Set<Resource> graphs = subjectsAndGraphs.getValue();
      for (Resource subject : subjectsAndGraphs.getKey()) {
        for (IRI predicate : predicates) {
          for (Value object : objects) {
            if (graphs.isEmpty()) {
              statements.add(statement(subject, predicate, object, null));
            } else {
              for (Resource graph : graphs) {
                statements.add(statement(subject, predicate, object, graph));
              }
            }
          }
        }
      }
    }
    return statements;
  }

  private Statement statement(Resource subject, IRI predicate, Value object, Resource graph) {
    return Models.createStatement(subject, predicate, object, graph, RdfTriplesMapper.defaultGraphModifier,
        valueFactory, RdfTriplesMapper.logAddStatements);
  }

  /** ctkg: the distinct values of a row's generators; one generator's one value without a stream. */
  private static <V extends Value> Set<V> values(Collection<? extends TermGenerator<? extends V>> generators,
      ExpressionEvaluation expressionEvaluation) {
    if (generators.size() == 1) {
      List<? extends V> only = generators.iterator().next().apply(expressionEvaluation);
      if (only.isEmpty()) {
        return Set.of();
      }
      if (only.size() == 1) {
        return Set.of(only.get(0));
      }
    }
    Set<V> all = new LinkedHashSet<>();
    for (TermGenerator<? extends V> generator : generators) {
      all.addAll(generator.apply(expressionEvaluation));
    }
    return all;
  }

  private Map<Set<Resource>, Set<Resource>> addPomGraphsToSubjectsAndSubjectGraphs(
      Map<Set<Resource>, Set<Resource>> subjectsAndSubjectGraphs, Set<Resource> pomGraphs) {
    if (pomGraphs.isEmpty()) {
      return subjectsAndSubjectGraphs; // ctkg: nothing to add
    }
    return subjectsAndSubjectGraphs.entrySet()
        .stream()
        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
            subjectsAndSubjectGraphsEntry -> Stream.concat(subjectsAndSubjectGraphsEntry.getValue()
                .stream(), pomGraphs.stream())
                .collect(Collectors.toUnmodifiableSet())));
  }

}
