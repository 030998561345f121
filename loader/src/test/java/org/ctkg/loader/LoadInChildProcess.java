package org.ctkg.loader;

import java.nio.file.Path;

import org.ctkg.loader.source.RdfFile;

/**
 * A load job in a process of its own, for the kill test: {@code LoadInChildProcess STORE FILE MODE},
 * MODE {@code generation} (a new store generation) or {@code transaction}.
 * Prints {@code reading}, {@code progress N} as it reads, {@code written}, {@code validating} when it
 * checks the shapes, {@code committing} just before the commit and {@code committed} after it, so
 * the test can kill it at a chosen moment.
 */
public final class LoadInChildProcess {
    private LoadInChildProcess() {}

    private static void say(String moment) {
        System.out.println(moment);
        System.out.flush();
    }

    public static void main(String... args) {
        try (Store store = Store.open(Path.of(args[0]))) {
            LoadJob.create(store).newGeneration(args[2].equals("generation")).source(RdfFile.of(Path.of(args[1]), null)).monitor(new LoadMonitor() {
                @Override
                public void startSource(String name) {
                    say("reading");
                }

                @Override
                public void written(long triples) {
                    say("written");
                }

                @Override
                public void committing() {
                    say("committing");
                }

                @Override
                public void progress(long triples) {
                    System.out.println("progress " + triples);
                    System.out.flush();
                }

                @Override
                public void validating(long focusNodes) {
                    System.out.println("validating");
                    System.out.flush();
                }
            }).build().run();
            System.out.println("committed");
        }
    }
}
