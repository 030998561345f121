package org.ctkg.loader.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.ctkg.loader.LoadException;

/**
 * The physical lines of a table file, decoded as strict UTF-8, all ending the same way (LF or
 * CRLF): a byte that is not UTF-8, or a line ending unlike the first, fails with the file's name,
 * the line and the column. Counts the bytes read, for provenance.
 */
final class TableLines {
    private final InputStream in;
    private final String name;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteArrayOutputStream lineBytes = new ByteArrayOutputStream(256);
    private final byte[] buffer = new byte[1 << 16];
    private int pos;
    private int limit;
    private long bytes;
    private long line;
    private Boolean crlf;
    private long firstEndingLine;

    /** Lines read from {@code in}, a file shown in messages as {@code name}. */
    TableLines(InputStream in, String name) {
        this.in = in;
        this.name = name;
    }

    /** A fault at a place in the table named {@code name}. */
    static LoadException fault(String name, long line, int column, String message) {
        return new LoadException(LoadException.Kind.BAD_INPUT, name + ":" + line + ":" + column + ": " + message);
    }

    /** The number of the line last read, from 1. */
    long line() {
        return line;
    }

    /** The bytes read so far. */
    long bytes() {
        return bytes;
    }

    /** The next physical line, decoded, without its line ending; null at the end. */
    String next() throws IOException {
        lineBytes.reset();
        int b = -1;
        boolean any = false;
        while (true) {
            if (pos == limit) {
                limit = in.read(buffer);
                pos = 0;
                if (limit <= 0) {
                    limit = 0;
                    break;
                }
            }
            any = true;
            int start = pos;
            while (pos < limit && buffer[pos] != '\n')
                pos++;
            lineBytes.write(buffer, start, pos - start);
            bytes += pos - start;
            if (pos < limit) {
                pos++;
                bytes++;
                b = '\n';
                break;
            }
        }
        if (!any)
            return null;
        line++;
        byte[] raw = lineBytes.toByteArray();
        int length = raw.length;
        if (b == '\n') {
            boolean thisCrlf = length > 0 && raw[length - 1] == '\r';
            if (crlf == null) {
                crlf = thisCrlf;
                firstEndingLine = line;
            } else if (crlf != thisCrlf) {
                throw fault(name, line, length + 1, "mixed line endings: this line ends with " + (thisCrlf ? "CRLF" : "LF")
                        + ", line " + firstEndingLine + " with " + (crlf ? "CRLF" : "LF"));
            }
            if (thisCrlf)
                length--;
        }
        try {
            return utf8.decode(ByteBuffer.wrap(raw, 0, length)).toString();
        } catch (CharacterCodingException e) {
            int at = firstBadByte(raw, length);
            int column = new String(raw, 0, at, StandardCharsets.UTF_8).length() + 1;
            throw fault(name, line, column, String.format("not UTF-8: byte 0x%02X (save the file as UTF-8)", raw[at] & 0xFF));
        }
    }

    /** Where the first byte that does not start a well-formed UTF-8 sequence is. */
    private static int firstBadByte(byte[] raw, int length) {
        int i = 0;
        while (i < length) {
            int b = raw[i] & 0xFF;
            int more = b < 0x80 ? 0 : b >= 0xC2 && b <= 0xDF ? 1 : b >= 0xE0 && b <= 0xEF ? 2 : b >= 0xF0 && b <= 0xF4 ? 3 : -1;
            if (more < 0)
                return i;
            for (int k = 1; k <= more; k++)
                if (i + k >= length || (raw[i + k] & 0xC0) != 0x80)
                    return i;
            i += more + 1;
        }
        return 0;
    }
}
