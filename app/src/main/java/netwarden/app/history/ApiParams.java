package netwarden.app.history;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import netwarden.server.Request;
import netwarden.wire.AddressFormat;

/** Query parameters of the store endpoints: times as epoch seconds or RFC 3339, limits, the token's address format. */
final class ApiParams {
    static final int DEFAULT_LIMIT = 100, MAX_LIMIT = 10_000;
    /** A local store's rows have no agent (a central server's carry the shipping agent's id). */
    static final String AGENT = "";

    private ApiParams() {}

    /** Masked unless the token allows full addresses, as in the rest of the API. */
    static AddressFormat format(Request r) {
        return r.token() != null && r.token().fullAddresses() ? AddressFormat.fullAddresses() : AddressFormat.masked();
    }

    /** Epoch seconds or RFC 3339, in epoch milliseconds; {@code absent} when not given. */
    static long time(Request r, String name, long absent) {
        String v = blank(r.query(name));
        if (v == null) return absent;
        try {
            return v.chars().allMatch(Character::isDigit) ? Math.multiplyExact(Long.parseLong(v), 1000L) : Instant.parse(v).toEpochMilli();
        } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be epoch seconds or an RFC 3339 time: " + v);
        }
    }

    static int limit(Request r) {
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

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** An RFC 3339 time, or null for 0 (not yet / never). */
    static String instant(long ms) {
        return ms == 0 ? null : Instant.ofEpochMilli(ms).toString();
    }
}
