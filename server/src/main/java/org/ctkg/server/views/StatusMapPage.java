package org.ctkg.server.views;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.ctkg.server.ld.LinkedData;
import org.ctkg.server.ld.Link;
import org.ctkg.server.ld.Pages;
import org.ctkg.server.ld.Refusal;

/**
 * Serves the world map of an instrument's treaty status records,
 * {@code /map/treaty-status?instrument=IRI&year=YYYY} ({@link StatusMap}). Without {@code year} it
 * redirects to the latest year with records; without {@code instrument}, to the instrument with the
 * most records. An instrument that is not an absolute IRI or a year that is not a number answers
 * 400; an instrument or year without records 404, each with a page that says what there is.
 */
public final class StatusMapPage extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient CountryFacts countries;
    private final LinkedData.Iris iris;

    public StatusMapPage(CountryFacts countries, LinkedData.Iris iris) {
        this.countries = countries;
        this.iris = iris;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        CountryFacts.Facts facts = countries.now();
        String instrument = req.getParameter("instrument");
        if (instrument == null) {
            Node most = mostRecorded(facts);
            if (most == null) {
                Pages.send(resp, 404, "refusal.jte", new Refusal("No treaty status records", "This store holds no treaty status record to draw.",
                        Link.of("the query page", "/ui/")));
                return;
            }
            redirect(resp, StatusMap.href(most.getURI(), last(StatusMap.years(facts, most))));
            return;
        }
        Node node = absoluteIri(instrument.strip());
        if (node == null) {
            Pages.send(resp, 400, "refusal.jte", new Refusal("Not an instrument's IRI", "The instrument must be an absolute IRI, such as "
                    + "https://w3id.org/ctkg/id/instrument/palermo-protocol.", Link.of("the maps of treaty status", StatusMap.PATH)));
            return;
        }
        List<Integer> years = StatusMap.years(facts, node);
        Link instrumentPage = Link.of("the instrument's page", iris.localHref(node.getURI()));
        if (years.isEmpty()) {
            Pages.send(resp, 404, "refusal.jte", new Refusal("No treaty status records", "This store holds no treaty status record of "
                    + node.getURI() + ".", Link.of("the maps of treaty status", StatusMap.PATH)));
            return;
        }
        String year = req.getParameter("year");
        if (year == null) {
            redirect(resp, StatusMap.href(node.getURI(), last(years)));
            return;
        }
        String range = years.size() == 1 ? Integer.toString(years.get(0)) : years.get(0) + "–" + last(years);
        if (!year.strip().matches("[0-9]{1,4}")) {
            Pages.send(resp, 400, "refusal.jte", new Refusal("Not a year", "The year must be a number, such as ?year=" + last(years)
                    + "; the records of this instrument are of " + range + ".", instrumentPage));
            return;
        }
        StatusMap map = StatusMap.of(facts, node, Integer.parseInt(year.strip()), iris);
        if (map == null) {
            Pages.send(resp, 404, "refusal.jte", new Refusal("No records for " + year.strip(), "The records of this instrument are of " + range + ".",
                    instrumentPage));
            return;
        }
        Pages.send(resp, 200, "statusmap.jte", map);
    }

    private static Node mostRecorded(CountryFacts.Facts facts) {
        Map<Node, Integer> counts = new HashMap<>();
        facts.statuses().values().forEach(list -> list.forEach(s -> counts.merge(s.instrument(), 1, Integer::sum)));
        return counts.entrySet().stream().filter(e -> e.getKey().isURI() && !StatusMap.years(facts, e.getKey()).isEmpty())
                .max(Map.Entry.<Node, Integer>comparingByValue().thenComparing(e -> e.getKey().getURI(), java.util.Comparator.reverseOrder()))
                .map(Map.Entry::getKey).orElse(null);
    }

    private static Node absoluteIri(String text) {
        try {
            IRIx iri = IRIx.create(text);
            return iri.isAbsolute() ? NodeFactory.createURI(iri.str()) : null;
        } catch (IRIException notAnIri) {
            return null;
        }
    }

    private static int last(List<Integer> years) {
        return years.get(years.size() - 1);
    }

    private static void redirect(HttpServletResponse resp, String location) {
        resp.setStatus(302);
        resp.setHeader("Location", location);
    }
}
