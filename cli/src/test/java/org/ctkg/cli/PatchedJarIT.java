package org.ctkg.cli;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

/**
 * The runnable jar carries the loader's patched copies of CARML's classes, CARML's own copies
 * being left out when the jar is built: each patched class names a marker field CARML's lacks.
 */
class PatchedJarIT {
    @Test
    void theJarHoldsThePatchedTermGeneratorFactory() throws Exception {
        try (ZipFile jar = new ZipFile(JarRuns.jar().toFile())) {
            assertNotNull(jar.getEntry("io/carml/engine/rdf/RdfTermGeneratorFactory$FunctionParameter.class"));
            assertTrue(classNames(jar, "io/carml/engine/rdf/RdfTermGeneratorFactory.class", "PREPARES_FUNCTION_PARAMETERS_ONCE"));
        }
    }

    @Test
    void theJarHoldsThePatchedPredicateObjectMapper() throws Exception {
        try (ZipFile jar = new ZipFile(JarRuns.jar().toFile())) {
            assertTrue(classNames(jar, "io/carml/engine/rdf/RdfPredicateObjectMapper.class", "MAPS_IN_LOOPS"));
        }
    }

    @Test
    void theJarHoldsThePatchedTriplesMapper() throws Exception {
        try (ZipFile jar = new ZipFile(JarRuns.jar().toFile())) {
            assertTrue(classNames(jar, "io/carml/engine/rdf/RdfTriplesMapper.class", "EMITS_ROW_AS_LIST"));
        }
    }

    /** Whether the class file in the jar has {@code name} in its constant pool. */
    private static boolean classNames(ZipFile jar, String entry, String name) throws IOException {
        ZipEntry e = jar.getEntry(entry);
        assertNotNull(e, entry);
        try (InputStream in = jar.getInputStream(e)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).contains(name);
        }
    }
}
