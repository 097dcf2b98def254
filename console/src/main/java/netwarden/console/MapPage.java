package netwarden.console;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import netwarden.model.EngineSnapshot;
import netwarden.server.Response;
import netwarden.store.Queries;
import netwarden.store.Rows;
import netwarden.store.Store;

/**
 * {@code /map}: players ({@code layer=players}, sessions by country) or attack sources ({@code layer=attacks},
 * packets of the top sources of the latest 50 incidents, by country) on a world map served by netwarden (no tiles from the
 * internet); a country's shade grows with its share. Addresses without a country (private ranges, no GeoIP
 * data) are counted as "unknown" in the table below the map.
 */
final class MapPage {
    static final int SESSIONS = 10_000, INCIDENTS = 50;
    private final Store store;
    private final Supplier<EngineSnapshot> live;
    private final Assets assets;

    MapPage(Store store, Supplier<EngineSnapshot> live, Assets assets) {
        this.store = store;
        this.live = live;
        this.assets = assets;
    }

    Response page(PageRequest r) {
        Range range = Range.of(r, Now.ms(live), "");
        long from = range.all() ? 0 : range.fromMs(), to = range.all() ? Long.MAX_VALUE : range.toMs();
        boolean attacks = "attacks".equals(r.q("layer"));
        Map<String, Long> counts = new TreeMap<>();
        if (attacks) {
            for (Rows.Incident i : store.incidents(new Queries.Incidents(null, null, null, null, from, to, INCIDENTS))) {
                for (Rows.IncidentSource s : store.incidentSources(i.agent(), i.id())) counts.merge(key(s.country()), s.packets(), Long::sum);
            }
        } else {
            for (Rows.Session s : store.sessions(new Queries.Sessions(null, null, null, null, 0, from, to, SESSIONS)))
                counts.merge(key(s.country()), 1L, Long::sum);
        }
        long max = counts.entrySet().stream().filter(e -> !e.getKey().equals("unknown")).mapToLong(Map.Entry::getValue).max().orElse(0);
        String colour = attacks ? "220,38,38" : "37,99,235";
        Html h = new Html().raw("<h1>Map</h1><div class=range>")
                .f("<a href=\"%s\"%s>players</a>", SortedTable.link(r, "/map", Map.of("layer", "")), Html.safe(attacks ? "" : " aria-current=true"))
                .f("<a href=\"%s\"%s>attack sources</a></div>", SortedTable.link(r, "/map", Map.of("layer", "attacks")), Html.safe(attacks ? " aria-current=true" : ""))
                .raw(range.picker(r, "/map", true));
        h.raw("<figure class=map><style>");
        for (var e : counts.entrySet()) {
            if (e.getKey().equals("unknown") || max == 0 || !e.getKey().matches("[A-Z]{2}")) continue;
            double share = 0.2 + 0.8 * e.getValue() / (double) max;
            h.raw(String.format(Locale.ROOT, ".map #%s{fill:rgba(%s,%.2f)}", e.getKey(), colour, share));
        }
        h.raw("</style>").raw(assets.text("world.svg")).f("<figcaption>%s by country%s</figcaption></figure>",
                attacks ? "Attack-source packets of the latest " + INCIDENTS + " incidents" : "The latest " + SESSIONS + " player sessions",
                range.all() ? "" : ", in the range");
        h.raw("<div class=scroll><table><thead><tr><th>Country</th><th>").text(attacks ? "Packets" : "Sessions").raw("</th></tr></thead><tbody>");
        List<Map.Entry<String, Long>> sorted = counts.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).toList();
        for (var e : sorted) h.f("<tr><td>%s</td><td class=num>%s</td></tr>", e.getKey(), Fmt.si(e.getValue()));
        if (sorted.isEmpty()) h.raw("<tr><td colspan=2 class=empty>Nothing in this range.</td></tr>");
        h.raw("</tbody></table></div>");
        return Pages.html(200, Layout.page("Map", "Map", r, h.build()));
    }

    private static String key(String country) {
        return country == null || country.isBlank() ? "unknown" : country.toUpperCase(Locale.ROOT);
    }
}
