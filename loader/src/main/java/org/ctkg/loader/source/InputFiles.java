package org.ctkg.loader.source;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.util.HexFormat;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.ctkg.loader.LoadException;
import org.ctkg.loader.Source.InputRecord;

/** A mapping job's input files as the job records and checks them, with messages naming each file by the name the user knows. */
final class InputFiles {
    private final Function<Path, String> names;

    InputFiles(Function<Path, String> names) {
        this.names = names;
    }

    /** The file's name, size and SHA-256, for the job's provenance. */
    InputRecord record(Path file) {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), Checksums.sha256())) {
            in.transferTo(OutputStream.nullOutputStream());
            return new InputRecord(names.apply(file), Files.size(file), HexFormat.of().formatHex(in.getMessageDigest().digest()));
        } catch (NoSuchFileException e) {
            throw new LoadException(LoadException.Kind.BAD_INPUT, names.apply(file) + ": no such file", e);
        } catch (IOException e) {
            throw new LoadException(LoadException.Kind.BAD_INPUT, names.apply(file) + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads a JSON file through once, so a syntax or encoding error is reported with its line and column. */
    void checkJson(Path file) {
        try (JsonParser p = new JsonFactory().createParser(file.toFile())) {
            boolean any = false;
            while (p.nextToken() != null)
                any = true;
            if (!any)
                throw new LoadException(LoadException.Kind.BAD_INPUT, names.apply(file) + ": empty file: no JSON");
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            throw new LoadException(LoadException.Kind.BAD_INPUT, names.apply(file) + (where == null ? "" : ":" + where.getLineNr() + ":" + where.getColumnNr())
                    + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (NoSuchFileException | FileNotFoundException e) {
            throw new LoadException(LoadException.Kind.BAD_INPUT, names.apply(file) + ": no such file", e);
        } catch (IOException e) {
            throw new LoadException(LoadException.Kind.BAD_INPUT, names.apply(file) + ": cannot read: " + e.getMessage(), e);
        }
    }
}
