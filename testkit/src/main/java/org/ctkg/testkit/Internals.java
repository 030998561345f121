package org.ctkg.testkit;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.regex.Pattern;

/** What an answer must not show a caller: stack traces, Java class or error names, the server's make. */
public final class Internals {
    private Internals() {}

    /** Stack frames, exception and error class names, packages of the server's libraries and of ctkg, Jetty. */
    public static final Pattern PATTERN = Pattern.compile(
            "\\tat |\\bat (org|java|jakarta)\\.|Exception|[A-Z][a-z]+Error\\b|\\b(org\\.apache|org\\.eclipse|org\\.ctkg|java\\.lang|jakarta)\\.|[Jj]etty");

    /** Fails if the body shows any of them. */
    public static void assertNone(String body, String what) {
        assertFalse(PATTERN.matcher(body).find(), "no internals in " + what + ": " + body);
    }
}
