package org.ctkg.server.web;

import java.math.BigDecimal;

/**
 * Figures as a page writes them for people: {@code 150000000000} → "150 billion", {@code 25000000} →
 * "25 million", {@code 10000} → "10,000". Shared by the resource pages' statements and the charts of a
 * statistic's editions, so that a figure reads the same in both.
 */
public final class ReadableNumbers {
    private ReadableNumbers() {}

    /** The number written readably; a lexical form that is not a number, or a fraction under a million, as written. */
    public static String of(String lexical) {
        try {
            BigDecimal v = new BigDecimal(lexical);
            BigDecimal abs = v.abs();
            if (abs.compareTo(BigDecimal.valueOf(1_000_000_000L)) >= 0)
                return v.divide(BigDecimal.valueOf(1_000_000_000L)).stripTrailingZeros().toPlainString() + " billion";
            if (abs.compareTo(BigDecimal.valueOf(1_000_000L)) >= 0)
                return v.divide(BigDecimal.valueOf(1_000_000L)).stripTrailingZeros().toPlainString() + " million";
            return String.format("%,d", v.longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            return lexical;
        }
    }
}
