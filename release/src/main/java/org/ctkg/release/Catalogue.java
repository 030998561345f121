package org.ctkg.release;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.ctkg.ontology.Ids;

/**
 * A release's {@code catalog.ttl}: a DCAT 3 {@code dcat:Catalog} listing a {@code dcat:Dataset} for
 * the release of ctkg and one per released graph, each with VoID statistics and its distributions
 * (download URL, size, media type, SHA-256 as {@code spdx:checksum}). What it says about a graph's
 * title, description, source and licence is only what the released graphs say about that graph or
 * its {@code dcterms:source}, and what the provenance graph records of the jobs that wrote it: a
 * licence is never supplied; where the store states none, {@code dcterms:rights} says so.
 * <p>Its IRIs: the release {@code https://w3id.org/ctkg/release/{V}}, the catalogue {@code …/catalog},
 * a graph's dataset {@code …/{file name without graphs/ and .ttl}}, a file's distribution
 * {@code …/file/{file name}} and its checksum {@code …#sha256}.
 */
final class Catalogue {
    static final String FILE = "catalog.ttl";
    static final String DCAT = "http://www.w3.org/ns/dcat#";
    static final String VOID = "http://rdfs.org/ns/void#";
    static final String SPDX = "http://spdx.org/rdf/terms#";
    static final String PROV = "http://www.w3.org/ns/prov#";
    static final String MEDIA = "https://www.iana.org/assignments/media-types/";
    /** The dataset the server describes in VoID: ctkg, whatever its version. */
    static final Node CTKG_DATASET = NodeFactory.createURI(Ids.BASE + "dataset");
    private static final Node PROVENANCE = Ids.graph("provenance");

    /** What the catalogue describes; {@code files}: name → size and SHA-256 of each file written so far. */
    record Input(String version, LocalDate date, String baseUrl, String previousVersion, CanonicalDump dump,
                 String dumpFile, Map<String, FileFacts> files, List<String> notes) {}

    /** A written file's size and SHA-256. */
    record FileFacts(long bytes, String sha256) {}

    private final Graph g = GraphFactory.createDefaultGraph();
    private final Input in;
    private final DatasetGraph store;
    private final List<Node> released;

    private Catalogue(Input in, DatasetGraph store) {
        this.in = in;
        this.store = store;
        this.released = in.dump().graphs().stream().map(CanonicalDump.GraphContent::graph).toList();
    }

    /** The release's IRI. */
    static Node releaseIri(String version) {
        return NodeFactory.createURI(Ids.BASE + "release/" + version);
    }

    /** Builds the catalogue; reads what the store says about its graphs, so call inside a read transaction. */
    static Graph build(Input in, DatasetGraph store) {
        return new Catalogue(in, store).build();
    }

