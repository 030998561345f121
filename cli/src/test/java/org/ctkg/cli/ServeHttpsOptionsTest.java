package org.ctkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.ctkg.testkit.TestKeystore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ctkg serve --https}: a keystore without its password, a wrong one or a stray password file are usage errors naming the file. */
class ServeHttpsOptionsTest {
    @TempDir
    Path tmp;

    private static void assertUsageError(String expected, CommandLineTest.Run run) {
        assertEquals(2, run.code(), run.err());
        assertEquals("ctkg serve: " + expected + "\nTry 'ctkg serve --help'.\n", run.err());
    }

    @Test
    void aKeystoreNeedsItsPassword() throws Exception {
        Path keystore = Files.writeString(tmp.resolve("ks.p12"), "not read");
        assertUsageError("--https needs the keystore's password: --https-password-file FILE, or CTKG_HTTPS_PASSWORD",
                CommandLineTest.ctkg("serve", "--port", "0", "--https", keystore.toString()));
        Path empty = Files.writeString(tmp.resolve("empty"), "");
        assertUsageError("the keystore password file " + empty + " is empty",
                CommandLineTest.ctkg("serve", "--port", "0", "--https", keystore.toString(), "--https-password-file", empty.toString()));
    }

    @Test
    void aPasswordFileWithoutAKeystoreIsAUsageError() throws Exception {
        Path password = Files.writeString(tmp.resolve("pw"), "secret\n");
        assertUsageError("--https-password-file is the password of the --https keystore; give --https KEYSTORE too",
                CommandLineTest.ctkg("serve", "--port", "0", "--https-password-file", password.toString()));
    }

    @Test
    void aWrongPasswordIsAClearErrorNamingTheKeystore() throws Exception {
        TestKeystore keystore = TestKeystore.create(tmp);
        Path wrong = Files.writeString(tmp.resolve("pw"), "not-" + keystore.password() + "\n");
        CommandLineTest.Run run = CommandLineTest.ctkg("serve", "--port", "0", "--localhost", "--https", keystore.file().toString(),
                "--https-password-file", wrong.toString());
        assertEquals(2, run.code(), run.err());
        assertTrue(run.err().startsWith("ctkg serve: cannot serve HTTPS with the keystore " + keystore.file() + ": "), run.err());
    }
}
