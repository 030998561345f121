package org.ctkg.loader.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import org.apache.commons.io.input.BoundedInputStream;
import org.apache.commons.io.input.CloseShieldInputStream;
import org.apache.jena.atlas.RuntimeIOException;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.RiotParseException;
import org.apache.jena.riot.system.AsyncParser;
import org.apache.jena.riot.system.StreamRDF;
import org.ctkg.loader.LoadException;
import org.ctkg.loader.Source;
import org.ctkg.ontology.Ids;

/**
 * An RDF file in any syntax Jena reads, gzip-compressed or not; the syntax comes from the file
 * name unless given. Parsed as a stream, strictly: a bad IRI or a literal that is not valid for
 * its datatype is an error, not a warning. A JSON-LD file's remote contexts resolve only to those
 * ctkg ships ({@link JsonLdContexts}): reading a file makes no request.
 */
public final class RdfFile implements Source {
    /** Statements the parser thread hands over at a time, and how many such chunks may wait. */
    private static final int PARSED_CHUNK = 10_000, PARSED_QUEUE = 8;
    private final Path path;
    private final Lang lang;
    private final boolean gzip;
    private final Node defaultGraph;
    private InputRecord record;

    private final String name;

    private RdfFile(Path path, Lang lang, boolean gzip, String name) {
        this.path = path;
        this.name = name;
        this.lang = lang;
        this.gzip = gzip;
        this.defaultGraph = graphNamedAfter(path);
    }

    /**
     * The file, with its syntax from its name ({@code .ttl}, {@code .nt.gz}, …) or from
     * {@code syntax} (a name or file extension such as "turtle" or "nq") when not null.
     * @throws LoadException BAD_INPUT when the syntax cannot be told
     */
    public static RdfFile of(Path path, String syntax) {
        return of(path, syntax, path.toString());
    }

    /**
     * As {@link #of(Path, String)}, the file shown in messages and provenance as {@code name} (the
     * name the user knows, for a file staged elsewhere); its syntax is told from that name.
     */
    public static RdfFile of(Path path, String syntax, String name) {
        String fileName = path.getFileName().toString();
        boolean gzip = fileName.toLowerCase(Locale.ROOT).endsWith(".gz");
        String base = gzip ? fileName.substring(0, fileName.length() - 3) : fileName;
        Lang lang;
        if (syntax != null) {
            lang = RDFLanguages.nameToLang(syntax);
            if (lang == null)
                lang = RDFLanguages.fileExtToLang(syntax);
            if (lang == null)
                throw new LoadException(LoadException.Kind.BAD_INPUT, "unknown RDF syntax '" + syntax + "'");
        } else {
            lang = RDFLanguages.filenameToLang(base);
            if (lang == null)
                throw new LoadException(LoadException.Kind.BAD_INPUT,
                        name + ": cannot tell the RDF syntax from the file name; name it .ttl, .nt, .nq, .trig, .rdf, .jsonld (optionally .gz) or give --syntax");
        }
        return new RdfFile(path, lang, gzip, name);
    }

    @Override
    public String name() {
        return name;
    }

    /** The syntax the file is read in. */
    public Lang lang() {
        return lang;
    }

    @Override
    public Node defaultGraph() {
        return defaultGraph;
    }

    /** The file's size; a compressed file counts as five times its size, about what it holds. */
    @Override
    public long bytes() {
        try {
            return Files.size(path) * (gzip ? 5 : 1);
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public boolean sendsQuads() {
        return RDFLanguages.isQuads(lang);
    }

    private static Node graphNamedAfter(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz"))
            name = name.substring(0, name.length() - 3);
        int dot = name.lastIndexOf('.');
        if (dot > 0)
            name = name.substring(0, dot);
        String slug = name.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return Ids.graph(slug.isEmpty() ? "unnamed" : slug);
    }

    @Override
    public void send(StreamRDF destination) {
        MessageDigest sha = Checksums.sha256();
        BoundedInputStream counted;
        try (InputStream raw = Files.newInputStream(path)) {
            counted = BoundedInputStream.builder().setInputStream(new DigestInputStream(new BufferedInputStream(raw, 1 << 16), sha)).get();
            // The parser closes its input when done; the file stays open for its trailing bytes.
            InputStream parsed = CloseShieldInputStream.wrap(counted);
            ReadFailures in = new ReadFailures(gzip ? new GZIPInputStream(parsed, 1 << 16) : parsed);
            ContentCheck content = new ContentCheck(destination, name());
            try {
                // Parsed on a thread of its own, so that the caller's thread spends its time on
                // what follows (node ids, indexes): at 10M triples that halves the reading.
                AsyncParser.of(JsonLdContexts.applyTo(RDFParser.source(in))
                                 .lang(lang)
                                 .base(path.toAbsolutePath().toUri().toString())
                                 .checking(true)
                                 .errorHandler(StrictErrors.INSTANCE))
                           .setChunkSize(PARSED_CHUNK)
                           .setQueueSize(PARSED_QUEUE)
                           .setDaemonMode(true)
                           .asyncParseSources(content);
            } catch (RuntimeException e) {
                in.rethrowFailure();
                throw e;
            }
            in.rethrowFailure();
            if (content.isEmpty())
                throw new LoadException(LoadException.Kind.BAD_INPUT, name() + ": no triples: the file is empty or holds only prefixes and comments");
            // Read any trailing bytes so the checksum covers the whole file.
            counted.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (NoSuchFileException e) {
            throw new LoadException(LoadException.Kind.BAD_INPUT, name() + ": no such file");
        } catch (ZipException e) {
            throw new LoadException(LoadException.Kind.BAD_INPUT, name() + ": not valid gzip: " + e.getMessage());
        } catch (IOException | UncheckedIOException | RuntimeIOException e) {
            throw new LoadException(LoadException.Kind.BAD_INPUT, name() + ": cannot read: " + Causes.rootMessage(e), e);
        } catch (LoadException e) {
            throw e;
        } catch (RiotParseException e) {
            throw new LoadException(LoadException.Kind.BAD_INPUT,
                    name() + ":" + e.getLine() + ":" + e.getCol() + ": " + e.getOriginalMessage(), e);
        } catch (RiotException e) {
            throw new LoadException(LoadException.Kind.BAD_INPUT, name() + ": " + Causes.rootMessage(e), e);
        }
        record = new InputRecord(name(), counted.getCount(), HexFormat.of().formatHex(sha.digest()));
    }

    @Override
    public InputRecord record() {
        if (record == null)
            throw new IllegalStateException("not read yet: " + name());
        return record;
    }
}
