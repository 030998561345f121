/*
 * From CARML 0.4.11 (https://github.com/carml/carml), copyright (c) 2017 Taxonic B.V., 2020 Skemu,
 * under the MIT licence: its full notice is carml/LICENSE-CARML (META-INF/LICENSE-CARML in the jars).
 *
 * Patched for ctkg (each change marked "ctkg"): a function term map's parameter generators, and a
 * literal's nested datatype or language generator, are made once, when the mapping is compiled,
 * instead of again for every row, and a language tag is checked once; a function named by a constant is found once and given its
 * arguments in a small list-backed model (boundExecution); IRIs that are plainly valid skip RDF4J's
 * parser (isPlainAbsoluteIri). CARML's builder offers no way to give it another term generator
 * factory, so this class takes the place of CARML's own on the class path: CarmlPatchTest and, at
 * first use, org.ctkg.carml.CarmlPatch check that it does, the runnable jar leaves CARML's copy out (cli/pom.xml) and PatchedJarIT checks the
 * jar. Remove it once CARML makes the changes.
 */
package io.carml.engine.rdf;

import static io.carml.engine.rdf.RdfPredicateObjectMapper.createObjectMapGenerators;
import static io.carml.engine.rdf.RdfPredicateObjectMapper.createPredicateGenerators;
import static io.carml.util.Models.streamCartesianProductStatements;

import io.carml.engine.ExpressionEvaluation;
import io.carml.engine.GetTemplateValue;
import io.carml.engine.TermGenerator;
import io.carml.engine.TermGeneratorFactory;
import io.carml.engine.TermGeneratorFactoryException;
import io.carml.engine.function.ExecuteFunction;
import io.carml.engine.template.Template;
import io.carml.engine.template.TemplateParser;
import io.carml.model.DatatypeMap;
import io.carml.model.ExpressionMap;
import io.carml.model.GraphMap;
import io.carml.model.LanguageMap;
import io.carml.model.ObjectMap;
import io.carml.model.PredicateMap;
import io.carml.model.PredicateObjectMap;
import io.carml.model.SubjectMap;
import io.carml.model.TermMap;
import io.carml.model.TermType;
import io.carml.model.TriplesMap;
import io.carml.util.IriSafeMaker;
import io.carml.util.RdfValues;
import io.carml.vocab.Rdf;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.rdf4j.common.net.ParsedIRI;
import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Namespace;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.AbstractModel;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.model.util.Literals;
import org.eclipse.rdf4j.model.util.ModelCollector;
import org.eclipse.rdf4j.model.util.Models;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@SuppressWarnings("java:S1135")
public class RdfTermGeneratorFactory implements TermGeneratorFactory<Value> {

  // TODO cache results of evaluated expressions?

  private static final Logger LOG = LoggerFactory.getLogger(RdfTermGeneratorFactory.class);

  private final RdfTermGeneratorConfig rdfTermGeneratorConfig;

  private final ValueFactory valueFactory;

  private final UnaryOperator<String> makeIriSafe;

  private final TemplateParser templateParser;

  private RdfTermGeneratorFactory(RdfTermGeneratorConfig rdfTermGeneratorConfig, ValueFactory valueFactory,
      UnaryOperator<String> makeIriSafe, TemplateParser templateParser) {
    this.rdfTermGeneratorConfig = rdfTermGeneratorConfig;
    this.valueFactory = valueFactory;
    this.makeIriSafe = makeIriSafe;
    this.templateParser = templateParser;
  }

  /** True in ctkg's patched copy of this class: it makes a function's parameter generators once. */
  public static final boolean PREPARES_FUNCTION_PARAMETERS_ONCE = true;

  public static RdfTermGeneratorFactory of(RdfTermGeneratorConfig rdfTermGeneratorConfig,
      TemplateParser templateParser) {
    return new RdfTermGeneratorFactory(rdfTermGeneratorConfig, rdfTermGeneratorConfig.getValueFactory(), IriSafeMaker
        .create(rdfTermGeneratorConfig.getNormalizationForm(), rdfTermGeneratorConfig.isIriUpperCasePercentEncoding()),
        templateParser);
  }

