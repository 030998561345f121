package org.ctkg.loader.cube;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;

/**
 * The parts of observation IRIs that stand for dimension values: a country's or form's last IRI
 * segment, a literal's text, lower case, with anything but letters, digits, '.', '_' and '-' made
 * a '-' ({@code 48+} is {@code 48plus}); so that an observation's IRI follows from its table and
 * values alone, and a cube written again names the same cells the same way. Two values of a
 * dimension that would share a slug are told apart by a number, in the order of their IRIs or texts.
 */
final class ValueSlugs {
    private final List<Map<Integer, String>> byDimension = new ArrayList<>();

    ValueSlugs(RecordValues records) {
        for (List<Node> values : records.values) {
            List<Integer> ids = new ArrayList<>();
            for (int i = 0; i < values.size(); i++)
                ids.add(i);
            ids.sort(Comparator.comparing(i -> values.get(i).toString()));
            Map<Integer, String> slugs = new HashMap<>();
            Set<String> taken = new HashSet<>();
            for (int id : ids) {
                String base = slug(values.get(id)), slug = base;
                for (int n = 2; !taken.add(slug); n++)
                    slug = base + "-" + n;
                slugs.put(id, slug);
            }
            byDimension.add(slugs);
        }
    }

    String of(Dimension d, int valueId) {
        return byDimension.get(d.ordinal()).get(valueId);
    }

    static String slug(Node value) {
        String text;
        if (value.isURI()) {
            String iri = value.getURI();
            text = iri.substring(Math.max(iri.lastIndexOf('/'), iri.lastIndexOf('#')) + 1);
        } else {
            text = value.isLiteral() ? value.getLiteralLexicalForm() : value.toString();
        }
        String s = text.toLowerCase(Locale.ROOT).replace("+", "plus").replaceAll("[^a-z0-9._-]", "-");
        return s.isEmpty() ? "-" : s;
    }
}
