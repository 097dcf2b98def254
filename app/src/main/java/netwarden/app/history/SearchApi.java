package netwarden.app.history;

import static netwarden.app.history.ApiParams.blank;
import static netwarden.app.history.ApiParams.format;
import static netwarden.app.history.ApiParams.limit;
import static netwarden.app.history.ApiParams.time;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import netwarden.server.JsonErrors;
import netwarden.server.NetwardenHttpServer;
import netwarden.server.Request;
import netwarden.server.Response;
import netwarden.store.Queries;
import netwarden.store.Results;
import netwarden.store.Rows;
import netwarden.store.SearchTerm;
import netwarden.store.Store;
import netwarden.wire.AddressFormat;

/**
 * Who and what, from the store: {@code GET /api/v1/players/sessions?service=&q=&country=&asn=&from=&to=&limit=}
 * (sessions overlapping the range, newest first; {@code q} is an address, a prefix, {@code AS13335},
 * {@code country:DE}, {@code service:ID} or a part of a player name) and {@code GET /api/v1/search?q=&from=&to=&limit=}
 * (the same terms plus a port, across sessions, per-source minute summaries and incidents). Addresses are
 * masked unless the token allows full addresses.
 */
public final class SearchApi {
    private final Store store;

    public SearchApi(Store store) {
        this.store = store;
    }

    public void register(NetwardenHttpServer server) {
        server.addApiRoute("/api/v1/players/sessions", ApiParams.guarded(this::sessions));
        server.addApiRoute("/api/v1/search", ApiParams.guarded(this::search));
    }

    Response sessions(Request r) {
        Queries.Sessions q;
        try {
            q = sessionsQuery(r);
        } catch (IllegalArgumentException e) {
            return JsonErrors.of(400, e.getMessage());
        }
        AddressFormat format = format(r);
        ArrayNode out = StoreJson.object().arrayNode();
        for (Rows.Session s : store.sessions(q)) out.add(StoreJson.session(s, format));
        ObjectNode body = StoreJson.object();
        body.set("sessions", out);
        return Response.json(200, body);
    }

    static Queries.Sessions sessionsQuery(Request r) {
        String service = blank(r.query("service")), address = null, name = null, country = blank(r.query("country"));
        long asn = asn(blank(r.query("asn")));
        String q = blank(r.query("q"));
        if (q != null) {
            switch (SearchTerm.parse(q)) {
                case SearchTerm.Address a -> address = a.text();
                case SearchTerm.Asn a -> asn = a.asn();
                case SearchTerm.Country c -> country = c.code();
                case SearchTerm.Service s -> service = s.id();
                case SearchTerm.Name n -> name = n.part();
                case SearchTerm.Port p -> throw new IllegalArgumentException(
                        "q: a port finds services, not players; use service= or /api/v1/search?q=" + p.port());
            }
        }
        if (country != null) country = country.toUpperCase(Locale.ROOT);
        return new Queries.Sessions(service, address, name, country, asn, time(r, "from", 0), time(r, "to", Long.MAX_VALUE), limit(r));
    }

    private static long asn(String v) {
        if (v == null) return 0;
        String digits = v.regionMatches(true, 0, "AS", 0, 2) ? v.substring(2) : v;
        try {
            long n = Long.parseLong(digits);
            if (n > 0 && n <= 0xffff_ffffL) return n;
        } catch (NumberFormatException ignored) {
            // the message below says what is allowed
        }
        throw new IllegalArgumentException("asn must be a number such as 13335 or AS13335: " + v);
    }

    Response search(Request r) {
        SearchTerm term;
        long from, to;
        int limit;
        try {
            term = SearchTerm.parse(blank(r.query("q")) == null ? null : r.query("q"));
            from = time(r, "from", 0);
            to = time(r, "to", Long.MAX_VALUE);
            limit = limit(r);
            if (to < from) throw new IllegalArgumentException("to must not be before from");
        } catch (IllegalArgumentException e) {
            return JsonErrors.of(400, e.getMessage().startsWith("search") ? "q: " + e.getMessage() : e.getMessage());
        }
        Results.Search found = store.search(term, from, to, limit);
        AddressFormat format = format(r);
        ObjectNode body = StoreJson.object().put("q", r.query("q")).put("kind", kind(term));
        ArrayNode sessions = body.putArray("sessions");
        for (Rows.Session s : found.sessions()) sessions.add(StoreJson.session(s, format));
        ArrayNode sources = body.putArray("sources");
        for (Results.SourceSummary s : found.sources()) sources.add(StoreJson.source(s, format));
        ArrayNode incidents = body.putArray("incidents");
        for (Rows.Incident i : found.incidents()) incidents.add(StoreJson.incident(i));
        return Response.json(200, body);
    }

    /** What the term was read as, so a client can say "searched for the ASN 13335". */
    static String kind(SearchTerm t) {
        return switch (t) {
            case SearchTerm.Address a -> a.text().contains("/") ? "prefix" : "address";
            case SearchTerm.Asn a -> "asn";
            case SearchTerm.Country c -> "country";
            case SearchTerm.Port p -> "port";
            case SearchTerm.Service s -> "service";
            case SearchTerm.Name n -> "name";
        };
    }
}
