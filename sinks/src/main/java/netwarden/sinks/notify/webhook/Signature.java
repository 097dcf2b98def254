package netwarden.sinks.notify.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature: {@code X-Netwarden-Signature: sha256=<hex>} where hex is the lower-case
 * HMAC-SHA256, keyed with the shared secret (its UTF-8 bytes), of the UTF-8 bytes of
 * {@code <timestamp>.<body>}, timestamp being the {@code X-Netwarden-Timestamp} header (Unix
 * seconds, decimal). Receivers recompute it, compare in constant time, and reject old timestamps
 * (replays), e.g. more than 5 minutes away from their clock.
 */
public final class Signature {
    public static final String SIGNATURE_HEADER = "X-Netwarden-Signature";
    public static final String TIMESTAMP_HEADER = "X-Netwarden-Timestamp";

    private Signature() {}

    /** {@code sha256=<hex>} for {@code body} sent at {@code unixSeconds}. */
    public static String sign(String secret, long unixSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((unixSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    /** Constant-time check of a received signature header. */
    public static boolean verify(String secret, long unixSeconds, byte[] body, String header) {
        if (header == null) return false;
        return MessageDigest.isEqual(sign(secret, unixSeconds, body).getBytes(StandardCharsets.US_ASCII),
                header.getBytes(StandardCharsets.US_ASCII));
    }
}