  @Override
  @SuppressWarnings("unchecked")
  public TermGenerator<Resource> getSubjectGenerator(SubjectMap map) {
    return (TermGenerator<Resource>) getGenerator(map, Set.of(TermType.BLANK_NODE, TermType.IRI), Set.of(IRI.class));
  }

  @Override
  @SuppressWarnings("unchecked")
  public TermGenerator<IRI> getPredicateGenerator(PredicateMap map) {
    return (TermGenerator<IRI>) getGenerator(map, Set.of(TermType.IRI), Set.of(IRI.class));
  }

  @Override
  @SuppressWarnings("unchecked")
  public TermGenerator<Value> getObjectGenerator(ObjectMap map) {
    return (TermGenerator<Value>) getGenerator(map, Set.of(TermType.IRI, TermType.BLANK_NODE, TermType.LITERAL),
        Set.of(IRI.class, Literal.class));
  }

  @Override
  @SuppressWarnings("unchecked")
  public TermGenerator<Resource> getGraphGenerator(GraphMap map) {
    return (TermGenerator<Resource>) getGenerator(map, Set.of(TermType.IRI), Set.of(IRI.class));
  }

  @SuppressWarnings("unchecked")
  private TermGenerator<IRI> getDatatypeGenerator(DatatypeMap map) {
    return (TermGenerator<IRI>) getGenerator(map, Set.of(TermType.IRI), Set.of(IRI.class));
  }

  @SuppressWarnings("unchecked")
  private TermGenerator<Literal> getLanguageGenerator(LanguageMap map) {
    return (TermGenerator<Literal>) getGenerator(map, Set.of(TermType.LITERAL), Set.of(Literal.class));
  }

  private TermGenerator<? extends Value> getGenerator(ExpressionMap map, Set<TermType> allowedTermTypes,
      Set<Class<? extends Value>> allowedConstantTypes) {
    List<TermGenerator<? extends Value>> generators = Stream.<Supplier<Optional<TermGenerator<? extends Value>>>>of(

        // constant
        () -> getConstantGenerator(map, allowedConstantTypes),

        // reference
        () -> getReferenceGenerator(map, allowedTermTypes),

        // template
        () -> getTemplateGenerator(map, allowedTermTypes),

        // functionValue
        () -> getFunctionValueGenerator(map, allowedTermTypes)

    )
        .map(Supplier::get)
        .filter(Optional::isPresent)
        .map(Optional::get)
        .collect(Collectors.toList());

    if (generators.isEmpty()) {
      throw new TermGeneratorFactoryException(String
          .format("No constant, reference, template or function value found for term map [%s]", map.getResourceName()));
    }
    if (generators.size() > 1) {
      throw new TermGeneratorFactoryException(
          String.format("%s value generators were created for term map [%s], where only 1 is expected.",
              generators.size(), map.getResourceName()));
    }
    return generators.get(0);
  }

  private TermGenerator<Value> getGenerator(ExpressionMap termMap,
      Function<ExpressionEvaluation, Optional<Object>> getValue, Set<TermType> allowedTermTypes, TermType termType) {

    Function<Function<String, ? extends Value>, TermGenerator<Value>> createGenerator =
        generateTerm -> expressionEvaluation -> generateValues(getValue, expressionEvaluation, generateTerm);

    if (!allowedTermTypes.contains(termType)) {
      throw new TermGeneratorFactoryException(
          String.format("encountered disallowed term type [%s]%nin TermMap:%n%s%n%n allowed TermTypes: %s", termType,
              termMap, allowedTermTypes));
    }

    switch (termType) {

      case IRI:
        return createGenerator.apply(this::generateIriTerm);

      case BLANK_NODE:
        return createGenerator.apply(this::generateBNodeTerm);

      case LITERAL:

        if (termMap instanceof ObjectMap) {
          var objectMap = (ObjectMap) termMap;

          if (objectMap.getLanguageMap() != null) {
            return getLanguageTaggedLiteralGenerator(objectMap, getValue);
          }

          if (objectMap.getDatatypeMap() != null) {
            return getDatatypedLiteralGenerator(objectMap, getValue);
          }
        }

        // f.createLiteral(label, datatype) // TODO infer datatype, see
        // https://www.w3.org/TR/r2rml/#generated-rdf-term - f.e. xsd:integer for Integer instances
        return createGenerator.apply(valueFactory::createLiteral);

      default:
        throw new TermGeneratorFactoryException(
            String.format("unknown term type [%s]%nin TermMap:%s", termType, termMap));

    }
  }