    /** Writes the catalogue as Turtle in canonical order. */
    static void write(Graph catalogue, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            GraphFiles.writeSorted(catalogue, out);
        }
    }

    private Graph build() {
        Node release = releaseIri(in.version());
        Node catalog = uri(release.getURI() + "/catalog");
        add(catalog, RDF.Nodes.type, uri(DCAT + "Catalog"));
        add(catalog, DCTerms.title.asNode(), en("Counter-Trafficking Knowledge Graph, release " + in.version()));
        add(catalog, DCTerms.description.asNode(), en("The files of ctkg release " + in.version() + ": the public graphs as N-Quads and as Turtle per graph, with their checksums."));
        add(catalog, DCTerms.issued.asNode(), date());
        add(catalog, uri(DCAT + "dataset"), release);

        add(release, RDF.Nodes.type, uri(DCAT + "Dataset"));
        add(release, RDF.Nodes.type, uri(VOID + "Dataset"));
        add(release, DCTerms.title.asNode(), en("Counter-Trafficking Knowledge Graph " + in.version()));
        add(release, DCTerms.description.asNode(), en("Release " + in.version() + " of ctkg, an open knowledge graph about human trafficking: "
                + released.size() + " named graphs, one per source, and the record of the jobs that loaded them."));
        add(release, uri(DCAT + "version"), NodeFactory.createLiteralString(in.version()));
        add(release, DCTerms.issued.asNode(), date());
        add(release, DCTerms.isVersionOf.asNode(), CTKG_DATASET);
        if (in.previousVersion() != null)
            add(release, uri(DCAT + "previousVersion"), releaseIri(in.previousVersion()));
        licence(release, List.of(CTKG_DATASET), "ctkg as a whole; each graph's dataset says what the store states for that graph");
        statistics(release, in.dump().graphs());
        distribution(release, in.dumpFile(), "application/n-quads", true);
        for (String note : in.notes())
            add(release, RDFS.Nodes.seeAlso, uri(in.baseUrl() + in.version() + "/" + note));

        for (CanonicalDump.GraphContent content : in.dump().graphs())
            graphDataset(release, catalog, content);
        return g;
    }

    private void graphDataset(Node release, Node catalog, CanonicalDump.GraphContent content) {
        Node graph = content.graph();
        String file = GraphFiles.fileName(graph);
        Node ds = uri(release.getURI() + "/" + file.substring(GraphFiles.FOLDER.length() + 1, file.length() - 4));
        add(catalog, uri(DCAT + "dataset"), ds);
        add(release, DCTerms.hasPart.asNode(), ds);
        add(ds, DCTerms.isPartOf.asNode(), release);
        add(ds, RDF.Nodes.type, uri(DCAT + "Dataset"));
        add(ds, RDF.Nodes.type, uri(VOID + "Dataset"));
        add(ds, uri(DCAT + "version"), NodeFactory.createLiteralString(in.version()));
        add(ds, DCTerms.issued.asNode(), date());
        boolean isDefault = Quad.isDefaultGraph(graph);
        if (!isDefault)
            add(ds, DCTerms.isVersionOf.asNode(), graph);
        Set<Node> sources = isDefault ? Set.of() : said(graph, DCTerms.source.asNode());
        Set<Node> titles = isDefault ? Set.of() : said(graph, DCTerms.title.asNode());
        if (titles.isEmpty() && !isDefault)
            titles = said(graph, RDFS.Nodes.label);
        if (titles.isEmpty())
            titles = Set.of(en(isDefault ? "The default graph" : "The named graph " + graph.getURI()));
        titles.forEach(t -> add(ds, DCTerms.title.asNode(), t));
        Set<Node> descriptions = isDefault ? Set.of() : said(graph, DCTerms.description.asNode());
        for (Node s : sources)
            if (descriptions.isEmpty())
                descriptions = said(s, DCTerms.description.asNode());
        if (descriptions.isEmpty())
            descriptions = Set.of(en("The statements of " + (isDefault ? "the default graph" : "the named graph " + graph.getURI()) + " in ctkg release " + in.version() + "."));
        descriptions.forEach(d -> add(ds, DCTerms.description.asNode(), d));
        for (Node s : sources)
            add(ds, DCTerms.source.asNode(), s);
        if (!isDefault)
            provenance(ds, graph);
        List<Node> described = new java.util.ArrayList<>();
        if (!isDefault)
            described.add(graph);
        described.addAll(sources);
        licence(ds, described, "this graph");
        statistics(ds, List.of(content));
        distribution(ds, file, "text/turtle", false);
    }

    /** The input files of the jobs that wrote the graph, and the jobs, as the provenance graph records them. */
    private void provenance(Node ds, Node graph) {
        if (!released.contains(PROVENANCE))
            return;
        store.find(PROVENANCE, graph, uri(PROV + "wasGeneratedBy"), Node.ANY).forEachRemaining(q -> {
            add(ds, uri(PROV + "wasGeneratedBy"), q.getObject());
            store.find(PROVENANCE, q.getObject(), uri(PROV + "used"), Node.ANY)
                    .forEachRemaining(u -> add(ds, uri(PROV + "wasDerivedFrom"), u.getObject()));
        });
    }

    /** The licences and rights the store states for these resources; when it states no licence, a rights statement that says so. */
    private void licence(Node ds, List<Node> described, String what) {
        Set<Node> licences = new TreeSet<>(BY_TEXT);
        Set<Node> rights = new TreeSet<>(BY_TEXT);
        for (Node d : described) {
            licences.addAll(said(d, DCTerms.license.asNode()));
            rights.addAll(said(d, DCTerms.rights.asNode()));
        }
        licences.forEach(l -> add(ds, DCTerms.license.asNode(), l));
        rights.forEach(r -> add(ds, DCTerms.rights.asNode(), r));
        if (licences.isEmpty())
            add(ds, DCTerms.rights.asNode(), en("No licence is stated in the store for " + what + "."));
    }

    private void statistics(Node ds, List<CanonicalDump.GraphContent> contents) {
        long triples = 0;
        Set<Node> subjects = new HashSet<>(), properties = new HashSet<>(), objects = new HashSet<>(), classes = new HashSet<>();
        for (CanonicalDump.GraphContent c : contents)
            for (Triple t : c.triples()) {
                triples++;
                subjects.add(t.getSubject());
                properties.add(t.getPredicate());
                objects.add(t.getObject());
                if (t.getPredicate().equals(RDF.Nodes.type))
                    classes.add(t.getObject());
            }
        add(ds, uri(VOID + "triples"), integer(triples));
        add(ds, uri(VOID + "distinctSubjects"), integer(subjects.size()));
        add(ds, uri(VOID + "properties"), integer(properties.size()));
        add(ds, uri(VOID + "distinctObjects"), integer(objects.size()));
        add(ds, uri(VOID + "classes"), integer(classes.size()));
    }

    private void distribution(Node ds, String file, String mediaType, boolean gzipped) {
        FileFacts facts = in.files().get(file);
        Node dist = uri(releaseIri(in.version()).getURI() + "/file/" + file);
        Node url = uri(in.baseUrl() + in.version() + "/" + file);
        add(ds, uri(DCAT + "distribution"), dist);
        add(ds, uri(VOID + "dataDump"), url);
        add(dist, RDF.Nodes.type, uri(DCAT + "Distribution"));
        add(dist, DCTerms.title.asNode(), NodeFactory.createLiteralString(file));
        add(dist, DCTerms.description.asNode(), en((gzipped ? "Gzipped N-Quads" : "Turtle") + ", statements in canonical order."));
        add(dist, uri(DCAT + "downloadURL"), url);
        add(dist, uri(DCAT + "accessURL"), url);
        add(dist, uri(DCAT + "mediaType"), uri(MEDIA + mediaType));
        if (gzipped)
            add(dist, uri(DCAT + "compressFormat"), uri(MEDIA + "application/gzip"));
        add(dist, uri(DCAT + "byteSize"), NodeFactory.createLiteralDT(Long.toString(facts.bytes()), XSDDatatype.XSDnonNegativeInteger));
        g.find(ds, DCTerms.license.asNode(), Node.ANY).toList().forEach(t -> add(dist, DCTerms.license.asNode(), t.getObject()));
        g.find(ds, DCTerms.rights.asNode(), Node.ANY).toList().forEach(t -> add(dist, DCTerms.rights.asNode(), t.getObject()));
        Node checksum = uri(dist.getURI() + "#sha256");
        add(dist, uri(SPDX + "checksum"), checksum);
        add(checksum, RDF.Nodes.type, uri(SPDX + "Checksum"));
        add(checksum, uri(SPDX + "algorithm"), uri(SPDX + "checksumAlgorithm_sha256"));
        add(checksum, uri(SPDX + "checksumValue"), NodeFactory.createLiteralDT(facts.sha256(), XSDDatatype.XSDhexBinary));
    }

    /** What the released graphs say about a resource with this predicate. */
    private Set<Node> said(Node subject, Node predicate) {
        Set<Node> values = new TreeSet<>(BY_TEXT);
        for (Node graph : released)
            store.find(graph, subject, predicate, Node.ANY).forEachRemaining(q -> values.add(q.getObject()));
        return values;
    }

    private static final Comparator<Node> BY_TEXT = Comparator.comparing(NodeFmtLib::strNT);

    private void add(Node s, Node p, Node o) {
        g.add(s, p, o);
    }

    private Node date() {
        return NodeFactory.createLiteralDT(in.date().toString(), XSDDatatype.XSDdate);
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }

    private static Node en(String text) {
        return NodeFactory.createLiteralLang(text, "en");
    }

    private static Node integer(long n) {
        return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
    }
}
