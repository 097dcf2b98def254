package netwarden.console;

import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import netwarden.model.EngineSnapshot;
import netwarden.server.Response;
import netwarden.store.Results;
import netwarden.store.Rows;
import netwarden.store.SearchTerm;
import netwarden.store.Store;

/**
 * {@code /search?q=}: an address, a prefix, {@code AS13335}, {@code country:DE}, a port, {@code service:ID} or a
 * player name, across sessions, per-source summaries and incidents, within a time range.
 */
final class SearchPage {
    static final int LIMIT = 1000;
    private final Store store;
    private final Supplier<EngineSnapshot> live;

    SearchPage(Store store, Supplier<EngineSnapshot> live) {
        this.store = store;
        this.live = live;
    }

    Response page(PageRequest r) {
        Range range = Range.of(r, Now.ms(live), "");
        String q = r.q("q");
        Html h = new Html().raw("<h1>Search</h1><form method=get action=\"/search\" class=filters>")
                .f("<label>find <input name=q value=\"%s\" placeholder=\"203.0.113.7, 10.1.0.0/16, AS13335, country:DE, 27960, service:arena, a name\" size=40></label>", q)
                .f("<input type=hidden name=range value=\"%s\">", range.all() ? "" : range.preset())
                .raw("<button type=submit>Search</button></form>").raw(range.picker(r, "/search", true));
        if (q == null) return Pages.html(200, Layout.page("Search", "Search", r, h.build()));
        Results.Search found;
        try {
            found = store.search(SearchTerm.parse(q), range.all() ? 0 : range.fromMs(), range.all() ? Long.MAX_VALUE : range.toMs(), LIMIT);
        } catch (IllegalArgumentException e) {
            h.f("<p class=refused>%s</p>", e.getMessage());
            return Pages.html(400, Layout.page("Search", "Search", r, h.build()));
        }
        h.f("<p class=hint>%s sessions, %s sources, %s incidents.</p>", found.sessions().size(), found.sources().size(), found.incidents().size());
        h.raw("<h2>Sessions</h2>").raw(Players.table("p", r, found.sessions(), "/search", "No sessions match."));
        h.raw("<h2>Sources</h2>").raw(sources("s", r, found.sources(), "/search"));
        h.raw("<h2>Incidents</h2>").raw(new SortedTable<Rows.Incident>("i", List.of(
                SortedTable.col("start", "Started", Comparator.comparingLong(Rows.Incident::startMs), i -> Fmt.time(i.startMs())),
                SortedTable.col("kind", "Kind", Comparator.comparing(Rows.Incident::kind), i -> new Html().f("<a href=\"/incidents/%s\">%s</a>", Paths.seg(i.id()), i.kind()).build()),
                SortedTable.col("target", "Target", Comparator.comparing(Rows.Incident::target), Rows.Incident::target),
                SortedTable.col("peak", "Peak pps", Comparator.comparingLong(Rows.Incident::peakPps), i -> Fmt.si(i.peakPps()))))
                .render(found.incidents(), r, "/search", "No incidents match."));
        return Pages.html(200, Layout.page("Search", "Search", r, h.build()));
    }

    static Html.Raw sources(String prefix, PageRequest r, List<Results.SourceSummary> rows, String path) {
        return new SortedTable<Results.SourceSummary>(prefix, List.of(
                SortedTable.col("address", "Source", null, s -> addressLink(r, s.address())),
                SortedTable.col("service", "Service", Comparator.comparing(Results.SourceSummary::service), s -> Overview.link("/services/", s.service())),
                SortedTable.col("country", "Country", Comparator.comparing(s -> Fmt.country(s.country())), s -> Fmt.country(s.country())),
                SortedTable.col("asn", "ASN", Comparator.comparingLong(Results.SourceSummary::asn), s -> Fmt.asn(s.asn())),
                SortedTable.col("minutes", "Minutes", Comparator.comparingLong(Results.SourceSummary::minutes), Results.SourceSummary::minutes),
                SortedTable.col("packets", "Packets", Comparator.comparingLong(Results.SourceSummary::packets), s -> Fmt.si(s.packets())),
                SortedTable.col("bytes", "Bytes", Comparator.comparingLong(Results.SourceSummary::bytes), s -> Fmt.bytes(s.bytes()))))
                .render(rows, r, path, "No sources match.");
    }

    /** An address as this token may see it; in full it links to its search, masked it does not (it would leak nothing useful). */
    static Html.Raw addressLink(PageRequest r, String address) {
        if (Rows.SourceMinute.OTHERS.equals(address)) return Html.safe("<em>others</em>");
        String shown = Fmt.address(address, r.addresses());
        if (!r.addresses().full()) return new Html().f("<span class=addr>%s</span>", shown).build();
        return new Html().f("<a class=addr href=\"%s\">%s</a>", "/search?q=" + SortedTable.enc(address), shown).build();
    }
}
