package org.ctkg.cli;

import java.io.PrintStream;

import org.ctkg.loader.LoadMonitor;

/** A rate line on a terminal: triples so far, triples per second, elapsed time; redrawn in place. */
final class ProgressLine implements LoadMonitor {
    private final PrintStream out;
    private final long start = System.nanoTime();
    private long lastDraw;

    ProgressLine(PrintStream out) {
        this.out = out;
    }

    @Override
    public void startSource(String name) {
        out.print("\r\033[K  reading " + name);
        out.flush();
    }

    @Override
    public void progress(long triples) {
        long now = System.nanoTime();
        if (now - lastDraw < 250_000_000L)
            return;
        lastDraw = now;
        double seconds = (now - start) / 1e9;
        out.printf("\r\033[K  %,d triples  %,.0f triples/s  %s", triples, triples / Math.max(seconds, 1e-3), elapsed(seconds));
        out.flush();
    }

    @Override
    public void written(long triples) {
        out.printf("\r\033[K  %,d triples read  %s", triples, elapsed());
        out.flush();
    }

    @Override
    public void validating(long focusNodes) {
        out.printf("\r\033[K  validating %,d resources against the shapes  %s", focusNodes, elapsed());
        out.flush();
    }

    @Override
    public void committing() {
        out.printf("\r\033[K  committing  %s", elapsed());
        out.flush();
    }

    @Override
    public void finished() {
        out.print("\r\033[K");
        out.flush();
    }

    private String elapsed() {
        return elapsed((System.nanoTime() - start) / 1e9);
    }

    private static String elapsed(double seconds) {
        long s = (long) seconds;
        return String.format("%d:%02d", s / 60, s % 60);
    }
}
