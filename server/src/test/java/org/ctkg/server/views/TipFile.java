package org.ctkg.server.views;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.atlas.csv.CSVParser;

/**
 * The raw TIP tier file the build maps ({@code data/us-tip-tiers/tip_tiers_orig.csv}), read here on
 * its own, so that what the pages draw is checked against the source rather than against ctkg's
 * own mapping: tiers trimmed, {@code Watchlist} as the report names it, {@code NA} no placement.
 */
final class TipFile {
    static final Path FILE = Path.of("..", "data", "us-tip-tiers", "tip_tiers_orig.csv");

    /** A row with a tier: ISO alpha-3 code, year, tier as the TIP Report names it. */
    record Row(String iso, int year, String tier) {}

    private TipFile() {}

    static List<Row> placements() throws IOException {
        try (Reader in = Files.newBufferedReader(FILE, StandardCharsets.UTF_8)) {
            List<Row> rows = new java.util.ArrayList<>();
            boolean header = true;
            for (List<String> line : CSVParser.create(in)) {
                if (header) {
                    header = false;
                    continue;
                }
                String tier = line.get(4).strip();
                if (!tier.equals("NA"))
                    rows.add(new Row(line.get(1), Integer.parseInt(line.get(2)), tier.equals("Watchlist") ? "Tier 2 Watch List" : tier));
            }
            return rows;
        }
    }

    /** The tiers of one country by year. */
    static Map<Integer, String> tiersOf(String iso) throws IOException {
        Map<Integer, String> m = new TreeMap<>();
        placements().stream().filter(r -> r.iso().equals(iso)).forEach(r -> m.put(r.year(), r.tier()));
        return m;
    }
}
