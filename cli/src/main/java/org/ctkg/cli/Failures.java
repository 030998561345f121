package org.ctkg.cli;

import java.io.PrintStream;

import org.ctkg.loader.LoadException;
import org.ctkg.loader.report.Reports;
import org.ctkg.replication.ReplicationException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How every command's failures reach the user, in one place: a bad command line (exit 2, with a
 * hint to {@code --help}), a failed job ({@link LoadException}: its message, its SHACL report, and
 * for a command that writes a store the assurance that the store is unchanged; its kind's exit
 * code), and anything else as an internal error (exit 1; the stack trace with {@code CTKG_DEBUG}).
 */
final class Failures implements IParameterExceptionHandler, IExecutionExceptionHandler {
    /** Exit code for an internal error. */
    static final int EXIT_INTERNAL = 1;
    /** Exit code for bad input: unknown command, bad option, malformed file. */
    static final int EXIT_BAD_INPUT = 2;

    private final PrintStream err;

    Failures(PrintStream err) {
        this.err = err;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        if (command.getParent() == null) {
            boolean unknown = e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty();
            err.println("ctkg: " + (unknown ? "unknown command '" + ((UnmatchedArgumentException) e).getUnmatched().get(0) + "'" : e.getMessage()));
            command.usage(err);
            return EXIT_BAD_INPUT;
        }
        String name = command.getCommandSpec().qualifiedName();
        err.println(name + ": " + e.getMessage());
        err.println("Try '" + name + " --help'.");
        return EXIT_BAD_INPUT;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
        String name = command.getCommandSpec().qualifiedName();
        if (e instanceof LoadException failed) {
            err.println(name + ": " + failed.getMessage());
            if (failed.report() != null)
                Reports.printText(failed.report(), err);
            if (command.getCommand() instanceof Command c && c.writesStore())
                err.println(name + ": nothing was written; the store is as it was.");
            return failed.kind().exitCode;
        }
        if (e instanceof ReplicationException kafka) {
            // Kafka unreachable or refusing: what and where is in the message; nothing was changed.
            err.println(name + ": " + kafka.getMessage());
            return EXIT_INTERNAL;
        }
        err.println(name + ": internal error: " + e);
        if (System.getenv("CTKG_DEBUG") != null)
            e.printStackTrace(err);
        return EXIT_INTERNAL;
    }
}
