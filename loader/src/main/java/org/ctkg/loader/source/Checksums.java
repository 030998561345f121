package org.ctkg.loader.source;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The SHA-256 digests that provenance records for every file a job reads. */
final class Checksums {
    private Checksums() {}

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
