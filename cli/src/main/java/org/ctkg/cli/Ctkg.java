package org.ctkg.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code ctkg} command line: {@code ctkg COMMAND [OPTIONS]}. picocli parses it into the
 * command's options and writes help, {@code --version} and the completion script; each command is
 * a small class; {@link Failures} turns what goes wrong into messages and exit codes.
 */
@Command(name = "ctkg",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        usageHelpWidth = 110,
        sortOptions = false,
        synopsisHeading = "Usage: ",
        customSynopsis = "ctkg COMMAND [OPTIONS]   (ctkg COMMAND --help for each)",
        descriptionHeading = "%n",
        description = "ctkg, the Counter-Trafficking Knowledge Graph: a SPARQL endpoint about human trafficking.",
        parameterListHeading = "%n",
        optionListHeading = "%n",
        commandListHeading = "%nCommands:%n")
public final class Ctkg implements Callable<Integer> {
    private final PrintStream err;
    @Spec
    CommandSpec spec;

    private Ctkg(PrintStream err) {
        this.err = err;
    }

    public static void main(String... args) {
        int code = run(System.out, System.err, args);
        if (code != 0)
            System.exit(code);
    }

    /** Runs a command line; returns the exit code (servers block until stopped). */
    public static int run(PrintStream out, PrintStream err, String... args) {
        CommandLine line = commandLine(out, err);
        try {
            return line.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The whole command line, writing to these streams. */
    static CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandLine line = new CommandLine(new Ctkg(err))
                .addSubcommand(new CompletionCommand(out, err))
                .addSubcommand(new ExportCommand(out, err))
                .addSubcommand(new GenerateCommand(out, err))
                .addSubcommand("help", help())
                .addSubcommand(new KafkaCommand(out, err))
                .addSubcommand(new LoadCommand(out, err))
                .addSubcommand(new MapCommand(out, err))
                .addSubcommand(new ReleaseCommand(out, err))
                .addSubcommand(new ServeCommand(out, err))
                .addSubcommand(new SnapshotCommand(out, err))
                .addSubcommand(new StatsCommand(out, err))
                .addSubcommand(new ValidateCommand(out, err));
        Failures failures = new Failures(err);
        return line.setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .setParameterExceptionHandler(failures)
                .setExecutionExceptionHandler(failures);
    }

    /** {@code ctkg help [COMMAND]}: picocli's, described in the words of the other commands. */
    private static CommandLine help() {
        CommandLine help = new CommandLine(new HelpCommand());
        help.getCommandSpec().usageMessage().header(new String[0]).synopsisHeading("Usage: ").customSynopsis("ctkg help [COMMAND]")
                .description("show the list of commands, or one command's help");
        return help;
    }

    /** {@code ctkg} alone: the list of commands, as an error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(err);
        return Failures.EXIT_BAD_INPUT;
    }
}
