package netwarden.console;

import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import netwarden.model.EngineSnapshot;
import netwarden.model.Incident;
import netwarden.model.ServiceSnapshot;
import netwarden.model.WindowStats;
import netwarden.server.Response;
import netwarden.store.Queries;
import netwarden.store.Rows;
import netwarden.store.Store;

/**
 * {@code /}: a banner per active attack, totals, every service with its live rates (the table reloads itself
 * from {@code /live/services} every 2 s through htmx, without reloading the page) and the latest events.
 */
final class Overview {
    static final int EVENTS = 25;
    /** Totals count at most this many rows (shown as "1000+"): a bounded query, never a count over a whole table. */
    static final int RECENT = 1000;
    private static final long DAY_MS = 86_400_000L;
    private final Store store;
    private final Supplier<EngineSnapshot> live;

    Overview(Store store, Supplier<EngineSnapshot> live) {
        this.store = store;
        this.live = live;
    }

    Response page(PageRequest r) {
        EngineSnapshot s = live.get();
        Html h = new Html();
        for (Incident i : s.activeIncidents()) {
            h.f("<div class=banner role=alert><strong>Attack: %s</strong> on %s since %s · %s pps now, peak %s pps · "
                            + "<a href=\"/incidents/%s\">details</a></div>", i.kind().label(), i.service() == null ? i.target() : i.service(),
                    Fmt.time(i.startNanos() / 1_000_000), Fmt.si(i.currentPps()), Fmt.si(i.peakPps()), Paths.seg(i.id()));
        }
        long players = s.services().stream().mapToLong(ServiceSnapshot::playersNow).sum();
        long now = Now.ms(live);
        h.raw("<h1>Overview</h1><dl class=totals>")
                .f("<div><dt>Services</dt><dd>%s</dd></div>", s.services().size())
                .f("<div><dt>Players now</dt><dd>%s</dd></div>", players)
                .f("<div><dt>Active attacks</dt><dd>%s</dd></div>", s.activeIncidents().size())
                .f("<div><dt>Incidents, last 24 h</dt><dd>%s</dd></div>", recent(store.incidents(new Queries.Incidents(null, null, null, null,
                        now - DAY_MS, now + 1, RECENT)).size()))
                .f("<div><dt>Players, last 24 h</dt><dd>%s</dd></div>", recent(store.sessions(new Queries.Sessions(null, null, null, null, 0,
                        now - DAY_MS, now + 1, RECENT)).stream().map(x -> x.service() + " " + x.address()).distinct().count()))
                .raw("</dl><h2>Services</h2>")
                .raw(services(s).html())
                .raw("<h2>Latest events</h2>")
                .raw(events(r, store.events(new Queries.Events(null, null, 0, Long.MAX_VALUE, EVENTS))).html());
        return Pages.html(200, Layout.page("Overview", "Overview", r, h.build()));
    }

    private static String recent(long n) {
        return n >= RECENT ? RECENT + "+" : Long.toString(n);
    }

    /** The live services table alone: what htmx swaps in every 2 s. */
    Response liveServices(PageRequest r) {
        return Pages.html(200, services(live.get()));
    }

    private static Html.Raw services(EngineSnapshot s) {
        Html h = new Html().raw("<section id=live hx-get=\"/live/services\" hx-trigger=\"every 2s\" hx-swap=outerHTML>");
        if (s.services().isEmpty()) return h.raw("<p class=empty>No service seen yet.</p></section>").build();
        h.raw("<div class=scroll><table class=services><thead><tr><th>Service</th><th>pps</th><th>bps</th><th>sources</th>"
                + "<th>players</th><th>peak pps</th></tr></thead><tbody>");
        List<ServiceSnapshot> sorted = s.services().stream().sorted(Comparator.comparing(ServiceSnapshot::id)).toList();
        for (ServiceSnapshot svc : sorted) {
            WindowStats w = svc.lastWindow();
            h.f("<tr><td><a href=\"/services/%s\">%s</a></td><td class=num>%s</td><td class=num>%s</td><td class=num>%s</td>"
                            + "<td class=num>%s</td><td class=num>%s</td></tr>", Paths.seg(svc.id()), svc.id(),
                    w == null ? "0" : Fmt.si(w.pps()), w == null ? "0" : Fmt.si(w.bps()), w == null ? 0 : w.distinctSources(),
                    svc.playersNow(), Fmt.si(svc.peakPps()));
        }
        h.f("</tbody></table></div><p class=hint>As of %s, refreshed every 2 s.</p></section>", Fmt.time(s.asOfNanos() / 1_000_000));
        return h.build();
    }

    static Html.Raw events(PageRequest r, List<Rows.Event> events) {
        var table = new SortedTable<Rows.Event>("e", List.of(
                SortedTable.col("time", "Time", Comparator.comparingLong(Rows.Event::tsMs), e -> Fmt.time(e.tsMs())),
                SortedTable.col("kind", "Event", Comparator.comparing(Rows.Event::kind), Rows.Event::kind),
                SortedTable.col("service", "Service", Comparator.comparing(Rows.Event::service), e -> link("/services/", e.service())),
                SortedTable.col("address", "Address", null, e -> Fmt.address(e.address(), r.addresses())),
                SortedTable.col("country", "Country", null, e -> Fmt.country(e.country())),
                SortedTable.col("incident", "Incident", null, e -> e.incidentId() == null ? "" : link("/incidents/", e.incidentId()))));
        return table.render(events, r, "/", "No events kept yet.");
    }

    static Html.Raw link(String base, String id) {
        if (id == null || id.isEmpty()) return Html.safe("");
        return new Html().f("<a href=\"%s%s\">%s</a>", base, Paths.seg(id), id).build();
    }
}