  private List<Value> generateValues(Function<ExpressionEvaluation, Optional<Object>> getValue,
      ExpressionEvaluation expressionEvaluation, Function<String, ? extends Value> generateTerm) {
    Optional<Object> referenceValue = getValue.apply(expressionEvaluation);
    if (LOG.isTraceEnabled()) {
      LOG.trace("with result: {}", referenceValue.orElse("null"));
    }

    return referenceValue.map(value -> unpackEvaluatedExpression(value, generateTerm))
        .orElse(List.of());
  }

  private TermGenerator<Value> getDatatypedLiteralGenerator(ObjectMap objectMap,
      Function<ExpressionEvaluation, Optional<Object>> getLabelValue) {

    // ctkg: the nested datatype generator made once, not per row
    TermGenerator<IRI> datatypeGenerator = getDatatypeGenerator(objectMap.getDatatypeMap());
    return expressionEvaluation -> {
      // determine label values
      List<Value> labels = generateValues(getLabelValue, expressionEvaluation, valueFactory::createLiteral);

      // determine datatypes by the nested term generator
      List<IRI> datatypes = datatypeGenerator.apply(expressionEvaluation);

      // return literals for all combinations of label and datatype
      return labels.stream()
          .map(Value::stringValue)
          .flatMap(label -> datatypes.stream()
              .map(datatype -> valueFactory.createLiteral(label, datatype)))
          .collect(Collectors.toUnmodifiableList());
    };
  }

  private TermGenerator<Value> getLanguageTaggedLiteralGenerator(ObjectMap objectMap,
      Function<ExpressionEvaluation, Optional<Object>> getLabelValue) {

    // ctkg: the nested language generator made once, not per row, and each language tag checked once
    TermGenerator<Literal> languageGenerator = getLanguageGenerator(objectMap.getLanguageMap());
    Set<String> validLanguages = ConcurrentHashMap.newKeySet();
    return expressionEvaluation -> {
      // determine label values
      List<Value> labels = generateValues(getLabelValue, expressionEvaluation, valueFactory::createLiteral);

      // determine languages by the nested term generator
      // TODO languages arent really literals, but that would require some refactoring
      List<Literal> languages = languageGenerator.apply(expressionEvaluation);

      // return literals for all combinations of label and datatype
      return labels.stream()
          .map(Value::stringValue)
          .flatMap(label -> languages.stream()
              .map(Literal::getLabel)
              .filter(language -> {
                if (!validLanguages.contains(language) && !isValidLanguageTag(language, validLanguages)) {
                  throw new TermGeneratorFactoryException(
                      String.format("Invalid lang tag '%s' used in object map %n%s", language, objectMap));
                }
                return true;
              })
              .map(language -> valueFactory.createLiteral(label, language)))
          .collect(Collectors.toUnmodifiableList());
    };
  }

  /** ctkg: whether a tag is valid, remembering up to a hundred valid ones (parsing a tag cost more than the row). */
  private static boolean isValidLanguageTag(String language, Set<String> validLanguages) {
    if (!Literals.isValidLanguageTag(language)) {
      return false;
    }
    if (validLanguages.size() < 100) {
      validLanguages.add(language);
    }
    return true;
  }

  @Override
  public Optional<TermGenerator<? extends Value>> getConstantGenerator(ExpressionMap map,
      Set<Class<? extends Value>> allowedConstantTypes) {
    Value constant = map.getConstant();
    if (constant == null) {
      return Optional.empty();
    }
    if (allowedConstantTypes.stream()
        .noneMatch(c -> c.isInstance(constant))) {
      throw new TermGeneratorFactoryException(
          "encountered constant value of type " + constant.getClass() + ", which is not allowed for this term map");
    }
    List<Value> constants = List.of(constant);
    if (LOG.isTraceEnabled()) {
      LOG.trace("Generated constant values: {}", constants);
    }

    return Optional.of(e -> constants);
  }

