package org.ctkg.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * The optional configuration file of {@code ctkg serve} ({@code --config FILE}): Java properties
 * named like the command's options ({@code port = 8080}, {@code localhost = true}), used as the
 * defaults of the options not on the command line. Unknown names are an error, so a typo does not
 * silently leave a default in place.
 */
public final class ServeConfig implements IDefaultValueProvider {
    private static final String CONFIG = "--config";
    private Path read;
    private Map<String, String> settings;

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option) || option.longestName().equals(CONFIG))
            return null;
        CommandSpec command = arg.command();
        Path file = command.findOption(CONFIG).getValue();
        if (file == null)
            return null;
        if (!file.equals(read)) {
            settings = read(command, file);
            read = file;
        }
        return settings.get(name(option));
    }

    /** The settings a configuration file can hold: the command's options but this one and help. */
    static Set<String> names(CommandSpec command) {
        return command.options().stream()
                .filter(o -> !o.usageHelp() && !o.versionHelp() && !o.longestName().equals(CONFIG))
                .map(ServeConfig::name)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String name(OptionSpec option) {
        return option.longestName().substring(2);
    }

    private static Map<String, String> read(CommandSpec command, Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new ParameterException(command.commandLine(), "cannot read the configuration file " + file + ": " + e.getMessage());
        }
        Set<String> known = names(command);
        Map<String, String> settings = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (!known.contains(key))
                throw new ParameterException(command.commandLine(),
                        file + ": unknown setting '" + key + "' (known: " + String.join(", ", known) + ")");
            settings.put(key, p.getProperty(key).trim());
        }
        return settings;
    }
}
