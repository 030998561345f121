package org.ctkg.loader.source;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.sparql.core.Quad;
import org.ctkg.loader.LoadException;

/**
 * Passes everything on, notes whether anything came, and refuses text with U+FFFD: the parser
 * puts that replacement character where the bytes were not UTF-8, which would otherwise load
 * mis-encoded text (Latin-1, UTF-16) silently.
 */
final class ContentCheck extends StreamRDFWrapper {
    private final String file;
    private boolean any;

    ContentCheck(StreamRDF other, String file) {
        super(other);
        this.file = file;
    }

    @Override
    public void triple(Triple triple) {
        any = true;
        check(triple.getSubject(), triple.getSubject());
        check(triple.getSubject(), triple.getPredicate());
        check(triple.getSubject(), triple.getObject());
        super.triple(triple);
    }

    @Override
    public void quad(Quad quad) {
        any = true;
        check(quad.getSubject(), quad.getSubject());
        check(quad.getSubject(), quad.getPredicate());
        check(quad.getSubject(), quad.getObject());
        super.quad(quad);
    }

    private void check(Node subject, Node n) {
        String text = n.isLiteral() ? n.getLiteralLexicalForm() : n.isURI() ? n.getURI() : null;
        if (text != null && text.indexOf('\uFFFD') >= 0)
            throw new LoadException(LoadException.Kind.BAD_INPUT, file + ": not valid UTF-8 (is it Latin-1 or UTF-16?): "
                    + "an undecodable byte in a statement about " + subject + ": \"" + text + "\"");
    }

    boolean isEmpty() {
        return !any;
    }
}