  @Override
  public Optional<TermGenerator<? extends Value>> getReferenceGenerator(ExpressionMap map,
      Set<TermType> allowedTermTypes) {

    String reference = map.getReference();
    if (reference == null) {
      return Optional.empty();
    }

    Function<ExpressionEvaluation, Optional<Object>> getValue =
        expressionEvaluation -> expressionEvaluation.apply(reference);

    return Optional.of(getGenerator(map, getValue, allowedTermTypes, determineTermType(map)));
  }

  @Override
  public Optional<TermGenerator<? extends Value>> getTemplateGenerator(ExpressionMap map,
      Set<TermType> allowedTermTypes) {

    String templateStr = map.getTemplate();
    if (templateStr == null) {
      return Optional.empty();
    }

    Template template = templateParser.parse(templateStr);

    TermType termType = determineTermType(map);

    // for IRI term types, make template values 'IRI-safe'.
    // otherwise, do not transform template values.
    UnaryOperator<String> transformValue = termType == TermType.IRI ? makeIriSafe : v -> v;

    Function<ExpressionEvaluation, Optional<Object>> getValue =
        new GetTemplateValue(template, template.getExpressions(), transformValue, this::createNaturalRdfLexicalForm);

    return Optional.of(getGenerator(map, getValue, allowedTermTypes, termType));
  }

  @Override
  public Optional<TermGenerator<? extends Value>> getFunctionValueGenerator(ExpressionMap expressionMap,
      Set<TermType> allowedTermTypes) {
    var executionMap = expressionMap.getFunctionValue();
    if (executionMap == null) {
      return Optional.empty();
    }

    // ctkg: the generators of the execution's parameters, made once for the term map, not per row
    List<PredicateObjectMap> parameterMaps = List.copyOf(executionMap.getPredicateObjectMaps());
    List<FunctionParameter> parameters = parameterMaps.stream()
        .map(pom -> new FunctionParameter(createPredicateGenerators(pom, executionMap, this),
            createObjectMapGenerators(pom.getObjectMaps(), executionMap, this).collect(Collectors.toUnmodifiableList())))
        .collect(Collectors.toUnmodifiableList());
    var termType = determineTermType(expressionMap);
    // for IRI term types, make values valid IRIs.
    UnaryOperator<Object> returnValueAdapter = termType == TermType.IRI ? this::iriEncodeResult : v -> v;

    Function<ExpressionEvaluation, Optional<Object>> getValue =
        boundExecution(parameterMaps, parameters, returnValueAdapter).orElse(
            expressionEvaluation -> mapFunctionExecution(expressionEvaluation, parameters, returnValueAdapter));

    return Optional.of(getGenerator(expressionMap, getValue, allowedTermTypes, termType));
  }

