package netwarden.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The tokens allowed to call the API, checked in constant time.
 *
 * <p>The presented and stored secrets are both hashed with SHA-256 and compared with
 * {@link MessageDigest#isEqual}, and every stored token is compared without stopping at a match, so
 * neither the time nor the length of a secret leaks through response timing. With no tokens every
 * protected request is refused. Immutable and thread-safe.
 */
public final class ApiTokens {
    private static final String BEARER = "Bearer";

    private final List<ApiToken> tokens;
    private final byte[][] digests;

    public ApiTokens(List<ApiToken> tokens) {
        this.tokens = List.copyOf(tokens);
        this.digests = new byte[this.tokens.size()][];
        Set<String> names = new HashSet<>();
        for (int i = 0; i < this.tokens.size(); i++) {
            ApiToken t = this.tokens.get(i);
            if (!names.add(t.name())) throw new IllegalArgumentException("duplicate token name: " + t.name());
            digests[i] = sha256(t.secret());
            for (int j = 0; j < i; j++) {
                if (MessageDigest.isEqual(digests[i], digests[j]))
                    throw new IllegalArgumentException("tokens " + this.tokens.get(j).name() + " and " + t.name()
                            + " share one secret");
            }
        }
    }

    public List<ApiToken> tokens() {
        return tokens;
    }

    /** The token whose secret an {@code Authorization} header value carries, if any. */
    public Optional<ApiToken> authenticate(String authorizationHeader) {
        Optional<String> presented = bearer(authorizationHeader);
        if (presented.isEmpty()) return Optional.empty();
        byte[] digest = sha256(presented.get());
        ApiToken match = null;
        for (int i = 0; i < digests.length; i++) {
            // No early exit: the time taken does not depend on which token matched.
            if (MessageDigest.isEqual(digest, digests[i])) match = tokens.get(i);
        }
        return Optional.ofNullable(match);
    }

    /**
     * The token of {@code Bearer <token>} (scheme case-insensitive, RFC 6750), or empty when the
     * header is absent, names another scheme, or has no token or more than one word after the scheme.
     */
    public static Optional<String> bearer(String header) {
        if (header == null) return Optional.empty();
        String h = header.strip();
        if (h.length() <= BEARER.length() || !h.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || h.charAt(BEARER.length()) != ' ') return Optional.empty();
        String token = h.substring(BEARER.length()).strip();
        if (token.isEmpty() || token.chars().anyMatch(c -> c <= 0x20)) return Optional.empty();
        return Optional.of(token);
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return "ApiTokens" + tokens.stream().map(ApiToken::name).toList();
    }
}
