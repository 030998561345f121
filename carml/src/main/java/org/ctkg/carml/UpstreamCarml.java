package org.ctkg.carml;

import java.io.File;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CARML as released, beside ctkg's patched copy of it, for tests that run both engines on the same
 * mapping and compare: a child-first class loader over this JVM's class path without the place
 * ctkg's patched classes come from, so that CARML's classes, and every library and ctkg class that
 * uses them, load again from their jars (its parent is the JDK's platform loader). Only
 * {@link CarmlPatch} is shared with the loader of this class: its check at first use looks at that
 * loader's (patched) classes, and so lets the upstream engine run here.
 */
public final class UpstreamCarml extends URLClassLoader {
    static {
        registerAsParallelCapable();
    }

    private UpstreamCarml(URL[] urls) {
        super("upstream-carml", urls, ClassLoader.getPlatformClassLoader());
    }

    /**
     * A loader over {@code java.class.path} less the entry that holds ctkg's patched classes; give
     * it the class path of a test JVM (surefire puts the whole test class path there).
     */
    public static UpstreamCarml overClassPath() {
        Path patched = location(io.carml.engine.rdf.RdfTriplesMapper.class);
        String[] classPath = System.getProperty("java.class.path").split(File.pathSeparator);
        List<URL> urls = new ArrayList<>();
        for (String entry : classPath) {
            Path path = Path.of(entry).toAbsolutePath().normalize();
            if (!path.equals(patched))
                urls.add(url(path));
        }
        if (urls.size() == classPath.length)
            throw new IllegalStateException("the patched classes' place " + patched + " is not on java.class.path");
        return new UpstreamCarml(urls.toArray(URL[]::new));
    }

    /** Where a class was loaded from: a jar or a folder of classes. */
    public static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath().normalize();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Child first: the parent is the JDK's platform loader, so only {@link CarmlPatch} comes from outside. */
    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.equals(CarmlPatch.class.getName()))
            return CarmlPatch.class;
        return super.loadClass(name, resolve);
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }
}
