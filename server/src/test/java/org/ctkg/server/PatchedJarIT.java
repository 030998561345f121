package org.ctkg.server;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

/**
 * The runnable jar carries the loader's patched copy of CARML's term generator factory (it alone
 * has the nested FunctionParameter class), CARML's own copy being left out when the jar is built.
 */
class PatchedJarIT {
    @Test
    void theJarHoldsThePatchedCarmlClass() throws Exception {
        try (ZipFile jar = new ZipFile(JarRuns.jar().toFile())) {
            assertNotNull(jar.getEntry("io/carml/engine/rdf/RdfTermGeneratorFactory$FunctionParameter.class"));
            assertNotNull(jar.getEntry("io/carml/engine/rdf/RdfTermGeneratorFactory.class"));
        }
    }
}
