package org.ctkg.carml;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.stream.Collectors;

import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;

/** N-Quads compared as graphs: by isomorphism (blank nodes may differ), with the differences shown. */
final class Graphs {
    private Graphs() {}

    static Model parse(String nquads) {
        try {
            return Rio.parse(new StringReader(nquads), RDFFormat.NQUADS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails naming the triples {@code actual} lacks and those it has beyond {@code expected}. */
    static void assertIsomorphic(Model expected, Model actual, String what) {
        if (Models.isomorphic(expected, actual))
            return;
        fail(what + ": not the same graph (" + expected.size() + " expected, " + actual.size() + " made;"
                + " blank nodes are compared by structure, so they may be listed though only their labels differ)"
                + "\nmissing:\n" + lines(expected, actual) + "\nunexpected:\n" + lines(actual, expected));
    }

    private static String lines(Model these, Model butNotIn) {
        return these.stream().filter(st -> !butNotIn.contains(st)).limit(50).map(Statement::toString)
                .map(s -> "  " + s).collect(Collectors.joining("\n"));
    }
}
