package org.ctkg.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The password of {@code serve --https}'s keystore: the first line of a file, or else an
 * environment variable; never an argument, which other users of the machine could read in the
 * process list.
 */
final class KeystorePassword {
    private KeystorePassword() {}

    /** The password from the file when there is one, else from the variable; a clear error when neither has one. */
    static String read(Path file, String variable) {
        if (file != null) {
            try {
                String first = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("");
                if (first.isEmpty())
                    throw new IllegalArgumentException("the keystore password file " + file + " is empty");
                return first;
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the keystore password file " + file + ": " + e.getMessage());
            }
        }
        String password = System.getenv(variable);
        if (password == null || password.isEmpty())
            throw new IllegalArgumentException("--https needs the keystore's password: --https-password-file FILE, or " + variable);
        return password;
    }
}
