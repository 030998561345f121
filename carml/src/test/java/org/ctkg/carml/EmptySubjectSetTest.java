package org.ctkg.carml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The one known difference between upstream and patched CARML: given an empty set of subjects,
 * CARML 0.4.11's predicate-object mapper throws (its cartesian product refuses an empty set),
 * while the patched one, making statements in plain loops, makes none. CARML's triples mapper
 * never passes it an empty set, so mappings map alike; the difference only shows when the mapper
 * is called directly, as here.
 */
class EmptySubjectSetTest {
    @Test
    void upstreamThrowsOnAnEmptySubjectSet() {
        Engines.Outcome upstream = Engines.upstream(EmptySubjectSet.class, "statements");
        assertEquals("io.carml.util.ModelsException", upstream.error(), "upstream: " + upstream);
    }

    @Test
    void thePatchEmitsNothingForAnEmptySubjectSet() {
        Engines.Outcome patched = Engines.patched(EmptySubjectSet.class, "statements");
        assertEquals("0", patched.output(), "patched: " + patched);
    }
}
