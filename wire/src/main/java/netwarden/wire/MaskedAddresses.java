package netwarden.wire;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import netwarden.model.Ip;

/** Masked addresses with a keyed hash; see {@link AddressFormat} for the format and why. */
final class MaskedAddresses implements AddressFormat {
    private static final String HMAC = "HmacSHA256";
    private static final int MIN_KEY_BYTES = 16;

    static final MaskedAddresses PROCESS = new MaskedAddresses(randomKey());

    private final SecretKeySpec key;

    MaskedAddresses(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES)
            throw new IllegalArgumentException("mask key must hold at least " + MIN_KEY_BYTES + " bytes: "
                    + (key == null ? "null" : key.length));
        this.key = new SecretKeySpec(key.clone(), HMAC);
    }

    @Override
    public String format(Ip address) {
        return network(address) + "#" + shortHash(address.bytes());
    }

    @Override
    public boolean full() {
        return false;
    }

    private static String network(Ip address) {
        if (address.isV4()) {
            int v = address.v4();
            return (v >>> 24) + "." + ((v >>> 16) & 0xff) + "." + ((v >>> 8) & 0xff) + ".x";
        }
        long hi = address.hi();
        return Long.toHexString(hi >>> 48) + ":" + Long.toHexString((hi >>> 32) & 0xffff) + ":"
                + Long.toHexString((hi >>> 16) & 0xffff) + "::x";
    }

    private String shortHash(byte[] addressBytes) {
        try {
            // A Mac is not thread-safe and creating one costs about a microsecond: cheaper than pooling.
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            byte[] digest = mac.doFinal(addressBytes);
            return HexFormat.of().formatHex(digest, 0, 2);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    @Override
    public String toString() {
        return "MaskedAddresses[/24 and /48 with keyed hash]"; // never the key
    }
}
