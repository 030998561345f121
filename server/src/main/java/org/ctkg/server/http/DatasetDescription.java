package org.ctkg.server.http;


import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.ctkg.ontology.Ids;
import org.ctkg.server.CtkgServer;
import org.ctkg.server.web.UntilWritten;

/**
 * The SPARQL 1.1 Service Description and the VoID description of the served dataset, as one
 * graph: what the endpoint supports, and what the data holds (triples, classes, properties,
 * named graphs, example resources, licence). Counted from the store and kept until the store is
 * written to (any write transaction, through updates or load jobs), so discovery requests do not
 * scan a large store each time yet never describe an old state.
 */
public final class DatasetDescription {
    public static final String SD = "http://www.w3.org/ns/sparql-service-description#";
    public static final String VOID = "http://rdfs.org/ns/void#";
    static final String FORMATS = "http://www.w3.org/ns/formats/";
    /** The IRI of the VoID dataset description. */
    public static final Node DATASET = NodeFactory.createURI(Ids.BASE + "dataset");
    private final DatasetGraph dsg;
    private final DatasetLinks links;
    private final UntilWritten<Graph> cached;

    /** The description of the dataset, with the links another concern adds ({@link DatasetLinks#NONE} for none). */
    public DatasetDescription(DatasetGraph dsg, DatasetLinks links) {
        this.dsg = dsg;
        this.links = links;
        this.cached = new UntilWritten<>(dsg);
    }

    /** The description, for a server whose base URL is given (the endpoint IRIs depend on it). */
    Graph describe(String baseUrl) {
        return cached.get(java.util.Arrays.asList(baseUrl, links.state()), () -> Txn.calculateRead(dsg, () -> build(baseUrl)));
    }

