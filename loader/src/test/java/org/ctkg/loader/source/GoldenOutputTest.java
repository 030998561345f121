package org.ctkg.loader.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.stream.Stream;

import org.ctkg.loader.IntegratedSources;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each of the three real sources maps to exactly the triples of its golden file, made from the
 * mapping's output when the patched engine was fenced ({@link RealSources#main} writes them anew,
 * after a change meant to alter the output).
 */
class GoldenOutputTest {
    @TestFactory
    Stream<DynamicTest> eachRealSourceMapsToItsGoldenFile() {
        assertEquals(3, IntegratedSources.JOBS.size());
        return IntegratedSources.JOBS.stream().map(job -> DynamicTest.dynamicTest(RealSources.name(job), () -> {
            var golden = RealSources.golden(job);
            assertTrue(Files.exists(golden), "no golden file " + golden);
            RealSources.assertIsomorphic(RealSources.read(golden), RealSources.map(job), RealSources.name(job) + " against " + golden);
        }));
    }
}
