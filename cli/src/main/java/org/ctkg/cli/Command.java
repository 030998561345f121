package org.ctkg.cli;

import java.io.PrintStream;

/** One {@code ctkg} sub-command. */
interface Command {
    /** One line for {@code ctkg --help}. */
    String summary();

    /**
     * Runs with the arguments after the command's name; returns the exit code.
     * @throws UsageException on a bad option, reported with a hint to {@code --help}
     */
    int run(String[] args, PrintStream out, PrintStream err);
}
