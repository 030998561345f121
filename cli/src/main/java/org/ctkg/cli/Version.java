package org.ctkg.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import picocli.CommandLine.IVersionProvider;

/** {@code ctkg --version}: the project's version, written into a resource by the build. */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"ctkg " + number()};
    }

    /** The version the jar was built as. */
    static String number() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null)
                throw new IllegalStateException("no version.properties beside " + Version.class.getName());
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version");
    }
}
