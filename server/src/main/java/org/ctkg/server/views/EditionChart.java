package org.ctkg.server.views;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The editions of a figure drawn on the server as a bar chart ({@code editions.jte}): a bar per
 * edition, in the order of the years or dates they describe, its height its value (from zero; a
 * negative value by its size, which its label says), the
 * page's own edition in the darker colour; every bar carries a {@code <title>} such as
 * {@code 2021: 49.6 million} and links to its statistic. This class places the bars; the template
 * draws them.
 */
public record EditionChart(List<Bar> bars) {
    public static final int WIDTH = 720;
    public static final int HEIGHT = 210;
    /** Where the bars stand, and the top of the tallest. */
    public static final int BASELINE = 170, TOP = 28;
    private static final int LEFT = 30, RIGHT = 30, MAX_BAR = 90;
    /** ColorBrewer's RdYlBu blues (as the tier colours): the page's own edition, and the others. */
    static final String THIS = "#2c7bb6", OTHER = "#abd9e9";

    /**
     * A bar: where it stands and how tall it is, its colour, its {@code <title>} ("2021: 49.6 million"),
     * the value and the year or date written beside it, and the statistic's page.
     */
    public record Bar(long x, long y, long width, long height, String colour, String title, String value, String when, String href, boolean current) {
        /** Where the bar's middle is, for the labels above and below it. */
        public long middle() {
            return x + width / 2;
        }
    }

    /** An edition to draw: its value as a number and as written, when it is for, its page, and whether it is the page's own. */
    record Edition(BigDecimal value, String shown, String when, String href, boolean current) {}

    /** The chart of the editions, given in order. */
    static EditionChart of(List<Edition> editions) {
        double max = editions.stream().mapToDouble(e -> e.value().abs().doubleValue()).max().orElse(0);
        double column = (WIDTH - LEFT - RIGHT) / (double) Math.max(1, editions.size());
        long width = Math.round(Math.min(MAX_BAR, column * 0.6));
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < editions.size(); i++) {
            Edition e = editions.get(i);
            long height = max > 0 ? Math.max(2, Math.round((BASELINE - TOP) * e.value().abs().doubleValue() / max)) : 2;
            long x = Math.round(LEFT + column * i + (column - width) / 2);
            bars.add(new Bar(x, BASELINE - height, width, height, e.current() ? THIS : OTHER, e.when() + ": " + e.shown(), e.shown(), e.when(), e.href(),
                    e.current()));
        }
        return new EditionChart(List.copyOf(bars));
    }

    /** Where the years or dates stand, below the baseline. */
    public long whenY() {
        return BASELINE + 20;
    }

    /** The baseline's ends. */
    public long left() {
        return LEFT - 10;
    }

    public long right() {
        return WIDTH - RIGHT + 10;
    }
}
