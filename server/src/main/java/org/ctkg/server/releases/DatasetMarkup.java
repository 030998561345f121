package org.ctkg.server.releases;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.ctkg.server.http.DatasetDescription;

/**
 * The home page's schema.org {@code Dataset} markup, the JSON-LD that dataset search engines read
 * (Google Dataset Search, from a {@code <script type="application/ld+json">}; it is data, not
 * script, so the Content-Security-Policy has nothing to allow): name, description, the home page,
 * identifier, licence, creator, the sources it is based on ({@code isBasedOn}, from each graph's
 * {@code dcterms:source}), its graphs ({@code hasPart}), keywords, and, when releases are served,
 * the latest one's version, dates and files ({@code DataDownload}: URL, media type, size,
 * SHA-256) and the catalogue of all of them. Its context is written in the document
 * ({@code "@vocab": "https://schema.org/"}), so that reading it needs no request for a remote
 * context. What the data covers ({@code temporalCoverage}, {@code spatialCoverage},
 * {@code variableMeasured}) is computed from the store ({@link Coverage}); {@code citation} names
 * the source documents, which whoever cites a figure from ctkg should cite too. A funder or another
 * page about the dataset ({@code sameAs}) appears only when the store states one: ctkg's own
 * content names neither, and they are left out rather than made up.
 */
public final class DatasetMarkup {
    static final String NAME = "Counter-Trafficking Knowledge Graph";
    static final String DESCRIPTION = "An open knowledge graph about human trafficking: the actors behind it and against it, the crimes it knits "
            + "together and the harms they cause, the laws and plans that address it, what experts recommend, and the source, quote and "
            + "figure behind every statement. Queryable in SPARQL; every IRI opens as a page or as RDF.";
    static final String LICENCE = "https://creativecommons.org/licenses/by/4.0/";
    private static final List<String> KEYWORDS = List.of("human trafficking", "forced labour", "modern slavery", "counter-trafficking",
            "knowledge graph", "linked data", "SPARQL", "TIP Report");

    private final ReleaseShelf shelf;
    private final StoreFacts facts;
    private final Coverage coverage;

    DatasetMarkup(ReleaseShelf shelf, StoreFacts facts, Coverage coverage) {
        this.shelf = shelf;
        this.facts = facts;
        this.coverage = coverage;
    }

    /** The markup for a server at this base URL, to stand inside the page's script element. */
    public ScriptData forPage(String baseUrl) {
        return ScriptData.of(describe(baseUrl));
    }

    JsonObject describe(String baseUrl) {
        StoreFacts.Facts now = facts.now();
        JsonObject context = new JsonObject();
        context.put("@vocab", "https://schema.org/");
        JsonObject d = new JsonObject();
        d.put("@context", context);
        d.put("@type", "Dataset");
        d.put("@id", DatasetDescription.DATASET.getURI());
        d.put("name", NAME);
        d.put("alternateName", "ctkg");
        d.put("description", DESCRIPTION);
        d.put("url", baseUrl + "/");
        d.put("identifier", DatasetDescription.DATASET.getURI());
        d.put("license", LICENCE);
        d.put("isAccessibleForFree", true);
        JsonObject creator = typed("Organization");
        if (now.creator().iri() != null)
            creator.put("@id", now.creator().iri());
        creator.put("name", now.creator().name());
        d.put("creator", creator);
        d.put("publisher", creator);
        JsonArray keywords = new JsonArray();
        KEYWORDS.forEach(keywords::add);
        d.put("keywords", keywords);
        d.put("measurementTechnique", "Statements curated by hand from published documents, each in the named graph of its source, and tables "
                + "mapped with RML, all validated against ctkg's SHACL shapes; every load job recorded with PROV-O");
        basedOnAndParts(d, now.sources());
        stated(d, now.stated());
        covered(d, coverage.now());
        Optional<ServedRelease> latest = shelf.latest();
        Optional<LocalDate> modified = now.lastJob().map(t -> LocalDate.ofInstant(t, ZoneOffset.UTC));
        latest.ifPresent(r -> {
            d.put("version", r.version());
            d.put("datePublished", r.date().toString());
            JsonArray downloads = new JsonArray();
            for (ServedFile f : r.files())
                if (f.intact() && (f.name().endsWith(".nq.gz") || f.name().startsWith("graphs/")))
                    downloads.add(download(baseUrl, r, f));
            d.put("distribution", downloads);
        });
        modified.or(() -> latest.map(ServedRelease::date)).ifPresent(day -> d.put("dateModified", day.toString()));
        if (shelf.configured()) {
            JsonObject catalog = typed("DataCatalog");
            catalog.put("@id", ReleaseCatalogue.CATALOG.getURI());
            catalog.put("name", "Releases of the " + NAME);
            catalog.put("url", baseUrl + DownloadsPage.PATH);
            d.put("includedInDataCatalog", catalog);
        }
        return d;
    }

