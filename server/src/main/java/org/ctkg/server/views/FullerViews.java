package org.ctkg.server.views;

import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.DCTerms;
import org.ctkg.ontology.CTKG;

/**
 * The views made for many links of one kind, to which a neighbourhood picture's group links instead
 * of drawing each link: a country's tier placements are its dossier's timeline and table
 * ({@code #tip-tiers}), a TIP Report's placements are that year's tier map, an instrument's treaty
 * status records are its page's map of them ({@code #status-map}). Other groups go to the
 * class page of their members (the neighbourhood picture's own choice).
 */
public final class FullerViews {
    private static final Node TIER_PLACEMENT = NodeFactory.createURI(CTKG.NS + "TierPlacement");
    private static final Node COUNTRY = NodeFactory.createURI(CTKG.NS + "country");
    private static final Node PLACED_IN = NodeFactory.createURI(CTKG.NS + "placedIn");
    private static final Node TREATY_STATUS = NodeFactory.createURI(CTKG.NS + "TreatyStatus");
    private static final Node INSTRUMENT = NodeFactory.createURI(CTKG.NS + "instrument");

    private FullerViews() {}

    /**
     * The view of the group, or null when no view is made for it.
     *
     * @param statements the centre's own statements (a report's year is one)
     * @param incoming whether the group's members link to the centre
     */
    public static String href(Node centre, List<Quad> statements, Node property, Node type, boolean incoming) {
        if (incoming && TREATY_STATUS.equals(type) && property.equals(INSTRUMENT) && centre.isURI())
            return "#status-map";
        if (!incoming || !TIER_PLACEMENT.equals(type))
            return null;
        if (property.equals(COUNTRY))
            return "#tip-tiers";
        if (property.equals(PLACED_IN))
            for (Quad q : statements)
                if (q.getPredicate().equals(DCTerms.issued.asNode()) && q.getObject().isLiteral()
                        && q.getObject().getLiteralLexicalForm().matches("[0-9]{4}"))
                    return TierMap.href(Integer.parseInt(q.getObject().getLiteralLexicalForm()));
        return null;
    }
}