  /*
   * ctkg: when an execution names its function by one constant and its parameters by constant
   * predicates (as mappings almost always do), the function is found once, and each row's arguments
   * reach it in a small list-backed model instead of a hashed one built through cartesian products
   * and searched again for fno:executes. Otherwise (or if no such function is registered, which
   * then fails per row as before) the general path above runs.
   */
  private Optional<Function<ExpressionEvaluation, Optional<Object>>> boundExecution(
      List<PredicateObjectMap> parameterMaps, List<FunctionParameter> parameters,
      UnaryOperator<Object> returnValueAdapter) {
    IRI functionIri = null;
    List<BoundParameter> bound = new ArrayList<>();
    for (int i = 0; i < parameterMaps.size(); i++) {
      PredicateObjectMap pom = parameterMaps.get(i);
      List<IRI> predicates = new ArrayList<>();
      for (PredicateMap predicateMap : pom.getPredicateMaps()) {
        if (!(predicateMap.getConstant() instanceof IRI)) {
          return Optional.empty();
        }
        predicates.add((IRI) predicateMap.getConstant());
      }
      if (predicates.contains(Rdf.Fno.old_executes)) {
        return Optional.empty();
      }
      if (predicates.contains(Rdf.Fno.executes)) {
        if (functionIri != null || pom.getObjectMaps().size() != 1
            || !(pom.getObjectMaps().iterator().next() instanceof ObjectMap)
            || !(((ObjectMap) pom.getObjectMaps().iterator().next()).getConstant() instanceof IRI)) {
          return Optional.empty();
        }
        functionIri = (IRI) ((ObjectMap) pom.getObjectMaps().iterator().next()).getConstant();
      }
      bound.add(new BoundParameter(List.copyOf(predicates), parameters.get(i).objectGenerators()));
    }
    if (functionIri == null) {
      return Optional.empty();
    }
    Optional<ExecuteFunction> function = rdfTermGeneratorConfig.getFunctions().getFunction(functionIri);
    if (function.isEmpty()) {
      return Optional.empty();
    }
    ExecuteFunction execute = function.get();
    return Optional.of(expressionEvaluation -> {
      Resource execution = valueFactory.createBNode();
      ExecutionStatements statements = new ExecutionStatements();
      for (BoundParameter parameter : bound) {
        for (TermGenerator<? extends Value> objects : parameter.objectGenerators()) {
          for (Value object : objects.apply(expressionEvaluation)) {
            for (IRI predicate : parameter.predicates()) {
              statements.add(valueFactory.createStatement(execution, predicate, object));
            }
          }
        }
      }
      return Optional.ofNullable(execute.execute(statements, execution, returnValueAdapter));
    });
  }

  /** ctkg: one parameter of a function execution whose predicates are constants. */
  private record BoundParameter(List<IRI> predicates, List<TermGenerator<? extends Value>> objectGenerators) {}

  /**
   * ctkg: the few statements of one function execution, in a list: a function's parameter
   * extractors filter them once each, which a linear scan of a handful does faster than hashing.
   * Its filter returns a copy, not a view: functions only read their execution.
   */
  static final class ExecutionStatements extends AbstractModel {
    private static final long serialVersionUID = 1L;

    private final List<Statement> statements = new ArrayList<>(8);

    @Override
    public boolean add(Resource subj, IRI pred, Value obj, Resource... contexts) {
      if (contexts.length == 0) {
        return addStatement(SimpleValueFactory.getInstance().createStatement(subj, pred, obj));
      }
      boolean changed = false;
      for (Resource context : contexts) {
        changed |= addStatement(SimpleValueFactory.getInstance().createStatement(subj, pred, obj, context));
      }
      return changed;
    }

    @Override
    public boolean add(Statement statement) {
      return addStatement(statement);
    }

    private boolean addStatement(Statement statement) {
      if (statements.contains(statement)) {
        return false;
      }
      return statements.add(statement);
    }

    @Override
    public boolean contains(Resource subj, IRI pred, Value obj, Resource... contexts) {
      return statements.stream().anyMatch(st -> matches(st, subj, pred, obj, contexts));
    }

    @Override
    public boolean remove(Resource subj, IRI pred, Value obj, Resource... contexts) {
      return statements.removeIf(st -> matches(st, subj, pred, obj, contexts));
    }

    @Override
    public Model filter(Resource subj, IRI pred, Value obj, Resource... contexts) {
      ExecutionStatements matching = new ExecutionStatements();
      for (Statement st : statements) {
        if (matches(st, subj, pred, obj, contexts)) {
          matching.statements.add(st);
        }
      }
      return matching;
    }

    private static boolean matches(Statement st, Resource subj, IRI pred, Value obj, Resource... contexts) {
      return (subj == null || subj.equals(st.getSubject())) && (pred == null || pred.equals(st.getPredicate()))
          && (obj == null || obj.equals(st.getObject()))
          && (contexts == null || contexts.length == 0 || Arrays.asList(contexts).contains(st.getContext()));
    }

    @Override
    public void removeTermIteration(Iterator<Statement> iterator, Resource subj, IRI pred, Value obj,
        Resource... contexts) {
      remove(subj, pred, obj, contexts);
    }

    @Override
    public Iterator<Statement> iterator() {
      return statements.iterator();
    }

    @Override
    public int size() {
      return statements.size();
    }

    @Override
    public Set<Namespace> getNamespaces() {
      return Set.of();
    }