    private Graph build(String baseUrl) {
        Graph g = GraphFactory.createDefaultGraph();
        g.getPrefixMapping().setNsPrefix("sd", SD).setNsPrefix("void", VOID).setNsPrefix("formats", FORMATS)
         .setNsPrefix("dcterms", DCTerms.NS).setNsPrefix("rdfs", RDFS.uri).setNsPrefix("ctkg", Ids.BASE + "ontology#")
         .setNsPrefix("graph", Ids.GRAPH).setNsPrefix("xsd", "http://www.w3.org/2001/XMLSchema#");
        Dataset ds = DatasetFactory.wrap(dsg);
        Node service = uri(baseUrl + "/" + CtkgServer.DATASET + "/sparql#service");
        Node endpoint = uri(baseUrl + "/" + CtkgServer.DATASET + "/sparql");
        add(g, service, RDF.Nodes.type, uri(SD + "Service"));
        add(g, service, uri(SD + "endpoint"), endpoint);
        add(g, service, uri(SD + "supportedLanguage"), uri(SD + "SPARQL11Query"));
        for (String feature : new String[] {"UnionDefaultGraph", "BasicFederatedQuery"})
            add(g, service, uri(SD + "feature"), uri(SD + feature));
        for (String f : new String[] {"SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                                      "Turtle", "N-Triples", "RDF_XML", "JSON-LD", "TriG", "N-Quads"})
            add(g, service, uri(SD + "resultFormat"), uri(FORMATS + f));
        Node sdDataset = uri(baseUrl + "/" + CtkgServer.DATASET + "/sparql#dataset");
        add(g, service, uri(SD + "defaultDataset"), sdDataset);
        add(g, sdDataset, RDF.Nodes.type, uri(SD + "Dataset"));
        add(g, sdDataset, uri(VOID + "inDataset"), DATASET);
        Node defaultGraph = uri(baseUrl + "/" + CtkgServer.DATASET + "/sparql#default-graph");
        add(g, sdDataset, uri(SD + "defaultGraph"), defaultGraph);
        add(g, defaultGraph, RDF.Nodes.type, uri(SD + "Graph"));
        add(g, defaultGraph, RDFS.Nodes.comment, NodeFactory.createLiteralString("The union of the named graphs."));

        // VoID
        add(g, DATASET, RDF.Nodes.type, uri(VOID + "Dataset"));
        add(g, DATASET, DCTerms.title.asNode(), NodeFactory.createLiteralLang("Counter-Trafficking Knowledge Graph", "en"));
        add(g, DATASET, DCTerms.description.asNode(), NodeFactory.createLiteralLang(
                "An open knowledge graph about human trafficking: actors, crimes and harms, legal instruments, recommendations, and the sources, claims and statistics behind every statement.", "en"));
        add(g, DATASET, DCTerms.license.asNode(), uri("https://creativecommons.org/licenses/by/4.0/"));
        add(g, DATASET, uri(VOID + "sparqlEndpoint"), endpoint);
        add(g, DATASET, uri(VOID + "uriSpace"), NodeFactory.createLiteralString(Ids.ID));
        add(g, DATASET, uri(VOID + "vocabulary"), uri(Ids.ONTOLOGY));
        long triples = count(ds, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }");
        add(g, DATASET, uri(VOID + "triples"), integer(triples));
        add(g, defaultGraph, uri(VOID + "triples"), integer(triples));
        add(g, DATASET, uri(VOID + "distinctSubjects"), integer(count(ds, "SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s ?p ?o }")));
        add(g, DATASET, uri(VOID + "properties"), integer(count(ds, "SELECT (COUNT(DISTINCT ?p) AS ?n) { ?s ?p ?o }")));
        add(g, DATASET, uri(VOID + "classes"), integer(count(ds, "SELECT (COUNT(DISTINCT ?c) AS ?n) { ?s a ?c }")));
        for (String example : new String[] {"instrument/palermo-protocol", "recommendation/expand-national-action-plan", "statistic/ilo-25-million-victims"})
            if (dsg.getUnionGraph().contains(uri(Ids.ID + example), Node.ANY, Node.ANY))
                add(g, DATASET, uri(VOID + "exampleResource"), uri(Ids.ID + example));
        rows(ds, "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) { ?s a ?c } GROUP BY ?c ORDER BY ?c", (c, n) -> {
            Node part = NodeFactory.createBlankNode();
            add(g, DATASET, uri(VOID + "classPartition"), part);
            add(g, part, uri(VOID + "class"), c);
            add(g, part, uri(VOID + "entities"), n);
        });
        rows(ds, "SELECT ?p (COUNT(*) AS ?n) { ?s ?p ?o } GROUP BY ?p ORDER BY ?p", (p, n) -> {
            Node part = NodeFactory.createBlankNode();
            add(g, DATASET, uri(VOID + "propertyPartition"), part);
            add(g, part, uri(VOID + "property"), p);
            add(g, part, uri(VOID + "triples"), n);
        });
        rows(ds, "SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g", (graphName, n) -> {
            Node named = NodeFactory.createBlankNode();
            Node graph = NodeFactory.createBlankNode();
            add(g, sdDataset, uri(SD + "namedGraph"), named);
            add(g, named, RDF.Nodes.type, uri(SD + "NamedGraph"));
            add(g, named, uri(SD + "name"), graphName);
            add(g, named, uri(SD + "graph"), graph);
            add(g, graph, RDF.Nodes.type, uri(SD + "Graph"));
            add(g, graph, uri(VOID + "triples"), n);
            add(g, DATASET, uri(VOID + "subset"), graphName);
            add(g, graphName, RDF.Nodes.type, uri(VOID + "Dataset"));
            add(g, graphName, uri(VOID + "triples"), n);
        });
        links.addTo(g, DATASET, baseUrl);
        return g;
    }

    private interface Row {
        void accept(Node key, Node count);
    }

    private static void rows(Dataset ds, String query, Row row) {
        try (QueryExecution qe = QueryExecution.create(query, ds)) {
            ResultSet rs = qe.execSelect();
            while (rs.hasNext()) {
                QuerySolution s = rs.next();
                row.accept(s.get(rs.getResultVars().get(0)).asNode(), integer(s.getLiteral("n").getLong()));
            }
        }
    }

    private static long count(Dataset ds, String query) {
        try (QueryExecution qe = QueryExecution.create(query, ds)) {
            return qe.execSelect().next().getLiteral("n").getLong();
        }
    }

    private static void add(Graph g, Node s, Node p, Node o) {
        g.add(s, p, o);
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }

    private static Node integer(long n) {
        return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
    }
}
