package netwarden.sources.gamelog;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** One-way forms of a row's hash (CD key hash, Steam id...): the raw value never leaves the component. */
final class PlayerIds {
    private final Mac mac;

    PlayerIds(String salt) {
        try {
            if (salt == null) {
                mac = null;
            } else {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(salt.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** The salted id shown outside (16 hex characters), or null without salt or hash. */
    String playerId(String rawHash) {
        if (mac == null || rawHash == null) return null;
        return HexFormat.of().formatHex(mac.doFinal(rawHash.getBytes(StandardCharsets.UTF_8)), 0, 8);
    }

    /** The roster key kept in the bookmark: SHA-256, 16 hex characters; "" for no hash. */
    static String digest(String rawHash) {
        if (rawHash == null) return "";
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(rawHash.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
