package org.ctkg.carml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.CodeSource;
import java.util.List;
import java.util.Properties;

/**
 * The fence around ctkg's patched CARML classes ({@code io.carml.engine.rdf} in this module, under
 * CARML's MIT licence, {@code META-INF/LICENSE-CARML}). They take the place of CARML's own only
 * when they come first on the class path, and they are only right beside the CARML release they
 * were made from: {@link #verify()}, called once before mapping, refuses to go on otherwise, so that
 * a class path in another order, or another CARML, fails clearly instead of mapping unpatched.
 */
public final class CarmlPatch {
    /** The resource recording the CARML release the patch was made against ({@value}). */
    public static final String RECORD = "org/ctkg/carml/patched-against.properties";
    /** What carml-engine's own jar says of its version. */
    public static final String CARML_POM_PROPERTIES = "META-INF/maven/io.carml/carml-engine/pom.properties";

    /** Each patched class and the public constant only ctkg's copy of it has. */
    private static final List<String[]> MARKED = List.of(
            new String[] {"io.carml.engine.rdf.RdfTermGeneratorFactory", "PREPARES_FUNCTION_PARAMETERS_ONCE"},
            new String[] {"io.carml.engine.rdf.RdfPredicateObjectMapper", "MAPS_IN_LOOPS"},
            new String[] {"io.carml.engine.rdf.RdfTriplesMapper", "EMITS_ROW_AS_LIST"});

    private static volatile boolean verified;

    private CarmlPatch() {}

    /** The CARML version the patched classes were made against, as recorded in {@value #RECORD}. */
    public static String patchedAgainst() {
        return property(RECORD, "carml.version");
    }

    /** The version of the carml-engine on the class path, from its {@code pom.properties}. */
    public static String carmlOnClassPath() {
        return property(CARML_POM_PROPERTIES, "version");
    }

    /**
     * Fails with an {@link IllegalStateException} that says what to do unless the CARML on the class
     * path is the recorded release and each patched class is ctkg's copy; cheap after the first call.
     */
    public static void verify() {
        if (verified)
            return;
        String expected = patchedAgainst();
        String found = carmlOnClassPath();
        if (!expected.equals(found))
            throw new IllegalStateException("ctkg's patched CARML classes were made against CARML " + expected
                    + ", but CARML " + found + " is on the class path: re-diff them against that release first");
        for (String[] marked : MARKED)
            checkPatched(marked[0], marked[1]);
        verified = true;
    }

    private static void checkPatched(String className, String marker) {
        Class<?> loaded;
        try {
            loaded = Class.forName(className, false, CarmlPatch.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("CARML's " + className + " is not on the class path", e);
        }
        try {
            loaded.getField(marker);
        } catch (NoSuchFieldException e) {
            CodeSource from = loaded.getProtectionDomain().getCodeSource();
            throw new IllegalStateException("CARML's own " + className + " was loaded (from "
                    + (from == null ? "an unknown place" : from.getLocation()) + ") instead of ctkg's patched copy:"
                    + " put ctkg-carml before carml-engine on the class path, or leave CARML's copy out of the jar", e);
        }
    }

    private static String property(String resource, String key) {
        try (InputStream in = CarmlPatch.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null)
                throw new IllegalStateException(resource + " is not on the class path: cannot tell which CARML the"
                        + " patched classes meet");
            Properties p = new Properties();
            p.load(in);
            String value = p.getProperty(key);
            if (value == null || value.isBlank())
                throw new IllegalStateException(resource + " has no " + key);
            return value.strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
