package io.carml.engine.rdf;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * ctkg's patched copies of CARML's term generator factory, predicate-object mapper and triples
 * mapper (io/carml/engine/rdf in this module) are the ones the mapping engine runs, not CARML's own from its jar.
 */
class CarmlPatchTest {
    @Test
    void thePatchedTermGeneratorFactoryIsTheOneLoaded() throws Exception {
        String from = RdfTermGeneratorFactory.class.getProtectionDomain().getCodeSource().getLocation().toString();
        assertFalse(from.contains("carml-engine"), "loaded from CARML's jar: " + from);
        assertTrue(RdfTermGeneratorFactory.class.getField("PREPARES_FUNCTION_PARAMETERS_ONCE").getBoolean(null));
    }

    @Test
    void thePatchedPredicateObjectMapperIsTheOneLoaded() throws Exception {
        String from = RdfPredicateObjectMapper.class.getProtectionDomain().getCodeSource().getLocation().toString();
        assertFalse(from.contains("carml-engine"), "loaded from CARML's jar: " + from);
        assertTrue(RdfPredicateObjectMapper.class.getField("MAPS_IN_LOOPS").getBoolean(null));
    }

    @Test
    void thePatchedTriplesMapperIsTheOneLoaded() throws Exception {
        String from = RdfTriplesMapper.class.getProtectionDomain().getCodeSource().getLocation().toString();
        assertFalse(from.contains("carml-engine"), "loaded from CARML's jar: " + from);
        assertTrue(RdfTriplesMapper.class.getField("EMITS_ROW_AS_LIST").getBoolean(null));
    }
}
