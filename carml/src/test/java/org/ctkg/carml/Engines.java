package org.ctkg.carml;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * The upstream and the patched CARML engine, each running a static {@code String} method of a
 * runner class: the patched one in this loader, the upstream one in {@link UpstreamCarml}, where the
 * runner class and everything it uses load again beside CARML's own classes.
 */
final class Engines {
    static final UpstreamCarml UPSTREAM = UpstreamCarml.overClassPath();

    /** What a run gave: its text, or the class of the exception it ended with (by name: loaders differ). */
    record Outcome(String output, String error, String message) {
        boolean failed() {
            return error != null;
        }

        @Override
        public String toString() {
            return failed() ? "failed with " + error + ": " + message : output.lines().count() + " lines";
        }
    }

    private Engines() {}

    static Outcome patched(Class<?> runner, String method, String... args) {
        return run(runner, method, args);
    }

    static Outcome upstream(Class<?> runner, String method, String... args) {
        try {
            return run(Class.forName(runner.getName(), true, UPSTREAM), method, args);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Outcome run(Class<?> runner, String name, String... args) {
        Class<?>[] types = new Class<?>[args.length];
        Arrays.fill(types, String.class);
        try {
            Method method = runner.getMethod(name, types);
            return new Outcome((String) method.invoke(null, (Object[]) args), null, null);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            StringBuilder where = new StringBuilder(String.valueOf(cause.getMessage()));
            for (Throwable t = cause.getCause(); t != null && t != t.getCause(); t = t.getCause())
                where.append("; caused by ").append(t);
            if (cause.getStackTrace().length > 0)
                where.append(" at ").append(cause.getStackTrace()[0]);
            return new Outcome(null, cause.getClass().getName(), where.toString());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