    /** {@code isBasedOn}: each source document once; {@code hasPart}: each source graph, with what it is based on. */
    private static void basedOnAndParts(JsonObject d, List<StoreFacts.Source> sources) {
        Map<String, JsonObject> works = new LinkedHashMap<>();
        Map<String, JsonObject> parts = new LinkedHashMap<>();
        for (StoreFacts.Source s : sources) {
            JsonObject work = works.computeIfAbsent(s.iri(), iri -> {
                JsonObject w = typed("CreativeWork");
                w.put("@id", iri);
                w.put("name", s.name());
                if (s.url() != null)
                    w.put("url", s.url());
                return w;
            });
            JsonObject part = parts.computeIfAbsent(s.graph(), graph -> {
                JsonObject p = typed("Dataset");
                p.put("@id", graph);
                p.put("name", s.graphLabel());
                p.put("description", s.description() != null ? s.description() : "The statements of " + s.graphLabel() + ", from " + s.name() + ".");
                p.put("isBasedOn", new JsonArray());
                return p;
            });
            part.get("isBasedOn").getAsArray().add(reference(work));
        }
        JsonArray basedOn = new JsonArray(), citation = new JsonArray(), hasPart = new JsonArray();
        works.values().forEach(w -> {
            basedOn.add(w);
            citation.add(reference(w));
        });
        parts.values().forEach(p -> {
            p.put("isPartOf", reference(d));
            hasPart.add(p);
        });
        d.put("isBasedOn", basedOn);
        if (!citation.isEmpty())
            d.put("citation", citation);
        d.put("hasPart", hasPart);
    }

    /** {@code funder} and {@code sameAs}, as the store states them of the dataset. */
    private static void stated(JsonObject d, StoreFacts.Stated stated) {
        JsonArray funders = new JsonArray(), sameAs = new JsonArray();
        for (StoreFacts.Agent f : stated.funders()) {
            JsonObject funder = new JsonObject();
            if (f.iri() != null)
                funder.put("@id", f.iri());
            if (f.name() != null)
                funder.put("name", f.name());
            funders.add(funder);
        }
        stated.sameAs().forEach(sameAs::add);
        if (!funders.isEmpty())
            d.put("funder", funders);
        if (!sameAs.isEmpty())
            d.put("sameAs", sameAs);
    }

    /** {@code temporalCoverage}, {@code spatialCoverage} and {@code variableMeasured}, each when the store has any. */
    private static void covered(JsonObject d, Coverage.Facts covered) {
        covered.years().ifPresent(y -> d.put("temporalCoverage", y.interval()));
        JsonArray places = new JsonArray(), variables = new JsonArray();
        for (Coverage.Country c : covered.countries()) {
            JsonObject place = typed("Country");
            place.put("@id", c.iri());
            if (c.name() != null)
                place.put("name", c.name());
            if (c.code() != null)
                place.put("identifier", c.code());
            places.add(place);
        }
        for (Coverage.Measure m : covered.measures()) {
            JsonObject variable = typed("PropertyValue");
            variable.put("propertyID", m.iri());
            variable.put("name", m.name() != null ? m.name() : m.iri());
            if (m.description() != null)
                variable.put("description", m.description());
            variables.add(variable);
        }
        if (!places.isEmpty())
            d.put("spatialCoverage", places);
        if (!variables.isEmpty())
            d.put("variableMeasured", variables);
    }

    private static JsonObject download(String baseUrl, ServedRelease r, ServedFile f) {
        JsonObject download = typed("DataDownload");
        download.put("name", f.name());
        download.put("contentUrl", baseUrl + ReleaseCatalogue.href(r, f));
        download.put("encodingFormat", f.name().endsWith(".nq.gz") ? "application/n-quads" : "text/turtle");
        download.put("contentSize", f.bytes() + " B");
        download.put("sha256", f.sha256());
        return download;
    }

    private static JsonObject reference(JsonObject work) {
        JsonObject ref = new JsonObject();
        ref.put("@id", work.get("@id"));
        return ref;
    }

    private static JsonObject typed(String type) {
        JsonObject o = new JsonObject();
        o.put("@type", type);
        return o;
    }
}
