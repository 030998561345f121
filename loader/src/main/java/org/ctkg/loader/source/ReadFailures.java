package org.ctkg.loader.source;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Remembers a read failure (a truncated gzip stream, an I/O error) that the parser would
 * otherwise take for the end of the input, so it can be reported as what it is.
 */
final class ReadFailures extends FilterInputStream {
    private IOException failure;

    ReadFailures(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        try {
            return super.read(buf, off, len);
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    void rethrowFailure() throws IOException {
        if (failure != null)
            throw failure;
    }
}
