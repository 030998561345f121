package org.ctkg.loader.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.ctkg.carml.UpstreamCarml;
import org.ctkg.loader.IntegratedSources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Upstream CARML 0.4.11 and ctkg's patched copy of it map each of the three real sources to the same
 * graph. The upstream run is {@link RmlMapping} itself, with ctkg's mapping functions, loaded again in
 * {@link UpstreamCarml} beside CARML's own classes. The one known difference of the patch (an
 * empty subject set: upstream throws, the patch emits nothing) does not arise here; carml's
 * EmptySubjectSetTest shows it.
 */
class RealMappingsDifferentialTest {
    private static UpstreamCarml upstream;

    @BeforeAll
    static void openUpstream() {
        upstream = UpstreamCarml.overClassPath();
    }

    @AfterAll
    static void closeUpstream() throws Exception {
        upstream.close();
    }

    @Test
    void theUpstreamRunUsesCarmlsOwnClassesAndItsOwnRmlMapping() throws Exception {
        assertTrue(Class.forName(RmlMapping.class.getName(), false, upstream).getClassLoader() == upstream);
        Class<?> triplesMapper = Class.forName("io.carml.engine.rdf.RdfTriplesMapper", false, upstream);
        assertThrows(NoSuchFieldException.class, () -> triplesMapper.getField("EMITS_ROW_AS_LIST"));
        assertTrue(UpstreamCarml.location(triplesMapper).getFileName().toString().startsWith("carml-engine-"),
                UpstreamCarml.location(triplesMapper).toString());
    }

    @TestFactory
    Stream<DynamicTest> upstreamAndPatchedMapEachRealSourceAlike() {
        assertEquals(3, IntegratedSources.JOBS.size());
        return IntStream.range(0, IntegratedSources.JOBS.size()).mapToObj(i -> {
            String name = RealSources.name(IntegratedSources.JOBS.get(i));
            return DynamicTest.dynamicTest(name, () -> {
                Method upstreamMap = Class.forName(RealSources.class.getName(), true, upstream)
                                          .getMethod("mapJob", String.class);
                var fromUpstream = RealSources.parse((String) upstreamMap.invoke(null, String.valueOf(i)));
                var fromPatched = RealSources.parse(RealSources.mapJob(String.valueOf(i)));
                assertTrue(fromPatched.size() > 1000, name + ": " + fromPatched.size() + " triples");
                RealSources.assertIsomorphic(fromUpstream, fromPatched, name + ", patched against upstream");
            });
        });
    }
}
