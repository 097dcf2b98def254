package netwarden.console;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import netwarden.model.EngineSnapshot;
import netwarden.server.Response;
import netwarden.store.Queries;
import netwarden.store.Rows;
import netwarden.store.Store;

/**
 * {@code /players}: player sessions filtered by service, country, ASN, address or prefix, name and time.
 * A returning player (one with an earlier session on the same service) is marked.
 */
final class Players {
    static final int LIMIT = 10_000;
    private final Store store;
    private final Supplier<EngineSnapshot> live;

    Players(Store store, Supplier<EngineSnapshot> live) {
        this.store = store;
        this.live = live;
    }

    Response page(PageRequest r) {
        Range range = Range.of(r, Now.ms(live), "");
        String address = r.q("address"), country = r.q("country");
        long asn = asn(r.q("asn"));
        Html h = new Html().raw("<h1>Players</h1><form method=get action=\"/players\" class=filters>")
                .f("<label>service <input name=service value=\"%s\"></label>", r.q("service"))
                .f("<label>country <input name=country value=\"%s\" size=3 placeholder=DE></label>", country)
                .f("<label>ASN <input name=asn value=\"%s\" size=8 placeholder=AS13335></label>", r.q("asn"))
                .f("<label>address or prefix <input name=address value=\"%s\" placeholder=10.1.0.0/16></label>", address)
                .f("<label>name <input name=name value=\"%s\"></label>", r.q("name"))
                .f("<input type=hidden name=range value=\"%s\">", range.all() ? "" : range.preset())
                .raw("<button type=submit>Filter</button></form>").raw(range.picker(r, "/players", true));
        List<Rows.Session> rows;
        try {
            // from 0: earlier sessions tell who is returning; the table shows those overlapping the range
            rows = store.sessions(new Queries.Sessions(r.q("service"), address, r.q("name"),
                    country == null ? null : country.toUpperCase(java.util.Locale.ROOT), asn, 0,
                    range.all() ? Long.MAX_VALUE : range.toMs(), LIMIT));
        } catch (IllegalArgumentException e) {
            h.f("<p class=refused>%s</p>", e.getMessage());
            return Pages.html(400, Layout.page("Players", "Players", r, h.build()));
        }
        List<Rows.Session> shown = range.all() ? rows
                : rows.stream().filter(s -> (s.open() ? Long.MAX_VALUE : Math.max(s.lastSeenMs(), s.leftMs())) >= range.fromMs()).toList();
        h.raw(table("", r, shown, rows, "/players", "No sessions match."));
        return Pages.html(200, Layout.page("Players", "Players", r, h.build()));
    }

    /**
     * Sessions of a service that overlap [from, to). An open session's last_seen is when it was last written
     * (its join), so open sessions count as lasting until now.
     */
    static List<Rows.Session> overlapping(Store store, String service, long fromMs, long toMs, int limit) {
        return store.sessions(new Queries.Sessions(service, null, null, null, 0, 0, toMs, limit)).stream()
                .filter(s -> s.open() || Math.max(s.lastSeenMs(), s.leftMs()) >= fromMs).toList();
    }

    private static long asn(String v) {
        if (v == null) return 0;
        try {
            return Long.parseLong(v.toUpperCase(java.util.Locale.ROOT).replaceFirst("^AS", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static Html.Raw table(String prefix, PageRequest r, List<Rows.Session> rows, String path, String empty) {
        return table(prefix, r, rows, rows, path, empty);
    }

    /** Sessions; one is "returning" when {@code history} has an earlier session of the same player on the service. */
    static Html.Raw table(String prefix, PageRequest r, List<Rows.Session> rows, List<Rows.Session> history, String path, String empty) {
        Map<String, Long> first = new HashMap<>();
        for (Rows.Session s : history) first.merge(s.service() + " " + s.address(), s.firstSeenMs(), Math::min);
        var t = new SortedTable<Rows.Session>(prefix, List.of(
                SortedTable.col("address", "Player", null, s -> new Html().raw(SearchPage.addressLink(r, s.address()))
                        .raw(first.getOrDefault(s.service() + " " + s.address(), s.firstSeenMs()) < s.firstSeenMs() ? " <span class=returning>returning</span>" : "").build()),
                SortedTable.col("name", "Name", Comparator.comparing(s -> s.name() == null ? "" : s.name()), Rows.Session::name),
                SortedTable.col("service", "Service", Comparator.comparing(Rows.Session::service), s -> Overview.link("/services/", s.service())),
                SortedTable.col("first", "First seen", Comparator.comparingLong(Rows.Session::firstSeenMs), s -> Fmt.time(s.firstSeenMs())),
                SortedTable.col("last", "Last seen", Comparator.comparingLong(Rows.Session::lastSeenMs), s -> s.open() ? Html.safe("<span class=active>playing</span>") : Fmt.time(s.lastSeenMs())),
                SortedTable.col("packets", "Packets in/out", Comparator.comparingLong(Rows.Session::packetsIn), s -> Fmt.si(s.packetsIn()) + " / " + Fmt.si(s.packetsOut())),
                SortedTable.col("country", "Country", Comparator.comparing(s -> Fmt.country(s.country())), s -> Fmt.country(s.country())),
                SortedTable.col("asn", "ASN", Comparator.comparingLong(Rows.Session::asn), s -> Fmt.asn(s.asn()))));
        return t.render(rows, r, path, empty);
    }
}
