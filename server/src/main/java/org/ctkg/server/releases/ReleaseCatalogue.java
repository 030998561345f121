package org.ctkg.server.releases;

import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.ctkg.ontology.Ids;
import org.ctkg.server.CtkgServer;
import org.ctkg.server.http.DatasetDescription;
import org.ctkg.server.http.DatasetLinks;

/**
 * The releases as RDF, and how the VoID and DCAT descriptions of ctkg point at each other. The
 * DCAT catalogue of {@code /downloads} is every release's own {@code catalog.ttl}, under a
 * {@code dcat:Catalog} of all of them ({@code https://w3id.org/ctkg/releases}) that lists their
 * catalogues ({@code dcat:catalog}) and ctkg's dataset, whose versions the releases are
 * ({@code dcat:hasVersion}, {@code dcat:hasCurrentVersion}: DCAT 3, section "Versioning"; each
 * release already says {@code dcterms:isVersionOf} it). The dataset is the one the VoID
 * description describes, and each description names the other's document with
 * {@code rdfs:seeAlso}; VoID also gets the latest release's dump as {@code void:dataDump} (VoID,
 * section 3.3: several values would be parts of one dump, not versions, so only the latest).
 */
final class ReleaseCatalogue implements DatasetLinks {
    static final Node CATALOG = NodeFactory.createURI(Ids.BASE + "releases");
    private static final String VOID = DatasetDescription.VOID;
    private static final String DCAT = ServedRelease.DCAT;

    private final ReleaseShelf shelf;

    ReleaseCatalogue(ReleaseShelf shelf) {
        this.shelf = shelf;
    }

    /** The catalogue of the releases, for a server at this base URL. */
    Graph catalogue(String baseUrl) {
        Graph g = GraphFactory.createDefaultGraph();
        g.getPrefixMapping().setNsPrefix("dcat", DCAT).setNsPrefix("dcterms", DCTerms.NS).setNsPrefix("void", VOID)
                .setNsPrefix("rdfs", RDFS.uri).setNsPrefix("spdx", "http://spdx.org/rdf/terms#").setNsPrefix("prov", "http://www.w3.org/ns/prov#")
                .setNsPrefix("xsd", "http://www.w3.org/2001/XMLSchema#");
        Node dataset = DatasetDescription.DATASET;
        g.add(CATALOG, RDF.Nodes.type, uri(DCAT + "Catalog"));
        g.add(CATALOG, DCTerms.title.asNode(), en("Releases of the Counter-Trafficking Knowledge Graph"));
        g.add(CATALOG, DCTerms.description.asNode(), en("Every release of ctkg this server offers: fixed, verifiable versions of its public graphs, "
                + "each with its files, checksums and the change since the release before."));
        g.add(CATALOG, uri(DCAT + "dataset"), dataset);
        g.add(dataset, RDF.Nodes.type, uri(DCAT + "Dataset"));
        g.add(dataset, DCTerms.title.asNode(), en("Counter-Trafficking Knowledge Graph"));
        g.add(dataset, DCTerms.description.asNode(), en("ctkg, an open knowledge graph about human trafficking, in all its versions; "
                + "its statistics are in the VoID description."));
        g.add(dataset, RDFS.Nodes.seeAlso, uri(baseUrl + "/" + CtkgServer.DATASET + "/void"));
        List<ServedRelease> releases = shelf.releases();
        for (ServedRelease r : releases) {
            r.catalogue().find().forEachRemaining(g::add);
            g.add(CATALOG, uri(DCAT + "catalog"), uri(ServedRelease.iri(r.version()).getURI() + "/catalog"));
            g.add(dataset, uri(DCAT + "hasVersion"), ServedRelease.iri(r.version()));
        }
        if (!releases.isEmpty())
            g.add(dataset, uri(DCAT + "hasCurrentVersion"), ServedRelease.iri(releases.get(0).version()));
        return g;
    }

    @Override
    public Object state() {
        return shelf.state();
    }

    @Override
    public void addTo(Graph description, Node dataset, String baseUrl) {
        if (!shelf.configured())
            return;
        description.getPrefixMapping().setNsPrefix("dcat", DCAT);
        description.add(dataset, RDFS.Nodes.seeAlso, uri(baseUrl + DownloadsPage.PATH));
        List<ServedRelease> releases = shelf.releases();
        for (ServedRelease r : releases)
            description.add(dataset, uri(DCAT + "hasVersion"), ServedRelease.iri(r.version()));
        if (releases.isEmpty())
            return;
        ServedRelease latest = releases.get(0);
        description.add(dataset, uri(DCAT + "hasCurrentVersion"), ServedRelease.iri(latest.version()));
        description.add(dataset, uri(VOID + "dataDump"), uri(baseUrl + href(latest, latest.dump())));
    }

    /** Where this server serves a release's file. */
    static String href(ServedRelease release, ServedFile file) {
        return ReleaseFiles.PATH + "/" + release.version() + "/" + file.name();
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }

    private static Node en(String text) {
        return NodeFactory.createLiteralLang(text, "en");
    }
}
