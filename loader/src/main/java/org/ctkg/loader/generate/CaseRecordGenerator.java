package org.ctkg.loader.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.SplittableRandom;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Synthetic case records in the shape of the CTDC data standard, as N-Triples, for benchmarks
 * and scale tests: deterministic from a seed, valid against ctkg's shapes, linked to countries
 * and to the crime typology. The countries are ctkg's ISO 3166-1 countries, which every store holds.
 * <pre>
 *   new CaseRecordGenerator(42).write(out, 1_000_000);   // about a million triples
 * </pre>
 * Records are named {@code …/id/case/s{seed}-{n}}: enumerable, for public synthetic data. With an
 * id key ({@link #opaqueIds}) each is named by a keyed hash of that name instead,
 * {@code …/id/case/r-{26 base32 characters}} (HMAC-SHA256, 130 bits): what records loaded
 * restricted should be called, so that no IRI can be guessed or counted through (docs/privacy.md).
 */
public final class CaseRecordGenerator {
    private static final String ID = "https://w3id.org/ctkg/id/";
    private static final String CTKG = "https://w3id.org/ctkg/ontology#";
    private static final String TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>";
    private static final String XSD = "http://www.w3.org/2001/XMLSchema#";

    /**
     * ISO 3166-1 alpha-3 codes of the countries records refer to: ctkg's countries (every store holds
     * all of ISO 3166-1, mapped from the iso-codes data), so the records link to them and declare none.
     */
    private static final String[] COUNTRIES = {
        "USA", "MEX", "GBR", "CHN", "IND", "PHL", "IDN", "THA", "VNM", "KHM", "MMR", "NGA", "GHA", "UGA", "KEN",
        "ETH", "BRA", "COL", "PER", "HND", "GTM", "SLV", "HTI", "UKR", "MDA", "ROU", "BGR", "TUR", "SAU", "ARE",
        "QAT", "MYS", "NPL", "BGD", "PAK", "ITA", "ESP", "DEU", "NLD", "POL"};
    private static final String[] GENDERS = {"Woman", "Man", "Girl", "Boy", "Trans/Transgender/NonConforming"};
    private static final int[] GENDER_WEIGHTS = {45, 30, 13, 11, 1};
    private static final String[] AGE_BANDS = {"0-8", "9-17", "18-20", "21-23", "24-26", "27-29", "30-38", "39-47", "48+"};
    private static final String[] LABOUR = {"Agriculture", "Construction", "DomesticWork", "Hospitality", "Manufacturing", "Fishing", "Other"};
    private static final String[] RECRUITER = {"IntimatePartner", "Friend", "Family", "Other"};

    private final long seed;
    private Mac ids;

    public CaseRecordGenerator(long seed) {
        this.seed = seed;
    }

    /** Names records by a keyed hash under this secret key (keep it as secret as the records); returns this. */
    public CaseRecordGenerator opaqueIds(byte[] key) {
        try {
            ids = Mac.getInstance("HmacSHA256");
            ids.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java has no HMAC-SHA256", e);
        }
        return this;
    }

    private String name(long n) {
        String plain = "s" + seed + "-" + n;
        if (ids == null)
            return plain;
        byte[] h = ids.doFinal(plain.getBytes(StandardCharsets.UTF_8));
        StringBuilder b = new StringBuilder("r-");
        long bits = 0;
        int have = 0;
        for (int i = 0; b.length() < 28; ) {
            if (have < 5) {
                bits = (bits << 8) | (h[i++] & 0xff);
                have += 8;
            }
            b.append(BASE32.charAt((int) (bits >>> (have - 5)) & 31));
            have -= 5;
        }
        return b.toString();
    }

    private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

    /** Writes records until at least {@code triples} triples are written; returns the count written. */
    public long write(OutputStream out, long triples) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        SplittableRandom random = new SplittableRandom(seed);
        long written = 0;
        for (long n = 0; written < triples; n++) {
            String s = "<" + ID + "case/" + name(n) + ">";
            w.write(s + " " + TYPE + " <" + CTKG + "CaseRecord> .\n");
            w.write(s + " <" + CTKG + "yearOfRegistration> \"" + (2002 + random.nextInt(22)) + "\"^^<" + XSD + "gYear> .\n");
            w.write(s + " <" + CTKG + "gender> \"" + weighted(random, GENDERS, GENDER_WEIGHTS) + "\" .\n");
            w.write(s + " <" + CTKG + "ageBand> \"" + AGE_BANDS[random.nextInt(AGE_BANDS.length)] + "\" .\n");
            w.write(s + " <" + CTKG + "citizenship> " + country(COUNTRIES[random.nextInt(COUNTRIES.length)]) + " .\n");
            w.write(s + " <" + CTKG + "countryOfExploitation> " + country(COUNTRIES[random.nextInt(COUNTRIES.length)]) + " .\n");
            written += 6;
            int form = random.nextInt(100);
            if (form < 55) {
                w.write(s + " <" + CTKG + "formOfExploitation> <" + ID + "crime/forced-labour> .\n");
                w.write(s + " <" + CTKG + "typeOfLabour> \"" + LABOUR[random.nextInt(LABOUR.length)] + "\" .\n");
                written += 2;
            }
            if (form >= 45 && form < 95) {
                w.write(s + " <" + CTKG + "formOfExploitation> <" + ID + "crime/sexual-exploitation> .\n");
                written++;
            }
            if (form >= 95) {
                w.write(s + " <" + CTKG + "formOfExploitation> <" + ID + "crime/forced-marriage> .\n");
                written++;
            }
            if (random.nextInt(10) < 6) {
                w.write(s + " <" + CTKG + "recruiterRelation> \"" + RECRUITER[random.nextInt(RECRUITER.length)] + "\" .\n");
                written++;
            }
        }
        w.flush();
        return written;
    }

    private static String country(String alpha3) {
        return "<" + ID + "country/" + alpha3.toLowerCase() + ">";
    }

    private static String weighted(SplittableRandom random, String[] values, int[] weights) {
        int total = 0;
        for (int wt : weights)
            total += wt;
        int r = random.nextInt(total);
        for (int i = 0; i < values.length; i++) {
            r -= weights[i];
            if (r < 0)
                return values[i];
        }
        return values[values.length - 1];
    }
}
