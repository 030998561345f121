package org.ctkg.loader.source;

import org.apache.jena.riot.RiotParseException;
import org.apache.jena.riot.system.ErrorHandler;

/** Turns every parser warning and error into a failure that names the line and column, so nothing doubtful loads. */
final class StrictErrors implements ErrorHandler {
    static final StrictErrors INSTANCE = new StrictErrors();

    private StrictErrors() {}

    @Override
    public void warning(String message, long line, long col) {
        throw new RiotParseException(message, line, col);
    }

    @Override
    public void error(String message, long line, long col) {
        throw new RiotParseException(message, line, col);
    }

    @Override
    public void fatal(String message, long line, long col) {
        throw new RiotParseException(message, line, col);
    }
}
