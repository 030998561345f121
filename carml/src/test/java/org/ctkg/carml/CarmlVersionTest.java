package org.ctkg.carml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;

/**
 * The CARML on the class path is the release the patch was made against (recorded once, in
 * {@value CarmlPatch#RECORD}), and the check at first use refuses to run unpatched.
 */
class CarmlVersionTest {
    @Test
    void theCarmlOnTheClassPathIsTheOneThePatchWasMadeAgainst() throws IOException {
        Properties pom = new Properties();
        try (JarFile jar = new JarFile(UpstreamClassesTest.carmlEngineJar().toFile());
             InputStream in = jar.getInputStream(jar.getEntry(CarmlPatch.CARML_POM_PROPERTIES))) {
            pom.load(in);
        }
        assertEquals(CarmlPatch.patchedAgainst(), pom.getProperty("version"), "carml-engine's version on the class path"
                + " (the root pom's carml.version) is not the one the patch was made against (" + CarmlPatch.RECORD
                + "): re-diff the patched classes against it first");
        assertEquals(pom.getProperty("version"), CarmlPatch.carmlOnClassPath());
    }

    @Test
    void theCheckAtFirstUsePassesWithThePatchedClassesFirst() {
        CarmlPatch.verify();
    }

    @Test
    void theCheckAtFirstUseFailsWhenCarmlsOwnClassesWin() throws Exception {
        // the class path in the wrong order: carml-engine's jar before the patched classes
        Path patched = UpstreamCarml.location(CarmlPatch.class);
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator))
            if (!Path.of(entry).toAbsolutePath().normalize().equals(patched))
                urls.add(Path.of(entry).toUri().toURL());
        urls.add(patched.toUri().toURL());
        try (URLClassLoader wrongOrder = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Class<?> check = wrongOrder.loadClass(CarmlPatch.class.getName());
            InvocationTargetException e = assertThrows(InvocationTargetException.class, () -> check.getMethod("verify").invoke(null));
            String message = e.getCause().getMessage();
            assertTrue(e.getCause() instanceof IllegalStateException && message.contains("CARML's own io.carml.engine.rdf.")
                    && message.contains("carml-engine-") && message.contains("instead of ctkg's patched copy"), message);
        }
    }

    @Test
    void theUpstreamLoaderRunsCarmlsOwnClasses() throws Exception {
        for (String name : List.of("RdfTermGeneratorFactory", "RdfPredicateObjectMapper", "RdfTriplesMapper")) {
            Class<?> upstream = Engines.UPSTREAM.loadClass("io.carml.engine.rdf." + name);
            assertTrue(UpstreamCarml.location(upstream).equals(UpstreamClassesTest.carmlEngineJar()), name + ": " + UpstreamCarml.location(upstream));
            assertTrue(List.of(upstream.getFields()).stream().noneMatch(f -> f.getType() == boolean.class), name + " has a ctkg marker");
        }
        assertEquals(CarmlPatch.class, Engines.UPSTREAM.loadClass(CarmlPatch.class.getName()));
    }
}
