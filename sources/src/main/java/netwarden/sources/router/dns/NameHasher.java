package netwarden.sources.router.dns;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How domain names are kept ({@code router.dns.hash-names}): plain, or as a salted hash
 * ({@code h:} + the first 16 bytes of HMAC-SHA256(salt, name) in hex), so equal names still
 * match across connections and searches for a known name still work (hash the query the same way)
 * while the store never holds the names themselves.
 */
public final class NameHasher {
    private final SecretKeySpec key;

    private NameHasher(SecretKeySpec key) {
        this.key = key;
    }

    public static NameHasher plain() {
        return new NameHasher(null);
    }

    public static NameHasher salted(String salt) {
        if (salt == null || salt.length() < 8) throw new IllegalArgumentException("router.dns.hash-salt must be at least 8 characters");
        return new NameHasher(new SecretKeySpec(salt.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    }

    public String apply(String name) {
        if (key == null) return name;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] h = mac.doFinal(name.getBytes(StandardCharsets.UTF_8));
            return "h:" + HexFormat.of().formatHex(h, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
