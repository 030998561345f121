package org.ctkg.loader.source;

import java.io.EOFException;
import java.nio.charset.CharacterCodingException;

/** What a failure deep inside a parser or an engine comes down to, in words for the user. */
final class Causes {
    private Causes() {}

    /** The innermost cause's message, with a truncated file or undecodable bytes said plainly. */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t)
            t = t.getCause();
        String m = t.getMessage();
        if (t instanceof EOFException || (m != null && m.contains("Unexpected end of ZLIB")))
            return "unexpected end of file (truncated?)";
        if (t instanceof CharacterCodingException)
            return "not valid UTF-8";
        return m == null ? t.getClass().getSimpleName() : m;
    }

    /** The first of {@code e} and its causes that is a {@code type}, or null. */
    static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause())
            if (type.isInstance(t))
                return type.cast(t);
        return null;
    }
}
