package org.ctkg.server.releases;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDFS;
import org.ctkg.loader.prov.Provenance;
import org.ctkg.server.ld.Link;
import org.ctkg.server.ld.LinkedData;

/**
 * A resource's history and how to cite it, for its page. The history: the load jobs that wrote a
 * graph holding the resource's statements (the provenance graph records, per job, the graphs it
 * changed and its end, so a job is named by the graphs it wrote, not by statement), newest first;
 * and the releases whose change since the release before added or removed statements about it
 * (or, for a release without one before, that hold it), newest first. The citation names the
 * latest release that holds the resource ({@link Citation}). Everything is read through the served
 * dataset, and a job is shown only with the graphs of the resource that dataset shows.
 */
public final class ResourceHistory {
    /** The most load jobs a history lists. */
    static final int MAX_JOBS = 50;
    private static final Query JOBS = QueryFactory.create(StoreFacts.PREFIXES + """
            SELECT DISTINCT ?job ?ended ?g ?added ?removed {
              GRAPH ?prov { ?job ctkg:changedGraph ?change ; prov:endedAtTime ?ended . ?change ctkg:graph ?g .
                            OPTIONAL { ?change ctkg:triplesAdded ?added } OPTIONAL { ?change ctkg:triplesRemoved ?removed } }
              FILTER EXISTS { GRAPH ?g { ?r ?p ?o } }
            } ORDER BY DESC(?ended) ?job ?g LIMIT 1000""");
    private static final Node SKOS_PREF_LABEL = NodeFactory.createURI("http://www.w3.org/2004/02/skos/core#prefLabel");

    private final DatasetGraph dsg;
    private final ReleaseShelf shelf;
    private final StoreFacts facts;
    private final LinkedData.Iris iris;

    ResourceHistory(DatasetGraph served, ReleaseShelf shelf, StoreFacts facts, LinkedData.Iris iris) {
        this.dsg = served;
        this.shelf = shelf;
        this.facts = facts;
        this.iris = iris;
    }

    /** What a resource page shows: the history and the citation; {@code citeHref} + a format downloads the citation. */
    public record History(List<Job> jobs, boolean moreJobs, List<ReleaseStep> releases, boolean releasesServed, Citation citation, String citeHref) {}

    /** A load job, when it ended, and the graphs of the resource it wrote. */
    public record Job(Link job, String ended, List<Write> graphs) {}

    /** A graph a job wrote: triples added and removed (of the whole graph). */
    public record Write(Link graph, long added, long removed) {}

    /** A release that changed the resource: what it did to the resource's statements. */
    public record ReleaseStep(String version, String date, String href, String what) {}

    /** The history and citation of a resource whose page is titled {@code title}. */
    public History of(Node resource, String title) {
        List<Job> jobs = Txn.calculateRead(dsg, () -> jobs(resource));
        List<ServedRelease> releases = shelf.releases();
        List<ReleaseStep> steps = new ArrayList<>();
        for (ServedRelease r : releases) {
            ReleaseContents contents = r.contents();
            ReleaseContents.Change change = contents.change(resource);
            String href = DownloadsPage.PATH + ".html#release-" + r.version();
            if (change != null)
                steps.add(new ReleaseStep(r.version(), r.date().toString(), href, statements(change.added()) + " added, " + change.removed()
                        + " removed since release " + r.previousVersion()));
            else if (r.previousVersion() == null && contents.holds(resource))
                steps.add(new ReleaseStep(r.version(), r.date().toString(), href, "holds its statements (no release before it to compare with)"));
        }
        String citeHref = CitationServlet.PATH + "?iri=" + URLEncoder.encode(resource.getURI(), StandardCharsets.UTF_8) + "&format=";
        return new History(jobs.size() > MAX_JOBS ? jobs.subList(0, MAX_JOBS) : jobs, jobs.size() > MAX_JOBS, steps, shelf.configured(),
                citation(resource, title, releases), citeHref);
    }

    /** The citation of a resource, or null when the store says nothing about it. */
    Citation citation(Node resource) {
        String title = Txn.calculateRead(dsg, () -> {
            if (!dsg.getUnionGraph().contains(resource, Node.ANY, Node.ANY) && !dsg.getUnionGraph().contains(Node.ANY, Node.ANY, resource))
                return null;
            String label = label(resource);
            return label != null ? label : resource.getURI();
        });
        return title == null ? null : citation(resource, title, shelf.releases());
    }

    private Citation citation(Node resource, String title, List<ServedRelease> releases) {
        StoreFacts.Facts now = facts.now();
        for (ServedRelease r : releases)
            if (r.contents().holds(resource))
                return Citation.of(resource.getURI(), title, now.creator().name(), r.version(), r.date());
        LocalDate asOf = now.lastJob().map(t -> LocalDate.ofInstant(t, ZoneOffset.UTC)).orElse(LocalDate.now(ZoneOffset.UTC));
        return Citation.of(resource.getURI(), title, now.creator().name(), null, asOf);
    }

    /** The jobs that wrote the resource's graphs, newest first, each with those graphs. */
    private List<Job> jobs(Node resource) {
        Map<Node, Job> jobs = new LinkedHashMap<>();
        StoreFacts.select(dsg, JOBS, Map.of("r", resource, "prov", Provenance.GRAPH), row -> {
            Node job = row.get(Var.alloc("job"));
            Job j = jobs.computeIfAbsent(job, k -> new Job(link(k), ended(row), new ArrayList<>()));
            j.graphs().add(new Write(link(row.get(Var.alloc("g"))), count(row, "added"), count(row, "removed")));
        });
        return List.copyOf(jobs.values());
    }

    private static String statements(int n) {
        return n + (n == 1 ? " statement" : " statements");
    }

    private Link link(Node n) {
        String iri = n.getURI();
        return Link.of(iri.substring(Math.max(iri.lastIndexOf('/'), iri.lastIndexOf('#')) + 1), iris.localHref(iri));
    }

    private static String ended(Binding row) {
        String t = row.get(Var.alloc("ended")).getLiteralLexicalForm();
        try {
            return Instant.parse(t).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString().replace('T', ' ').replace("Z", " UTC");
        } catch (java.time.format.DateTimeParseException e) {
            return t;
        }
    }

    private static long count(Binding row, String var) {
        Node n = row.get(Var.alloc(var));
        try {
            return n == null ? 0 : Long.parseLong(n.getLiteralLexicalForm());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The resource's rdfs:label, else skos:prefLabel; English when there is one. */
    private String label(Node resource) {
        for (Node p : new Node[] {RDFS.Nodes.label, SKOS_PREF_LABEL}) {
            String best = null;
            for (var it = dsg.getUnionGraph().find(resource, p, Node.ANY); it.hasNext(); ) {
                Node o = it.next().getObject();
                if (o.isLiteral() && (best == null || "en".equals(o.getLiteralLanguage())))
                    best = o.getLiteralLexicalForm();
            }
            if (best != null)
                return best;
        }
        return null;
    }
}
