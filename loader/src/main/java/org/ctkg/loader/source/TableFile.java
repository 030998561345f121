package org.ctkg.loader.source;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.ctkg.loader.LoadException;
import org.ctkg.loader.Source;

/**
 * A CSV or TSV table checked before a mapping engine reads it, because engines accept broken
 * tables silently: short rows, an unbalanced quote that swallows the rest of the file, mixed
 * line endings that merge rows, bytes that are not UTF-8. Every row is read once; the first
 * fault is reported with its file, line and column. What passes is written to a normalized copy
 * (RFC 4180, one LF per row) with one more column, {@value #LINE_COLUMN}: the file's name and the
 * line where each row starts ({@code tip_tiers_orig.csv:245}), so mappings can trace each resource
 * to its row and mapping functions can name the row they reject. {@link TableLines} reads the
 * file's lines; this class assembles them into records and checks their shape.
 */
final class TableFile {
    /** The column added to every row: where it is, {@code FILE-NAME:LINE}, the line of the original file where the row starts. */
    static final String LINE_COLUMN = "_at";

    private final Path path;
    private final String name;
    private final char delimiter;
    private final String fileName;

    private TableFile(Path path, String name, char delimiter) {
        this.path = path;
        this.name = name;
        this.delimiter = delimiter;
        this.fileName = path.getFileName().toString();
    }

    /** A table by its file name: {@code .csv} or {@code .tsv}, shown in messages as {@code name}; null for other files. */
    static TableFile of(Path path, String name) {
        String file = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (file.endsWith(".csv"))
            return new TableFile(path, name, ',');
        if (file.endsWith(".tsv") || file.endsWith(".tab"))
            return new TableFile(path, name, '\t');
        return null;
    }

    /** What the check found: the header, the number of rows, the line each row starts on, the original file's size and SHA-256. */
    record Checked(List<String> header, long rows, BitSet rowLines, Source.InputRecord input) {}

    /**
     * Checks the table and writes its normalized copy to {@code out}.
     * @throws LoadException BAD_INPUT naming the file, line and column of the first fault
     */
    Checked normalizeTo(Path out) {
        MessageDigest sha = Checksums.sha256();
        try (InputStream in = new BufferedInputStream(new DigestInputStream(Files.newInputStream(path), sha), 1 << 16);
             Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8), 1 << 16)) {
            Parser p = new Parser(in, w);
            p.run();
            return new Checked(p.header, p.rows, p.rowLines, new Source.InputRecord(name, p.lines.bytes(), HexFormat.of().formatHex(sha.digest())));
        } catch (NoSuchFileException e) {
            throw fault("no such file");
        } catch (IOException e) {
            throw fault("cannot read: " + e.getMessage());
        }
    }

    private LoadException fault(String message) {
        return new LoadException(LoadException.Kind.BAD_INPUT, name + ": " + message);
    }

    private LoadException fault(long line, int column, String message) {
        return TableLines.fault(name, line, column, message);
    }

    /** Assembles the table's lines into records, checks the header and each row's width, and writes the copy. */
    private final class Parser {
        private final TableLines lines;
        private final Writer out;
        private List<String> header;
        private long rows;
        private final BitSet rowLines = new BitSet();

        Parser(InputStream in, Writer out) {
            this.lines = new TableLines(in, name);
            this.out = out;
        }

        void run() throws IOException {
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;      // inside a quoted field
            boolean afterQuote = false;  // just after a quoted field's closing quote
            long recordLine = 0;
            long quoteLine = 0;
            String text;
            while ((text = lines.next()) != null) {
                if (!quoted) {
                    recordLine = lines.line();
                    fields.clear();
                    field.setLength(0);
                    afterQuote = false;
                    if (text.isEmpty() && header != null)
                        continue;  // a blank line between rows
                } else {
                    field.append('\n');
                }
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (quoted) {
                        if (c == '"') {
                            if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                                field.append('"');
                                i++;
                            } else {
                                quoted = false;
                                afterQuote = true;
                            }
                        } else {
                            field.append(c);
                        }
                    } else if (c == delimiter) {
                        fields.add(field.toString());
                        field.setLength(0);
                        afterQuote = false;
                    } else if (afterQuote) {
                        throw fault(lines.line(), i + 1, "text after the closing quote of a field");
                    } else if (c == '"' && field.isEmpty()) {
                        quoted = true;
                        quoteLine = lines.line();
                    } else {
                        field.append(c);
                    }
                }
                if (!quoted) {
                    fields.add(field.toString());
                    record(fields, recordLine);
                }
            }
            if (quoted)
                throw fault(quoteLine, 1, "a quoted field opened on this line is never closed");
            if (header == null)
                throw fault("empty file: no header and no rows");
            if (rows == 0)
                throw fault("no rows: the table has a header only");
        }

        private void record(List<String> fields, long recordLine) throws IOException {
            if (header == null) {
                if (!fields.isEmpty() && fields.get(0).startsWith("\uFEFF"))
                    fields.set(0, fields.get(0).substring(1));
                Set<String> seen = new HashSet<>();
                for (int i = 0; i < fields.size(); i++) {
                    String name = fields.get(i).strip();
                    if (name.isEmpty())
                        throw fault(recordLine, i + 1, "header column " + (i + 1) + " has no name");
                    if (!seen.add(name))
                        throw fault(recordLine, i + 1, "header column '" + name + "' appears twice");
                    if (name.equals(LINE_COLUMN))
                        throw fault(recordLine, i + 1, "the column name '" + LINE_COLUMN + "' is reserved");
                }
                header = List.copyOf(fields.stream().map(String::strip).toList());
                List<String> out = new ArrayList<>(header);
                out.add(LINE_COLUMN);
                write(out);
                return;
            }
            if (fields.size() != header.size())
                throw fault(recordLine, 1, fields.size() + (fields.size() == 1 ? " field" : " fields") + " where the header has " + header.size());
            fields.add(fileName + ":" + recordLine);
            write(fields);
            rows++;
            rowLines.set(Math.toIntExact(recordLine));
        }

        private void write(List<String> fields) throws IOException {
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0)
                    out.write(',');
                String f = fields.get(i);
                if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                    out.write('"');
                    out.write(f.replace("\"", "\"\""));
                    out.write('"');
                } else {
                    out.write(f);
                }
            }
            out.write('\n');
        }
    }
}
