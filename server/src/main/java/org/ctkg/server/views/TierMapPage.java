package org.ctkg.server.views;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.ctkg.server.ld.LinkedData;
import org.ctkg.server.ld.Link;
import org.ctkg.server.ld.Pages;
import org.ctkg.server.ld.Refusal;

/**
 * Serves the world map of TIP tier placements, {@code /map/tip-tiers?year=YYYY} ({@link TierMap}),
 * for every year the store has placements for; without {@code year}, it redirects to the latest.
 * A {@code year} that is not a number answers 400, a year without placements 404, each with a page
 * that says which years there are.
 */
public final class TierMapPage extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Link LATEST = Link.of("the latest year's map", TierMap.PATH);

    private final transient CountryFacts countries;
    private final LinkedData.Iris iris;

    public TierMapPage(CountryFacts countries, LinkedData.Iris iris) {
        this.countries = countries;
        this.iris = iris;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!req.getRequestURI().equals(TierMap.PATH)) {
            Pages.send(resp, 404, "refusal.jte", new Refusal("No such map", "The maps are at " + TierMap.PATH + " and " + StatusMap.PATH + ".", LATEST));
            return;
        }
        CountryFacts.Facts facts = countries.now();
        List<Integer> years = facts.years();
        if (years.isEmpty()) {
            Pages.send(resp, 404, "refusal.jte", new Refusal("No tier placements", "This store holds no TIP tier placement to draw.", Link.of("the query page", "/ui/")));
            return;
        }
        String range = years.get(0) + "–" + years.get(years.size() - 1);
        String year = req.getParameter("year");
        if (year == null) {
            resp.setStatus(302);
            resp.setHeader("Location", TierMap.href(years.get(years.size() - 1)));
            return;
        }
        if (!year.strip().matches("[0-9]{1,4}")) {
            Pages.send(resp, 400, "refusal.jte", new Refusal("Not a year", "The year must be a number, such as ?year=" + years.get(years.size() - 1)
                    + "; the TIP tier placements here are of " + range + ".", LATEST));
            return;
        }
        int y = Integer.parseInt(year.strip());
        if (!years.contains(y)) {
            Pages.send(resp, 404, "refusal.jte", new Refusal("No tier placements for " + y, "The TIP tier placements here are of " + range + ".", LATEST));
            return;
        }
        Pages.send(resp, 200, "tiermap.jte", TierMap.of(facts, y, iris));
    }
}
