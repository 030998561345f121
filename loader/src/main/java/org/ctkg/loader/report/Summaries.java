package org.ctkg.loader.report;

import java.util.Locale;

import org.ctkg.loader.LoadReport;

/** One-line summaries of jobs: readable by people, and by scripts as key=value pairs. */
public final class Summaries {
    private Summaries() {}

    public static String load(LoadReport r) {
        return String.format(Locale.ROOT,
                "ctkg load: committed job=%s files=%d triples_read=%d added=%d removed=%d graphs=%d validated=%s violations=%d seconds=%.2f rate=%.0f",
                r.job().getURI(), r.inputs().size(), r.triplesRead(), r.added(), r.removed(), r.changes().size(),
                r.validated() ? "yes" : "no", r.violations(), r.seconds(), r.triplesRead() / Math.max(r.seconds(), 0.001));
    }
}
