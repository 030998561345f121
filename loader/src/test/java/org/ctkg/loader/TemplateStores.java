package org.ctkg.loader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.io.FileUtils;
import org.ctkg.loader.source.RdfFile;
import org.ctkg.loader.tdb2.StoreFiles;

/**
 * Stores made once per test run and copied for each test that needs one: seeding a TDB2 store
 * with ctkg's default content and loading a file into it costs far more than copying its files.
 * A template is a store seeded as {@link Store#open} seeds a new one, with one good file loaded.
 */
public final class TemplateStores {
    private record Template(Path location, List<String> snapshot) {}

    private static final Map<String, Template> MADE = new ConcurrentHashMap<>();

    private TemplateStores() {}

    /** A store at {@code to}, the same as the template with {@code goodFile} (from the test resources' {@code good/}) loaded. */
    public static Path copy(String goodFile, Path to) {
        try {
            StoreFiles.copyClosedStore(template(goodFile).location(), to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }

    /** What the template holds ({@link StoreSnapshot}), and so what each copy holds when made. */
    public static List<String> snapshot(String goodFile) {
        return template(goodFile).snapshot();
    }

    private static Template template(String goodFile) {
        return MADE.computeIfAbsent(goodFile, f -> {
            try {
                Path dir = Files.createTempDirectory("ctkg-template-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> FileUtils.deleteQuietly(dir.toFile())));
                Path loc = dir.resolve("store");
                try (Store store = Store.open(loc)) {
                    LoadJob.create(store).source(RdfFile.of(LoadJobTest.good(f), null)).build().run();
                }
                return new Template(loc, StoreSnapshot.of(loc));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
