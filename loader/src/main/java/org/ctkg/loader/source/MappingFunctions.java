package org.ctkg.loader.source;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.carml.engine.function.FnoFunction;
import io.carml.engine.function.FnoParam;
import org.ctkg.ontology.Ids;

/**
 * The functions ctkg's RML mappings call (FnO, namespace {@value #NS}) where a source's values
 * need more than a template: identifiers made from codes and names, the quirks of each source
 * handled on purpose (padded values, {@code NA} and other coded missing values, {@code Watchlist}
 * for the official "Tier 2 Watch List", codes that are not ISO 3166-1), and values that cannot be
 * mapped rejected with the file, line and column. A value that means "nothing here" (a country
 * without a tier that year) returns null, so no triple is made, and is counted in
 * {@link #skipped()} so the job reports it rather than dropping it silently.
 */
public final class MappingFunctions {
    /** The namespace of the functions and their parameters. */
    public static final String NS = Ids.BASE + "fn#";
    private static final Pattern YEAR = Pattern.compile("^[0-9]{4}$");
    private static final Pattern ALPHA3 = Pattern.compile("^[A-Z]{3}$");
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** Codes sources use that are not ISO 3166-1 alpha-3, with the ctkg country each means. */
    private static final Map<String, String> CODE_ALIASES = Map.of(
            "KOS", "kosovo",   // TIP data: Kosovo has no ISO 3166-1 code
            "KSO", "kosovo",   // DOL data: the same
            "BUR", "mmr",      // DOL data: Burma, ISO 3166-1 MMR (Myanmar)
            "KVR", "kgz",      // DOL data: Kyrgyz Republic, ISO 3166-1 KGZ (Kyrgyzstan)
            "WBG", "pse");     // DOL data: West Bank and the Gaza Strip, ISO 3166-1 PSE
    private static final Map<String, String> TIERS = Map.of(
            "tier 1", "tier-1", "tier 2", "tier-2", "tier 3", "tier-3",
            "watchlist", "tier-2-watch-list", "tier 2 watch list", "tier-2-watch-list", "tier 2 watchlist", "tier-2-watch-list");
    private static final List<String> MISSING = List.of("", "NA", "N/A");

    private static final int PLACES_KEPT = 10;
    private final Map<String, Long> skipped = new LinkedHashMap<>();
    private final Map<String, List<String>> skippedAt = new LinkedHashMap<>();

    /** Rows or values left out on purpose, by reason, with how many and the first few places. */
    public List<String> skipped() {
        List<String> out = new java.util.ArrayList<>();
        skipped.forEach((reason, count) -> {
            List<String> at = skippedAt.getOrDefault(reason, List.of());
            out.add(count + " " + reason + (at.isEmpty() ? "" : " (" + String.join(", ", at) + (count > at.size() ? ", …" : "") + ")"));
        });
        return out;
    }

    private void skip(String reason, String at) {
        skipped.merge(reason, 1L, Long::sum);
        List<String> places = skippedAt.computeIfAbsent(reason, r -> new java.util.ArrayList<>());
        if (at != null && places.size() < PLACES_KEPT)
            places.add(at);
    }

    /** A value that cannot be mapped: names where it is and what is wrong. */
    public static final class MappingError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MappingError(String at, String column, String message) {
            super((at == null ? "" : at + ": ") + (column == null ? "" : "column " + column + ": ") + message);
        }
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private static boolean missing(String value) {
        return value == null || MISSING.contains(value.strip());
    }

    /** The ctkg IRI of a country from its ISO 3166-1 alpha-3 code (or an alias a source uses for it). */
    @FnoFunction(NS + "country")
    public String country(@FnoParam(NS + "code") String code, @FnoParam(NS + "at") String at, @FnoParam(NS + "column") String column) {
        String c = strip(code);
        if (missing(c))
            throw new MappingError(at, column, "no country code");
        String alias = CODE_ALIASES.get(c);
        if (alias != null)
            return Ids.id("country", alias).getURI();
        if (!ALPHA3.matcher(c).matches())
            throw new MappingError(at, column, "'" + code + "' is not an ISO 3166-1 alpha-3 code (three capital letters)");
        return Ids.id("country", c.toLowerCase(Locale.ROOT)).getURI();
    }

    /** A four-digit year, checked. */
    @FnoFunction(NS + "year")
    public String year(@FnoParam(NS + "value") String value, @FnoParam(NS + "at") String at, @FnoParam(NS + "column") String column) {
        String y = strip(value);
        if (y == null || !YEAR.matcher(y).matches())
            throw new MappingError(at, column, "'" + value + "' is not a four-digit year");
        return y;
    }

    /**
     * The IRI of a TIP tier from a tier as the source writes it ({@code "Tier 2    "},
     * {@code Watchlist}); null when the source has none ({@code NA}).
     */
    @FnoFunction(NS + "tier")
    public String tier(@FnoParam(NS + "value") String value, @FnoParam(NS + "at") String at, @FnoParam(NS + "column") String column) {
        if (missing(value))
            return null;
        String tier = TIERS.get(SPACES.matcher(value.strip()).replaceAll(" ").toLowerCase(Locale.ROOT));
        if (tier == null)
            throw new MappingError(at, column, "'" + value + "' is not a TIP tier (Tier 1, Tier 2, Tier 2 Watch List or Watchlist, Tier 3, or NA)");
        return Ids.id("tip-tier", tier).getURI();
    }

