package org.ctkg.loader.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The slugs that name goods and sectors: the same as the plain-regex definition, on every real name. */
class MappingFunctionsTest {
    /** The definition the one-pass slug must agree with. */
    private static String byRegex(String value) {
        return java.text.Normalizer.normalize(value, java.text.Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Cotton|cotton", "Gold |gold", "Bricks (clay)|bricks-clay", "Açaí Berries|acai-berries", "  --Fish--  |fish",
        "Brazil Nuts/Chestnuts|brazil-nuts-chestnuts", "Straße 12|stra-e-12", "İzmir|izmir", "Œuvres|uvres"})
    void slugs(String name, String slug) {
        assertEquals(slug, MappingFunctions.slugOf(name));
        assertEquals(byRegex(name), MappingFunctions.slugOf(name));
    }

    @Test
    void everyRealGoodAndSectorNameGetsTheSameSlugAsTheRegexDefinition() throws Exception {
        Path goods = Path.of("../data/us-dol-ilab-2014/goods_from_XL.csv");
        long checked = Files.readAllLines(goods).stream().skip(1).flatMap(line -> java.util.Arrays.stream(line.split(",")))
                .peek(v -> assertEquals(byRegex(v), MappingFunctions.slugOf(v), v)).count();
        assertTrue(checked > 1000, "checked " + checked + " values");
    }

    @Test
    void aNameWithoutLettersOrDigitsIsRejected() {
        assertThrows(MappingFunctions.MappingError.class, () -> new MappingFunctions().slug("--", "goods.csv:3", "Good_Name"));
    }
}
