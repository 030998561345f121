package org.ctkg.server.views;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.ctkg.server.views.CountryFacts.Placement;

/**
 * A country's TIP tiers over the years, drawn on the server as SVG ({@code timeline.jte}): a column
 * per year of the TIP data, a row per tier (Tier 1 at the top), one mark per year that has a
 * placement, joined by a line; every mark carries a {@code <title>} such as {@code 2012: Tier 2} and
 * links to the placement. This class places the marks; the template draws them.
 *
 * @param line the polyline's points through the marks, in year order
 */
public record Timeline(List<Tick> years, List<Row> tiers, List<Mark> marks, String line) {
    public static final int WIDTH = 720;
    public static final int HEIGHT = 168;
    private static final int LEFT = 140, RIGHT = 24, TOP = 24, ROW = 34;

    /** A year on the axis. */
    public record Tick(long x, String label) {}

    /** A tier's row, with its name and colour (the legend). */
    public record Row(long y, Tier tier) {}

    /** A placement drawn: where, its colour, its title ("2012: Tier 2") and the placement's page. */
    public record Mark(long x, long y, String colour, String title, String href) {}

    /** The timeline of the placements (of one country) over the years given, in order. */
    static Timeline of(List<Placement> placements, List<Integer> years, java.util.function.Function<Placement, String> href) {
        int first = years.isEmpty() ? 0 : years.get(0), last = years.isEmpty() ? 0 : years.get(years.size() - 1);
        double step = last > first ? (WIDTH - LEFT - RIGHT) / (double) (last - first) : 0;
        List<Tick> ticks = years.stream().map(y -> new Tick(Math.round(LEFT + (y - first) * step), Integer.toString(y))).toList();
        List<Row> rows = new ArrayList<>();
        for (Tier t : Tier.values())
            rows.add(new Row(TOP + (long) t.ordinal() * ROW, t));
        List<Mark> marks = placements.stream()
                .map(p -> new Mark(Math.round(LEFT + (p.year() - first) * step), TOP + (long) p.tier().ordinal() * ROW, p.tier().colour(),
                        p.year() + ": " + p.tier().label(), href.apply(p)))
                .toList();
        return new Timeline(ticks, rows, marks, marks.stream().map(m -> m.x() + "," + m.y()).collect(Collectors.joining(" ")));
    }

    /** Where the year labels stand. */
    public long axisY() {
        return TOP + (long) (Tier.values().length - 1) * ROW + 30;
    }

    /** Where the tier names end (right-aligned), left of the first year. */
    public long tierLabelX() {
        return LEFT - 20;
    }
}
