package org.ctkg.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * One {@code ctkg} sub-command: picocli fills its options and calls it for the exit code. Its
 * failures are reported in one place, {@link Failures}; a command only throws them.
 */
abstract class Command implements Callable<Integer> {
    /** Standard output (also the bytes of {@code export} and {@code map}) and standard error. */
    final PrintStream out;
    final PrintStream err;
    @Spec
    CommandSpec spec;

    Command(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** A command line that does not fit the command: exit 2, with a hint to {@code --help}. */
    ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** Whether this command writes a store, so that a failed run says the store is as it was. */
    boolean writesStore() {
        return false;
    }
}
