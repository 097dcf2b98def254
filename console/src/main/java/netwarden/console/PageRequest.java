package netwarden.console;

import netwarden.server.Request;
import netwarden.wire.AddressFormat;

/**
 * A request from a signed-in browser: the HTTP request, its session and what its token may see and do;
 * {@code routerPages} when the router profile runs (the navigation then links its pages).
 */
record PageRequest(Request http, SignIns.Session session, boolean routerPages) {
    PageRequest(Request http, SignIns.Session session) {
        this(http, session, false);
    }

    /** Addresses exactly as the API shows them to this token. */
    AddressFormat addresses() {
        return session.token().fullAddresses() ? AddressFormat.fullAddresses() : AddressFormat.masked();
    }

    boolean canWrite() {
        return session.token().canWrite();
    }

    /** A query parameter, null when absent or blank. */
    String q(String name) {
        String v = http.query(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    String param(String name) {
        return http.param(name);
    }
}