    /**
     * The IRI of a government's tier placement in a year, or null (the row is left out, and
     * counted) when the source gives no tier for that year.
     */
    @FnoFunction(NS + "placement")
    public String placement(@FnoParam(NS + "code") String code, @FnoParam(NS + "year") String year, @FnoParam(NS + "value") String tier,
                            @FnoParam(NS + "at") String at) {
        if (tier(tier, at, "tier") == null) {
            skip("rows with no tier that year (NA): no placement", at);
            return null;
        }
        String country = country(code, at, "iso");
        return Ids.id("tip-placement", country.substring(country.lastIndexOf('/') + 1) + "-" + year(year, at, "year")).getURI();
    }

    /** {@code true} or {@code false} from Yes/No; null (counted) for a missing value (empty, NA, N/A). */
    @FnoFunction(NS + "yesNo")
    public String yesNo(@FnoParam(NS + "value") String value, @FnoParam(NS + "at") String at, @FnoParam(NS + "column") String column) {
        if (missing(value)) {
            skip("values missing (empty, NA or N/A) in column " + column + ": no statement", at);
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "yes" -> "true";
            case "no" -> "false";
            default -> throw new MappingError(at, column, "'" + value + "' is neither Yes nor No");
        };
    }

    /** A readable, stable slug: lower case, runs of other characters as one hyphen. */
    @FnoFunction(NS + "slug")
    public String slug(@FnoParam(NS + "value") String value, @FnoParam(NS + "at") String at, @FnoParam(NS + "column") String column) {
        String s = value == null ? "" : slugOf(value);
        if (s.isEmpty())
            throw new MappingError(at, column, "'" + value + "' has no letters or digits to name it by");
        return s;
    }

    /**
     * Lower case letters and digits, other runs as one hyphen, none at the ends; accents dropped
     * (NFKD, then the marks removed). Called several times a row, so written as one pass.
     */
    static String slugOf(String value) {
        String text = value;
        for (int i = 0; i < value.length(); i++)
            if (value.charAt(i) > 0x7F) {
                text = COMBINING_MARKS.matcher(java.text.Normalizer.normalize(value, java.text.Normalizer.Form.NFKD)).replaceAll("");
                break;
            }
        StringBuilder b = new StringBuilder(text.length());
        boolean gap = false;
        for (int i = 0; i < text.length(); i++) {
            char c = Character.toLowerCase(text.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (gap && b.length() > 0)
                    b.append('-');
                b.append(c);
                gap = false;
            } else {
                gap = true;
            }
        }
        return b.toString();
    }

    /** The slug of a country IRI made by {@link #country}. */
    private String countrySlug(String code, String at, String column) {
        String iri = country(code, at, column);
        return iri.substring(iri.lastIndexOf('/') + 1);
    }

    /** The IRI of the TIP Report of a year, or null when the row gives no tier (no report placed it). */
    @FnoFunction(NS + "tipReport")
    public String tipReport(@FnoParam(NS + "year") String year, @FnoParam(NS + "value") String tier, @FnoParam(NS + "at") String at) {
        if (tier(tier, at, "tier") == null)
            return null;
        return Ids.id("report", "us-tip-report-" + year(year, at, "year")).getURI();
    }

    /** The IRI of a good, named by its slug. */
    @FnoFunction(NS + "good")
    public String good(@FnoParam(NS + "value") String name, @FnoParam(NS + "at") String at, @FnoParam(NS + "column") String column) {
        return Ids.id("good", slug(name, at, column)).getURI();
    }

    /** The IRI of an economic sector, named by its slug. */
    @FnoFunction(NS + "sector")
    public String sector(@FnoParam(NS + "value") String name, @FnoParam(NS + "at") String at, @FnoParam(NS + "column") String column) {
        return Ids.id("sector", slug(name, at, column)).getURI();
    }

    /** The IRI of the finding that a good is made with child or forced labour in a country. */
    @FnoFunction(NS + "goodsFinding")
    public String goodsFinding(@FnoParam(NS + "code") String code, @FnoParam(NS + "value") String good, @FnoParam(NS + "at") String at) {
        return Ids.id("goods-finding", countrySlug(code, at, "Country_ISO3") + "-" + slug(good, at, "Good_Name")).getURI();
    }

    /**
     * The IRI of a country's status record for an instrument in a year, or null (the row is left
     * out, and counted) when the source's value is missing.
     */
    @FnoFunction(NS + "treatyStatus")
    public String treatyStatus(@FnoParam(NS + "code") String code, @FnoParam(NS + "instrument") String instrument, @FnoParam(NS + "year") String year,
                               @FnoParam(NS + "value") String value, @FnoParam(NS + "at") String at, @FnoParam(NS + "column") String column) {
        if (yesNo(value, at, column) == null)
            return null;
        return Ids.id("treaty-status", countrySlug(code, at, "Country_ISO3") + "-" + instrument + "-" + year(year, at, "year")).getURI();
    }

    /**
     * The forms of exploitation a goods list row marks Yes, as IRIs of ctkg's crime typology:
     * child labour, forced labour, forced child labour (one call for the three columns).
     */
    @FnoFunction(NS + "formsFound")
    public List<String> formsFound(@FnoParam(NS + "childLabour") String child, @FnoParam(NS + "forcedLabour") String forced,
                                   @FnoParam(NS + "forcedChildLabour") String forcedChild, @FnoParam(NS + "at") String at) {
        List<String> forms = new java.util.ArrayList<>(3);
        if ("true".equals(yesNo(child, at, "Child_Labor")))
            forms.add(Ids.id("crime", "child-labour").getURI());
        if ("true".equals(yesNo(forced, at, "Forced_Labor")))
            forms.add(Ids.id("crime", "forced-labour").getURI());
        if ("true".equals(yesNo(forcedChild, at, "Forced_Child_Labor")))
            forms.add(Ids.id("crime", "forced-child-labour").getURI());
        return forms;
    }
}