    @Override
    public void setNamespace(Namespace namespace) {
      throw new UnsupportedOperationException("a function execution has no namespaces");
    }

    @Override
    public Optional<Namespace> removeNamespace(String prefix) {
      return Optional.empty();
    }
  }

  /** One predicate-object map of a function execution, its generators ready. */
  private record FunctionParameter(Set<TermGenerator<IRI>> predicateGenerators,
      List<TermGenerator<? extends Value>> objectGenerators) {}

  private Optional<Object> mapFunctionExecution(ExpressionEvaluation expressionEvaluation,
      List<FunctionParameter> parameters, UnaryOperator<Object> returnValueAdapter) {
    Resource functionExecution = valueFactory.createBNode();

    var executionStatements = parameters.stream()
        .flatMap(parameter -> getFunctionPredicateObjectMapModel(functionExecution, parameter, expressionEvaluation))
        .collect(new ModelCollector());

    return mapExecution(executionStatements, returnValueAdapter);
  }

  private Stream<Statement> getFunctionPredicateObjectMapModel(Resource functionExecution, FunctionParameter parameter,
      ExpressionEvaluation expressionEvaluation) {
    Set<IRI> predicates = parameter.predicateGenerators().stream()
        .map(g -> g.apply(expressionEvaluation))
        .flatMap(List::stream)
        .collect(Collectors.toUnmodifiableSet());

    if (predicates.isEmpty()) {
      return Stream.empty();
    }

    Set<Value> objects = parameter.objectGenerators().stream()
        .map(g -> g.apply(expressionEvaluation))
        .flatMap(List::stream)
        .collect(Collectors.toUnmodifiableSet());

    if (objects.isEmpty()) {
      return Stream.empty();
    }

    return streamCartesianProductStatements(Set.of(functionExecution), predicates, objects, Set.of());
  }

  private Optional<Object> mapExecution(Model executionStatements, UnaryOperator<Object> returnValueAdapter) {
    Optional<Resource> optionalExecution = Models.subject(executionStatements);

    return optionalExecution.map(execution -> {
      IRI functionIri = getFunctionIri(execution, executionStatements);
      ExecuteFunction function = rdfTermGeneratorConfig.getFunctions()
          .getFunction(functionIri)
          .orElseThrow(
              () -> new TermGeneratorFactoryException("no function registered for function IRI [" + functionIri + "]"));

      return function.execute(executionStatements, execution, returnValueAdapter);
    });
  }

  private Object iriEncodeResult(Object result) {
    if (result instanceof Collection<?>) {
      return ((Collection<?>) result).stream()
          .map(this::encodeAsIri)
          .collect(Collectors.toUnmodifiableList());
    } else {
      return encodeAsIri(result);
    }
  }

  private Object encodeAsIri(Object value) {
    String iriValue;

    if (value instanceof Value) {
      iriValue = ((Value) value).stringValue();
    } else {
      iriValue = value.toString();
    }

    if (isPlainAbsoluteIri(iriValue)) {
      return iriValue; // ctkg: nothing to normalize or encode
    }

    // perform unicode normalization
    iriValue = Normalizer.normalize(iriValue, rdfTermGeneratorConfig.getNormalizationForm());

    return ParsedIRI.create(iriValue)
        .toString();
  }

  private IRI getFunctionIri(Resource execution, Model model) {
    return Models.objectIRI(model.filter(execution, Rdf.Fno.executes, null))
        .orElseGet(() -> Models.objectIRI(model.filter(execution, Rdf.Fno.old_executes, null))
            .orElseThrow(
                () -> new TermGeneratorFactoryException("function execution does not have fno:executes value")));
  }

  private TermType determineTermType(ExpressionMap map) {
    if (map instanceof DatatypeMap) {
      return TermType.IRI;
    } else if (map instanceof LanguageMap) {
      return TermType.LITERAL;
    } else if (map instanceof TermMap) {
      TermMap termMap = (TermMap) map;

      TermType termType = termMap.getTermType();
      if (termType != null) {
        return termType;
      }

      if (map instanceof ObjectMap) {
        ObjectMap objectMap = (ObjectMap) map;
        if (isReferenceTermMap(termMap) || objectMap.getLanguageMap() != null || objectMap.getDatatypeMap() != null) {
          return TermType.LITERAL;
        }
      }

      return TermType.IRI;
    } else {
      throw new IllegalStateException(String.format("Unknown expression map type %s for %s", map.getClass()
          .getSimpleName(), map));
    }
  }

