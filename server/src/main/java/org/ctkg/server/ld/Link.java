package org.ctkg.server.ld;

/**
 * Something a page names: its text, and where it links to ({@code href} null: shown as text).
 * A blank node has no name to show: {@link #BLANK_NODE} says so, in italics.
 */
public record Link(String text, String href, boolean blankNode) {
    public static final Link BLANK_NODE = new Link("(a blank node)", null, true);

    public static Link of(String text, String href) {
        return new Link(text, href, false);
    }

    public static Link text(String text) {
        return new Link(text, null, false);
    }
}
