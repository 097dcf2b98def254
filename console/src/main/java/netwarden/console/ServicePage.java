package netwarden.console;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import netwarden.model.EngineSnapshot;
import netwarden.model.PlayerSnapshot;
import netwarden.model.ServiceSnapshot;
import netwarden.server.Response;
import netwarden.store.Queries;
import netwarden.store.Results;
import netwarden.store.Rows;
import netwarden.store.SearchTerm;
import netwarden.store.Store;

/**
 * {@code /services/{id}}: pps, bps, sources and players over a range (15m to 30d, or custom; drag to zoom;
 * the previous period dashed), the players now, recent sessions, its incidents, top sources and countries.
 */
final class ServicePage {
    static final long TOP_SOURCES_SPAN_MS = 86_400_000L;
    private final Store store;
    private final Supplier<EngineSnapshot> live;

    ServicePage(Store store, Supplier<EngineSnapshot> live) {
        this.store = store;
        this.live = live;
    }

    Response page(PageRequest r) {
        String id = r.param("id");
        String path = "/services/" + Paths.seg(id);
        EngineSnapshot snap = live.get();
        ServiceSnapshot now = snap.service(id);
        Range range = Range.of(r, Now.ms(live), "1h");
        long step = range.stepSeconds();
        List<Results.Point> points = store.history(new Queries.History(id, range.fromMs(), range.toMs(), step));
        Range prev = range.previous();
        List<Results.Point> before = store.history(new Queries.History(id, prev.fromMs(), prev.toMs(), step));
        Html h = new Html().f("<h1>%s</h1>", id);
        if (now != null) {
            var w = now.lastWindow();
            h.raw("<dl class=totals>")
                    .f("<div><dt>pps now</dt><dd>%s</dd></div>", w == null ? "0" : Fmt.si(w.pps()))
                    .f("<div><dt>bps now</dt><dd>%s</dd></div>", w == null ? "0" : Fmt.si(w.bps()))
                    .f("<div><dt>sources now</dt><dd>%s</dd></div>", w == null ? 0 : w.distinctSources())
                    .f("<div><dt>players now</dt><dd>%s</dd></div>", now.playersNow())
                    .f("<div><dt>peak pps</dt><dd>%s</dd></div>", Fmt.si(now.peakPps()))
                    .raw("</dl>");
        } else {
            h.raw("<p class=hint>Not live now: history only.</p>");
        }
        h.raw(range.picker(r, path, false)).f("<p class=hint>Step %s s; dashed: the previous %s. Drag across a chart to zoom.</p>",
                step, Fmt.duration(range.spanMs()));
        h.raw("<div class=charts>");
        for (Charts.Metric m : Charts.SERVICE) h.raw(Charts.chart(m, points, before, range.spanMs() / 1000, 0, 0));
        h.raw("</div>");

        h.raw("<h2>Players now</h2>");
        List<PlayerSnapshot> playing = snap.players().stream().filter(p -> p.service().equals(id) && !p.left()).toList();
        h.raw(new SortedTable<PlayerSnapshot>("p", List.of(
                SortedTable.col("address", "Player", null, p -> SearchPage.addressLink(r, p.address().toString())),
                SortedTable.col("joined", "Joined", Comparator.comparingLong(PlayerSnapshot::joinedNanos), p -> Fmt.time(p.joinedNanos() / 1_000_000)),
                SortedTable.col("packets", "Packets in/out", Comparator.comparingLong(PlayerSnapshot::packetsIn), p -> Fmt.si(p.packetsIn()) + " / " + Fmt.si(p.packetsOut()))))
                .render(playing, r, path, "Nobody is playing now."));

        h.raw("<h2>Recent sessions</h2>").raw(Players.table("s", r, Players.overlapping(store, id, range.fromMs(), range.toMs(), 500), path, "No sessions in this range."));

        h.raw("<h2>Incidents</h2>");
        List<Rows.Incident> incidents = store.incidents(new Queries.Incidents(null, null, id, null, range.fromMs(), range.toMs(), 200));
        h.raw(new SortedTable<Rows.Incident>("i", List.of(
                SortedTable.col("start", "Started", Comparator.comparingLong(Rows.Incident::startMs), i -> Fmt.time(i.startMs())),
                SortedTable.col("kind", "Kind", Comparator.comparing(Rows.Incident::kind), i -> new Html().f("<a href=\"/incidents/%s\">%s</a>", Paths.seg(i.id()), i.kind()).build()),
                SortedTable.col("peak", "Peak pps", Comparator.comparingLong(Rows.Incident::peakPps), i -> Fmt.si(i.peakPps())),
                SortedTable.col("state", "State", null, i -> i.active() ? "active" : "ended")))
                .render(incidents, r, path, "No incidents in this range."));

        // the per-source minutes are the big table: its top sources are read for the range's last day at most
        long sourcesFrom = Math.max(range.fromMs(), range.toMs() - TOP_SOURCES_SPAN_MS);
        Results.Search found = store.search(new SearchTerm.Service(id), sourcesFrom, range.toMs(), 200);
        h.f("<h2>Top sources</h2><p class=hint>Since %s.</p>", Fmt.time(sourcesFrom)).raw(SearchPage.sources("t", r, found.sources(), path));
        Map<String, long[]> countries = new TreeMap<>();
        for (Results.SourceSummary s : found.sources()) countries.computeIfAbsent(s.country() == null ? "??" : s.country(), k -> new long[2])[0] += s.packets();
        h.raw("<h2>Top countries</h2>");
        if (countries.isEmpty()) h.raw("<p class=empty>No sources in this range.</p>");
        else {
            h.raw("<div class=scroll><table><thead><tr><th>Country</th><th>Packets</th></tr></thead><tbody>");
            countries.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
                    .forEach(e -> h.f("<tr><td>%s</td><td class=num>%s</td></tr>", e.getKey(), Fmt.si(e.getValue()[0])));
            h.raw("</tbody></table></div>");
        }
        return Pages.html(200, Layout.page(id, "", r, h.build()));
    }
}
