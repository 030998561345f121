package org.ctkg.cli;

import java.io.PrintStream;
import java.nio.file.Path;

import org.apache.jena.sparql.core.DatasetGraph;
import org.ctkg.loader.Store;
import org.ctkg.loader.Stores;
import org.ctkg.release.Release;
import org.ctkg.release.ReleaseJob;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code ctkg release}: a citable version of a store, written to {@code OUT/V/} all at once or not at all. */
@CommandLine.Command(name = "release",
        customSynopsis = "ctkg release [--loc DIR] --version V --out DIR [--previous DIR] [--base-url URL]",
        description = {"cut a release: canonical dumps, checksums, a DCAT catalogue, the change since the last one",
                "",
                "Writes OUT/V/: the public graphs as gzipped N-Quads in canonical order (ctkg-V.nq.gz) and as Turtle per",
                "graph (graphs/), catalog.ttl (DCAT 3, checked against ctkg's shapes), and SHA256SUMS (sha256sum -c).",
                "With --previous, also changes.rdfp (an RDF Patch from that release to this one) and CHANGES.md.",
                "The same store always gives the same bytes. Without --loc, releases the default content.",
                "OUT/V is built beside it and renamed into place: a failed release leaves nothing behind."})
final class ReleaseCommand extends Command {
    @Option(names = "--loc", paramLabel = "DIR", description = "the store (default: the curated graph and integrated sources)")
    Path loc;

    @Option(names = "--version", paramLabel = "V", description = "the release's version, e.g. 2026.1 (names OUT/V)")
    String version;

    @Option(names = "--out", paramLabel = "DIR", description = "the directory that holds the releases")
    Path outDir;

    @Option(names = "--previous", paramLabel = "DIR", description = "the previous release's directory, e.g. OUT/2025.2")
    Path previous;

    @Option(names = "--base-url", paramLabel = "URL", description = "where OUT is published (download URLs: URL/V/FILE); default "
            + ReleaseJob.DEFAULT_BASE_URL)
    String baseUrl = ReleaseJob.DEFAULT_BASE_URL;

    /** The other commands inherit -h/--help with ctkg's --version; this one's --version is the release's, so it declares its help itself. */
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    ReleaseCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    public Integer call() {
        if (version == null || outDir == null)
            throw usage("give the release's --version V and the --out DIR that holds releases");
        if (loc == null)
            return release(Stores.curatedScratch());
        try (Store store = Store.openExisting(loc)) {
            return release(store.dataset());
        }
    }

    private int release(DatasetGraph dsg) {
        ReleaseJob.Outcome done = ReleaseJob.create(dsg).version(version).out(outDir).previous(previous).baseUrl(baseUrl).build().run();
        for (String warning : done.warnings())
            err.println("ctkg release: note: " + warning);
        Release r = done.release();
        out.println("ctkg release: written dir=" + r.dir() + " version=" + r.version() + " date=" + r.date() + " files=" + r.files().size()
                + " graphs=" + r.graphTriples().size() + " triples=" + r.graphTriples().values().stream().mapToLong(Long::longValue).sum());
        return 0;
    }
}