  private boolean isReferenceTermMap(TermMap map) {
    return map.getConstant() == null && map.getReference() != null;
  }

  private List<Value> unpackEvaluatedExpression(Object result, Function<String, ? extends Value> generateTerm) {
    if (result instanceof Collection<?>) {
      return ((Collection<?>) result).stream()
          .filter(Objects::nonNull)
          .map(i -> generateTerm.apply(createNaturalRdfLexicalForm(i)))
          .collect(Collectors.toUnmodifiableList());
    }

    Value value = generateTerm.apply(createNaturalRdfLexicalForm(result));

    return value == null ? List.of() : List.of(value);
  }

  private IRI generateIriTerm(String lexicalForm) {
    if (isPlainAbsoluteIri(lexicalForm) || RdfValues.isValidIri(lexicalForm)) {
      return valueFactory.createIRI(lexicalForm);
    }

    String iri = rdfTermGeneratorConfig.getBaseIri()
        .stringValue() + lexicalForm;
    if (RdfValues.isValidIri(iri)) {
      return valueFactory.createIRI(iri);
    }

    throw new TermGeneratorFactoryException(String.format(
        "Could not generate a valid iri from term lexical form [%s] as-is, or prefixed with base iri [%s]", lexicalForm,
        rdfTermGeneratorConfig.getBaseIri()));
  }

  /**
   * ctkg: true for a common, plainly valid absolute IRI (ASCII; a scheme; "//" and a host name that
   * starts with a letter, no port or user; then path, query and fragment of unreserved characters,
   * sub-delimiters, ":", "@", "/", "?" and well-formed percent escapes), which RDF4J's ParsedIRI
   * accepts unchanged and which Unicode normalization leaves as it is. Parsing such an IRI once to
   * check it and again to encode it was a sixth of the mapping's time. False means "not sure": the
   * caller parses as before.
   */
  static boolean isPlainAbsoluteIri(String s) {
    int n = s.length();
    int i = 0;
    if (n == 0 || !isAsciiLetter(s.charAt(0))) {
      return false;
    }
    while (i < n && (isAsciiLetter(s.charAt(i)) || isAsciiDigit(s.charAt(i)) || s.charAt(i) == '+'
        || s.charAt(i) == '-' || s.charAt(i) == '.')) {
      i++;
    }
    if (i == n || s.charAt(i) != ':' || (i == 3 && s.regionMatches(true, 0, "jar", 0, 3))) {
      return false;
    }
    i++;
    if (!s.startsWith("//", i)) {
      return false;
    }
    i += 2;
    if (i == n || !isAsciiLetter(s.charAt(i))) {
      return false;
    }
    while (i < n && (isAsciiLetter(s.charAt(i)) || isAsciiDigit(s.charAt(i)) || s.charAt(i) == '-'
        || s.charAt(i) == '.')) {
      i++;
    }
    if (i < n && s.charAt(i) != '/') {
      return false;
    }
    boolean inFragment = false;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c == '%') {
        if (i + 2 >= n || !isHexDigit(s.charAt(i + 1)) || !isHexDigit(s.charAt(i + 2))) {
          return false;
        }
        i += 2;
      } else if (c == '#') {
        if (inFragment) {
          return false;
        }
        inFragment = true;
      } else if (!(c == '?' || isAsciiLetter(c) || isAsciiDigit(c) || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isHexDigit(char c) {
    return isAsciiDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private BNode generateBNodeTerm(String lexicalForm) {
    String id = createValidBNodeId(lexicalForm);
    return valueFactory.createBNode(id);
  }

  private String createValidBNodeId(String lexicalForm) {
    return lexicalForm.replaceAll("[^a-zA-Z_0-9-]+", "");
  }

  private String createNaturalRdfLexicalForm(Object value) {
    // TODO https://www.w3.org/TR/r2rml/#dfn-natural-rdf-literal
    return value.toString();
  }

}
