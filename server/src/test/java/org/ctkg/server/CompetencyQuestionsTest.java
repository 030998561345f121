package org.ctkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.shared.PrefixMapping;
import org.ctkg.testkit.SparqlHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The competency questions: each file in {@code competency/} is a question (its first comment), the
 * answer it must return (comment lines {@code # | a | b |}, prefixed names expanded with the query's
 * prefixes, {@code -} for unbound) and the SPARQL that asks it. Each runs over HTTP against the
 * real server serving the curated graph. Rows compare as a multiset, or in order when the query
 * has {@code ORDER BY}.
 */
class CompetencyQuestionsTest extends CuratedServerTest {
    private static final Pattern PREFIXED = Pattern.compile("^([A-Za-z][A-Za-z0-9-]*):(\\S*)$");

    static Stream<Path> questions() throws IOException, URISyntaxException {
        Path dir = Path.of(CompetencyQuestionsTest.class.getResource("/competency").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".rq")).sorted().collect(Collectors.toList()).stream();
        }
    }

    @Test
    void atLeastTwentyFiveQuestions() throws Exception {
        assertTrue(questions().count() >= 25, "competency questions: " + questions().count());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("questions")
    void answers(Path file) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Query query = QueryFactory.create(text);
        List<List<String>> expected = expectedRows(text, query.getPrefixMapping());
        assertFalse(expected.isEmpty(), file.getFileName() + " states no expected answer");
        List<List<String>> actual = SparqlHttp.select(server.sparqlUrl(), text);
        if (query.hasOrderBy()) {
            assertEquals(expected, actual, file.getFileName() + " (ordered)");
        } else {
            assertEquals(sorted(expected), sorted(actual), file.getFileName().toString());
        }
    }

    private static List<List<String>> expectedRows(String text, PrefixMapping prefixes) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : text.split("\n")) {
            line = line.trim();
            if (!line.startsWith("# |"))
                continue;
            String body = line.substring(3).trim();
            if (body.endsWith("|"))
                body = body.substring(0, body.length() - 1);
            rows.add(Arrays.stream(body.split(" \\| ")).map(String::trim).map(v -> expand(v, prefixes)).collect(Collectors.toList()));
        }
        return rows;
    }

    private static String expand(String value, PrefixMapping prefixes) {
        Matcher m = PREFIXED.matcher(value);
        if (m.matches() && prefixes.getNsPrefixURI(m.group(1)) != null)
            return prefixes.getNsPrefixURI(m.group(1)) + m.group(2);
        return value;
    }

    private static List<List<String>> sorted(List<List<String>> rows) {
        List<List<String>> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(Object::toString));
        return copy;
    }
}
