package netwarden.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import netwarden.server.ApiToken;

/**
 * Signed-in browsers, kept on the server: the cookie carries only a random id. A session ends at sign-out,
 * after {@link #idle} without a request, or {@link #lifetime} after sign-in, whichever comes first. At most
 * {@link #MAX} sessions are kept; a sign-in beyond that ends the oldest. One-time sign-in codes (the demo's
 * link) work once, within {@link #ONE_TIME}.
 *
 * <p>Thread-safe: requests of many threads read and touch sessions at once; a session is an immutable record
 * replaced on touch.
 */
final class SignIns {
    static final int MAX = 10_000;
    static final Duration ONE_TIME = Duration.ofMinutes(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One signed-in browser; {@code csrf} must come back with every POST. */
    record Session(String id, ApiToken token, String csrf, long createdMs, long lastMs) {
        boolean csrfMatches(String presented) {
            return presented != null && MessageDigest.isEqual(csrf.getBytes(StandardCharsets.UTF_8),
                    presented.getBytes(StandardCharsets.UTF_8));
        }
    }

    private record Code(ApiToken token, long expiresMs) {}

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Duration idle;
    private final Duration lifetime;
    private final LongSupplier clockMs;

    SignIns(Duration idle, Duration lifetime, LongSupplier clockMs) {
        if (idle.isNegative() || idle.isZero()) throw new IllegalArgumentException("idle must be positive: " + idle);
        if (lifetime.compareTo(idle) < 0) throw new IllegalArgumentException("lifetime must not be shorter than idle: " + lifetime);
        this.idle = idle;
        this.lifetime = lifetime;
        this.clockMs = clockMs;
    }

    Duration lifetime() {
        return lifetime;
    }

    static String randomId() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    Session start(ApiToken token) {
        long now = clockMs.getAsLong();
        sessions.values().removeIf(s -> expired(s, now));
        while (sessions.size() >= MAX) {
            sessions.values().stream().min(Comparator.comparingLong(Session::createdMs)).ifPresent(s -> sessions.remove(s.id()));
        }
        Session s = new Session(randomId(), token, randomId(), now, now);
        sessions.put(s.id(), s);
        return s;
    }

    /** The live session with this id, its idle time restarted; empty when unknown or expired. */
    Optional<Session> find(String id) {
        if (id == null) return Optional.empty();
        long now = clockMs.getAsLong();
        Session s = sessions.get(id);
        if (s == null) return Optional.empty();
        if (expired(s, now)) {
            sessions.remove(id);
            return Optional.empty();
        }
        Session touched = new Session(s.id(), s.token(), s.csrf(), s.createdMs(), now);
        sessions.replace(id, s, touched);
        return Optional.of(touched);
    }

    void end(String id) {
        if (id != null) sessions.remove(id);
    }

    int size() {
        return sessions.size();
    }

    /** A code that signs in once as {@code token}. */
    String oneTimeCode(ApiToken token) {
        String code = randomId();
        codes.put(code, new Code(token, clockMs.getAsLong() + ONE_TIME.toMillis()));
        return code;
    }

    /** The token of a valid code, which is used up by this call. */
    Optional<ApiToken> redeem(String code) {
        if (code == null) return Optional.empty();
        Code c = codes.remove(code);
        return c == null || c.expiresMs() < clockMs.getAsLong() ? Optional.empty() : Optional.of(c.token());
    }

    private boolean expired(Session s, long now) {
        return now - s.lastMs() > idle.toMillis() || now - s.createdMs() > lifetime.toMillis();
    }
}
