package org.ctkg.loader;

import java.util.Locale;

/**
 * Who may read a graph: everyone, or only the readers an operator names (and writers). A store
 * remembers each graph's level ({@link AccessLevels}); a graph once restricted stays so until an
 * operator explicitly makes it public.
 */
public enum Access {
    PUBLIC,
    RESTRICTED;

    /** The level named {@code public} or {@code restricted} (any case). */
    public static Access named(String name) {
        for (Access a : values())
            if (a.name().equalsIgnoreCase(name.trim()))
                return a;
        throw new IllegalArgumentException("an access level is 'public' or 'restricted', got '" + name + "'");
    }

    /** Its name as options and pages write it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
