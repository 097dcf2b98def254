package netwarden.app.history;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import netwarden.server.Handler;
import netwarden.server.JsonErrors;
import netwarden.server.Request;
import netwarden.store.StoreException;
import netwarden.wire.AddressFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Query parameters of the store endpoints: times as epoch seconds or RFC 3339, limits, the token's address format. */
public final class ApiParams {
    private static final Logger LOG = LoggerFactory.getLogger(ApiParams.class);
    static final int DEFAULT_LIMIT = 100, MAX_LIMIT = 10_000;
    /** A local store's rows have no agent (a central server's carry the shipping agent's id). */
    static final String AGENT = "";

    private ApiParams() {}

    /** Masked unless the token allows full addresses, as in the rest of the API. */
    public static AddressFormat format(Request r) {
        return r.token() != null && r.token().fullAddresses() ? AddressFormat.fullAddresses() : AddressFormat.masked();
    }

    /** Epoch seconds or RFC 3339, in epoch milliseconds; {@code absent} when not given. */
    public static long time(Request r, String name, long absent) {
        String v = blank(r.query(name));
        if (v == null) return absent;
        try {
            return v.chars().allMatch(Character::isDigit) ? Math.multiplyExact(Long.parseLong(v), 1000L) : Instant.parse(v).toEpochMilli();
        } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be epoch seconds or an RFC 3339 time: " + v);
        }
    }

    public static int limit(Request r) {
        String v = blank(r.query("limit"));
        if (v == null) return DEFAULT_LIMIT;
        try {
            int n = Integer.parseInt(v);
            if (n >= 1 && n <= MAX_LIMIT) return n;
        } catch (NumberFormatException ignored) {
            // the message below says what is allowed
        }
        throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ": " + v);
    }

    public static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /**
     * A store endpoint that answers 503 (JSON) while the database is unreachable, rather than the 500 of a bug;
     * the store reconnects by itself, so the next request may succeed.
     */
    public static Handler guarded(Handler h) {
        return r -> {
            try {
                return h.handle(r);
            } catch (StoreException e) {
                LOG.debug("store read failed: {}", e.getMessage());
                return JsonErrors.of(503, "history unavailable: the store does not answer (retrying)");
            }
        };
    }

    /** An RFC 3339 time, or null for 0 (not yet / never). */
    static String instant(long ms) {
        return ms == 0 ? null : Instant.ofEpochMilli(ms).toString();
    }
}
