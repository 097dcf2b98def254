package netwarden.server;

import java.util.Objects;

/**
 * A bearer token that may call the API.
 *
 * @param name           shown in logs and config errors instead of the secret ({@code [A-Za-z0-9._-]+})
 * @param secret         what clients send as {@code Authorization: Bearer <secret>}; at least 16
 *                       visible ASCII characters, no spaces
 * @param fullAddresses  true to show player and source addresses in full; false masks them
 *                       (see {@link netwarden.wire.AddressFormat})
 * @param readOnly       true: reads everything, changes nothing (a write endpoint answers 403)
 */
public record ApiToken(String name, String secret, boolean fullAddresses, boolean readOnly) {
    /** Shorter secrets are guessable; 16 random characters carry about 95 bits. */
    public static final int MIN_SECRET_LENGTH = 16;

    public ApiToken {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(secret, "secret");
        if (!name.matches("[A-Za-z0-9._-]+"))
            throw new IllegalArgumentException("token name may hold only letters, digits, '.', '_' and '-': '" + name + "'");
        if (secret.length() < MIN_SECRET_LENGTH)
            throw new IllegalArgumentException("secret of token " + name + " must hold at least " + MIN_SECRET_LENGTH
                    + " characters: it has " + secret.length());
        if (!secret.chars().allMatch(c -> c > 0x20 && c < 0x7f))
            throw new IllegalArgumentException("secret of token " + name
                    + " may hold only visible ASCII characters (no spaces)");
    }

    /** A token that may write. */
    public ApiToken(String name, String secret, boolean fullAddresses) {
        this(name, secret, fullAddresses, false);
    }

    /** Whether the token may change things (acknowledge an incident). */
    public boolean canWrite() {
        return !readOnly;
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "ApiToken[name=" + name + ", secret=***, fullAddresses=" + fullAddresses + ", readOnly=" + readOnly + "]";
    }
}
