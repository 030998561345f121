package org.ctkg.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code ctkg} command line: {@code ctkg COMMAND [OPTIONS]}. Each command is a small class;
 * this one only dispatches and turns their failures into exit codes.
 */
public final class Ctkg {
    /** Exit code for an internal error. */
    public static final int EXIT_INTERNAL = 1;
    /** Exit code for bad input: unknown command, bad option, malformed file. */
    public static final int EXIT_BAD_INPUT = 2;

    private static final Map<String, Command> COMMANDS = new TreeMap<>();
    static {
        COMMANDS.put("serve", new ServeCommand());
        COMMANDS.put("load", new LoadCommand());
        COMMANDS.put("validate", new ValidateCommand());
        COMMANDS.put("export", new ExportCommand());
        COMMANDS.put("stats", new StatsCommand());
        COMMANDS.put("generate", new GenerateCommand());
        COMMANDS.put("map", new MapCommand());
    }

    private Ctkg() {}

    public static void main(String... args) {
        int code = run(System.out, System.err, args);
        if (code != 0)
            System.exit(code);
    }

    /** Runs a command line; returns the exit code (servers block until stopped). */
    public static int run(PrintStream out, PrintStream err, String... args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            usage(args.length == 0 ? err : out);
            return args.length == 0 ? EXIT_BAD_INPUT : 0;
        }
        Command command = COMMANDS.get(args[0]);
        if (command == null) {
            err.println("ctkg: unknown command '" + args[0] + "'");
            usage(err);
            return EXIT_BAD_INPUT;
        }
        try {
            return command.run(Arrays.copyOfRange(args, 1, args.length), out, err);
        } catch (UsageException e) {
            err.println("ctkg " + args[0] + ": " + e.getMessage());
            err.println("Try 'ctkg " + args[0] + " --help'.");
            return EXIT_BAD_INPUT;
        } catch (RuntimeException e) {
            err.println("ctkg " + args[0] + ": internal error: " + e);
            if (System.getenv("CTKG_DEBUG") != null)
                e.printStackTrace(err);
            return EXIT_INTERNAL;
        }
    }

    private static void usage(PrintStream out) {
        out.println("Usage: ctkg COMMAND [OPTIONS]   (ctkg COMMAND --help for each)");
        out.println();
        out.println("ctkg, the Counter-Trafficking Knowledge Graph: a SPARQL endpoint about human trafficking.");
        out.println();
        out.println("Commands:");
        COMMANDS.forEach((name, c) -> out.printf("  %-10s %s%n", name, c.summary()));
    }
}
