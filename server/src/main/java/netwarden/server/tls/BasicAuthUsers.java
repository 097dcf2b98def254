package netwarden.server.tls;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import netwarden.server.BasicAuthenticator;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * Basic-auth users with bcrypt-hashed passwords, as in Prometheus' {@code basic_auth_users}
 * ({@code $2a$}, {@code $2b$} or {@code $2y$} hashes, e.g. from {@code htpasswd -nBC 10 USER}).
 *
 * <p>bcrypt is slow on purpose (tens of milliseconds at cost 10), and Prometheus scrapes every few
 * seconds, so credentials that verified once are remembered as a SHA-256 digest of
 * {@code user:password} (at most {@value #CACHE_LIMIT}; the cache empties when full). An unknown user
 * costs a bcrypt check against a dummy hash, so timing does not tell which users exist. Immutable
 * apart from that cache; thread-safe.
 */
public final class BasicAuthUsers implements BasicAuthenticator {
    static final int CACHE_LIMIT = 1024;
    private static final String DUMMY_HASH = OpenBSDBCrypt.generate("2b", "netwarden-dummy".toCharArray(),
            new byte[16], 10);

    private final Map<String, String> hashes;
    private final Set<String> verified = ConcurrentHashMap.newKeySet();

    /** @throws TlsConfigException when a user name is empty or holds ':', or a hash is not bcrypt */
    public BasicAuthUsers(Map<String, String> usersToBcryptHashes) {
        Map<String, String> copy = new LinkedHashMap<>();
        usersToBcryptHashes.forEach((user, hash) -> {
            if (user == null || user.isEmpty() || user.contains(":"))
                throw new TlsConfigException("basic_auth_users: user name must be non-empty without ':': '" + user + "'");
            if (hash == null || !hash.matches("\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}"))
                throw new TlsConfigException("basic_auth_users." + user + ": not a bcrypt hash ($2a$, $2b$ or $2y$,"
                        + " 60 characters); make one with: htpasswd -nBC 10 " + user);
            int cost = Integer.parseInt(hash.substring(4, 6));
            if (cost < 4 || cost > 31)
                throw new TlsConfigException("basic_auth_users." + user + ": bcrypt cost must be 4..31: " + cost);
            copy.put(user, hash);
        });
        this.hashes = Map.copyOf(copy);
    }

    public Set<String> users() {
        return hashes.keySet();
    }

    @Override
    public Optional<String> authenticate(String header) {
        if (header == null || hashes.isEmpty()) return Optional.empty();
        String h = header.strip();
        if (h.length() < 7 || !h.regionMatches(true, 0, "Basic ", 0, 6)) return Optional.empty();
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(h.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) return Optional.empty();
        String user = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        String digest = digest(decoded);
        if (hashes.containsKey(user) && verified.contains(digest)) return Optional.of(user);
        if (!passwordMatches(hashes.getOrDefault(user, DUMMY_HASH), password) || !hashes.containsKey(user))
            return Optional.empty();
        if (verified.size() >= CACHE_LIMIT) verified.clear();
        verified.add(digest);
        return Optional.of(user);
    }

    /** bcrypt reads at most 72 bytes of a password; longer ones cannot have been hashed faithfully. */
    private static boolean passwordMatches(String hash, String password) {
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 72) return false;
        try {
            return OpenBSDBCrypt.checkPassword(hash, bytes);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String digest(String credentials) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(credentials.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return "BasicAuthUsers" + hashes.keySet();
    }
}
