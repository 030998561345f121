package org.ctkg.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command's parsed options: {@code --name value}, {@code --name=value}, boolean {@code --flag},
 * and positional arguments. Unknown options are a {@link UsageException}.
 */
public final class Options {
    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();

    /** Parses args, accepting the given options that take a value and the given flags. */
    static Options parse(String[] args, Set<String> withValue, Set<String> flags) {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || a.equals("--")) {
                o.positional.add(a);
                continue;
            }
            String name = a.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flags.contains(name) && value == null) {
                o.values.put(name, "true");
            } else if (withValue.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.length)
                        throw new UsageException("--" + name + " needs a value");
                    value = args[++i];
                }
                o.values.put(name, value);
            } else {
                throw new UsageException("unknown option --" + name);
            }
        }
        return o;
    }

    /** These options, with values from {@code defaults} for the ones not given (flags as "true"/"false"). */
    Options withDefaults(Map<String, String> defaults) {
        Options o = new Options();
        defaults.forEach((k, v) -> {
            if (!v.equalsIgnoreCase("false"))
                o.values.put(k, v);
        });
        o.values.putAll(values);
        o.positional.addAll(positional);
        return o;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String get(String name, String dflt) {
        return values.getOrDefault(name, dflt);
    }

    int getInt(String name, int dflt, int min, int max) {
        String v = values.get(name);
        if (v == null)
            return dflt;
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max)
                throw new UsageException("--" + name + " must be between " + min + " and " + max + ", got " + v);
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, got '" + v + "'");
        }
    }

    List<String> positional() {
        return positional;
    }
}
