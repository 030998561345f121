package org.ctkg.loader.tdb2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.system.Txn;
import org.ctkg.loader.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store of the default content that the build leaves on the class path: unpacked, it holds
 * exactly what loading the default content gives, and its files are the store's own, byte for byte.
 */
class StoreImageTest {
    @TempDir
    Path tmp;

    @Test
    void theScratchStoreHoldsExactlyTheDefaultContent() {
        DatasetGraph expected = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(expected, () -> Stores.streamDefaultContent(StreamRDFLib.dataset(expected)));
        DatasetGraph scratch = Stores.curatedScratch();
        Txn.executeRead(scratch, () -> {
            assertEquals(expected.stream().count(), scratch.stream().count());
            assertTrue(IsoMatcher.isomorphic(expected, scratch), "the unpacked store differs from the default content");
        });
    }

    @Test
    void anImageUnpacksToTheStoresFilesByteForByte() throws IOException {
        Path store = tmp.resolve("store");
        Files.createDirectories(store.resolve("Data-0001"));
        byte[] tail = new byte[1 << 20];
        tail[17] = 5; // zeros after it: left as a hole, the length kept
        Files.write(store.resolve("Data-0001/SPO.dat"), tail);
        Files.write(store.resolve("Data-0001/nodes.bpt"), new byte[] {1, 0, 2});
        Files.write(store.resolve("Data-0001/empty.idn"), new byte[4096]);
        Files.writeString(store.resolve("tdb.lock"), "1234");
        Path image = tmp.resolve("classes/img");
        StoreImage.write(store, image);
        assertEquals(18, Files.size(image.resolve("Data-0001/SPO.dat")), "trailing zeros are not kept in the image");
        assertFalse(Files.exists(image.resolve("tdb.lock")), "a lock file is not part of the image");

        Path to = tmp.resolve("unpacked");
        assertTrue(unpackFrom(tmp.resolve("classes"), "img", to));
        for (String name : new String[] {"Data-0001/SPO.dat", "Data-0001/nodes.bpt", "Data-0001/empty.idn"})
            assertEquals(-1L, Files.mismatch(store.resolve(name), to.resolve(name)), name);
        assertFalse(Files.exists(to.resolve("tdb.lock")));
        assertFalse(StoreImage.unpack("no/such/image", tmp.resolve("none")), "no image on the class path: nothing unpacked");
        assertFalse(Files.exists(tmp.resolve("none")));
    }

    private static boolean unpackFrom(Path classes, String resource, Path to) throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()})) {
            return StoreImage.unpack(loader, resource, to);
        }
    }
}
