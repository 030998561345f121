package org.ctkg.server.views;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.ctkg.loader.Stores;
import org.ctkg.server.views.StatisticFacts.Statistic;
import org.junit.jupiter.api.Test;

/**
 * ctkg's rule for which statistics are editions of one figure, case by case, and the statistics read
 * once per state of a real TDB2 store.
 */
class StatisticFactsTest {
    private static final Node CRIME = iri("crime/forced-labour"), WORLD = iri("region/world"), PERSON = iri("unit/person"),
            PEOPLE = iri("quantity/people-in-forced-labour"), TOTAL = iri("statistic/total");

    private static Node iri(String path) {
        return NodeFactory.createURI("https://w3id.org/ctkg/id/" + path);
    }

    private static Statistic statistic(String name, String time, Set<Node> scope, Node unit, Set<Node> partOf, Set<Node> correspondsTo) {
        return new Statistic(iri("statistic/" + name), Set.of(CRIME), scope, unit, PEOPLE, BigDecimal.TEN, "10", time, List.of(), partOf, correspondsTo);
    }

    private static Statistic plain(String name, String time) {
        return statistic(name, time, Set.of(WORLD), PERSON, Set.of(), Set.of());
    }

    @Test
    void theSameSubjectScopeUnitAndQuantityInAnotherYearIsAnotherEdition() {
        assertTrue(plain("a", "2016").editionOf(plain("b", "2021")));
        assertTrue(plain("b", "2021").editionOf(plain("a", "2016")), "both ways");
        assertTrue(statistic("a", "2018-07-23", Set.of(), PERSON, Set.of(), Set.of())
                .editionOf(statistic("b", "2020-10-09", Set.of(), PERSON, Set.of(), Set.of())), "neither stating a scope");
        assertTrue(statistic("a", "2016", Set.of(WORLD), PERSON, Set.of(iri("statistic/t1")), Set.of())
                .editionOf(statistic("b", "2021", Set.of(WORLD), PERSON, Set.of(iri("statistic/t2")), Set.of())), "breakdowns of two totals");
    }

    @Test
    void anythingElseIsNot() {
        Statistic a = plain("a", "2016");
        assertFalse(a.editionOf(a), "itself");
        assertFalse(a.editionOf(plain("b", null)), "without a year or date");
        assertFalse(a.editionOf(statistic("b", "2021", Set.of(), PERSON, Set.of(), Set.of())), "another scope");
        assertFalse(a.editionOf(statistic("b", "2021", Set.of(WORLD), iri("unit/usd"), Set.of(), Set.of())), "another unit");
        assertFalse(a.editionOf(statistic("b", "2021", Set.of(WORLD), PERSON, Set.of(TOTAL), Set.of())), "a breakdown and a total");
        assertFalse(statistic("b", "2016", Set.of(WORLD), PERSON, Set.of(a.iri()), Set.of()).editionOf(a), "a breakdown of it");
        assertFalse(a.editionOf(statistic("b", "2016", Set.of(WORLD), PERSON, Set.of(), Set.of(a.iri()))), "the same estimate cited again");
        Statistic other = new Statistic(iri("statistic/b"), Set.of(CRIME, iri("crime/sexual-exploitation")), Set.of(WORLD), PERSON, PEOPLE,
                BigDecimal.ONE, "1", "2021", List.of(), Set.of(), Set.of());
        assertFalse(a.editionOf(other), "about more");
    }

    @Test
    void theStatisticsAreReadOncePerStateOfTheStore() {
        DatasetGraph dsg = Stores.curatedScratch();
        StatisticFacts statistics = new StatisticFacts(dsg);
        StatisticFacts.Facts first = statistics.now();
        assertTrue(first.statistics().size() > 20, "the curated graph's statistics: " + first.statistics().size());
        assertSame(first, statistics.now(), "read once while the store is not written");
        Txn.executeWrite(dsg, () -> dsg.delete(iri("graph/none"), iri("statistic/none"), iri("p"), iri("o")));
        assertNotSame(first, statistics.now(), "read again after a write");
    }
}
