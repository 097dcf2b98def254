package netwarden.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import netwarden.model.EngineSnapshot;
import netwarden.model.Incident;
import netwarden.server.Response;
import netwarden.sinks.incidents.IncidentArchive;
import netwarden.sinks.incidents.SamplePcap;
import netwarden.store.Queries;
import netwarden.store.Results;
import netwarden.store.Rows;
import netwarden.store.Store;

/**
 * {@code /incidents} (filters: state, kind, service, severity, time; acknowledge many at once) and
 * {@code /incidents/{id}} (timeline, reason, top sources and ports, players online during it, the sample pcap,
 * acknowledge with a note, the notes so far). Incidents come from the store, so they survive restarts.
 */
final class Incidents {
    static final int LIMIT = 5000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Store store;
    private final Supplier<EngineSnapshot> live;
    private final Path archiveDir;

    Incidents(Store store, Supplier<EngineSnapshot> live, Path archiveDir) {
        this.store = store;
        this.live = live;
        this.archiveDir = archiveDir;
    }

    Response list(PageRequest r) {
        Range range = Range.of(r, Now.ms(live), "");
        String state = oneOf(r.q("state"), "active", "ended", "unacknowledged");
        String severity = r.q("severity");
        List<Rows.Incident> rows = store.incidents(new Queries.Incidents(state, r.q("kind"), r.q("service"), severity,
                range.all() ? 0 : range.fromMs(), range.all() ? Long.MAX_VALUE : range.toMs(), LIMIT));
        Html h = new Html().raw("<h1>Incidents</h1><form method=get action=\"/incidents\" class=filters>")
                .raw(select("state", state, "", "active", "ended", "unacknowledged"))
                .f("<label>kind <input name=kind value=\"%s\" placeholder=udp_flood></label>", r.q("kind"))
                .f("<label>service <input name=service value=\"%s\"></label>", r.q("service"))
                .raw(select("severity", severity, "", "LOW", "MEDIUM", "HIGH", "CRITICAL"))
                .f("<input type=hidden name=range value=\"%s\">", range.all() ? "" : range.preset())
                .raw("<button type=submit>Filter</button></form>")
                .raw(range.picker(r, "/incidents", true));
        h.raw("<form method=post action=\"/incidents/ack\" class=ack-many>").f("<input type=hidden name=csrf value=\"%s\">", r.session().csrf());
        var table = new SortedTable<Rows.Incident>("", List.of(
                SortedTable.col("pick", "", null, i -> i.acknowledged() ? "" : new Html().f("<input type=checkbox name=id value=\"%s\" aria-label=\"select %s\">", i.id(), i.id()).build()),
                SortedTable.col("start", "Started", Comparator.comparingLong(Rows.Incident::startMs), i -> Fmt.time(i.startMs())),
                SortedTable.col("kind", "Kind", Comparator.comparing(Rows.Incident::kind), i -> new Html().f("<a href=\"/incidents/%s\">%s</a>", Paths.seg(i.id()), i.kind()).build()),
                SortedTable.col("service", "Target", Comparator.comparing(Rows.Incident::target), i -> i.service() == null ? i.target() : Overview.link("/services/", i.service())),
                SortedTable.col("severity", "Severity", Comparator.comparing(Rows.Incident::severity), Rows.Incident::severity),
                SortedTable.col("state", "State", Comparator.comparing(Rows.Incident::active), i -> i.active() ? Html.safe("<span class=active>active</span>") : "ended"),
                SortedTable.col("peak", "Peak pps", Comparator.comparingLong(Rows.Incident::peakPps), i -> Fmt.si(i.peakPps())),
                SortedTable.col("sources", "Sources", Comparator.comparingLong(Rows.Incident::sources), Rows.Incident::sources),
                SortedTable.col("ack", "Acknowledged", Comparator.comparingLong(Rows.Incident::ackedMs), i -> i.acknowledged() ? new Html().f("%s by %s", Fmt.time(i.ackedMs()), i.ackedBy()).build() : "")));
        h.raw(table.render(rows, r, "/incidents", "No incidents match."));
        if (!rows.isEmpty()) h.raw(ackFields(r, "Acknowledge selected"));
        h.raw("</form>");
        return Pages.html(200, Layout.page("Incidents", "Incidents", r, h.build()));
    }

    /** The note box and button, disabled with the reason for a read-only token. */
    private static Html.Raw ackFields(PageRequest r, String button) {
        Html h = new Html().f("<fieldset class=ack%s><label>Note <textarea name=note rows=2 maxlength=4000></textarea></label>",
                Html.safe(r.canWrite() ? "" : " disabled")).f("<button type=submit>%s</button>", button);
        if (!r.canWrite()) h.raw("<p class=hint>Your token is read-only: it cannot acknowledge.</p>");
        return h.raw("</fieldset>").build();
    }

    Response detail(PageRequest r) throws Exception {
        String id = r.param("id");
        Optional<Rows.Incident> found = store.incident(Console.AGENT, id);
        if (found.isEmpty()) return Pages.notFound("No incident " + id + " is kept.");
        Rows.Incident i = found.get();
        long endMs = i.active() ? Math.max(Now.ms(live), i.updatedMs()) : i.endMs();
        Html h = new Html().f("<h1>%s on %s</h1>", i.kind(), i.service() == null ? i.target() : i.service());
        h.f("<p class=reason>%s</p><dl class=facts>", i.reason())
                .f("<div><dt>State</dt><dd>%s</dd></div>", i.active() ? "active" : "ended")
                .f("<div><dt>Severity</dt><dd>%s</dd></div>", i.severity())
                .f("<div><dt>Started</dt><dd>%s</dd></div>", Fmt.time(i.startMs()))
                .f("<div><dt>Ended</dt><dd>%s</dd></div>", i.active() ? "—" : Fmt.time(i.endMs()))
                .f("<div><dt>Lasted</dt><dd>%s</dd></div>", Fmt.duration(endMs - i.startMs()))
                .f("<div><dt>Peak</dt><dd>%s pps · %sbps</dd></div>", Fmt.si(i.peakPps()), Fmt.si(i.peakBps()))
                .f("<div><dt>Traffic</dt><dd>%s packets · %s</dd></div>", Fmt.si(i.packets()), Fmt.bytes(i.bytes()))
                .f("<div><dt>Sources</dt><dd>%s%s%s</dd></div>", i.sources(), i.multiSource() ? " · many" : "", i.spoofing() ? " · spoofing suspected" : "")
                .f("<div><dt>Acknowledged</dt><dd>%s</dd></div>", i.acknowledged() ? new Html().f("%s by %s", Fmt.time(i.ackedMs()), i.ackedBy()).build() : "no")
                .raw("</dl>");
        if (i.service() != null) {
            long pad = Math.max(60_000, (endMs - i.startMs()) / 2);
            Range around = new Range(i.startMs() - pad, endMs + pad, "custom");
            List<Results.Point> points = store.history(new Queries.History(i.service(), around.fromMs(), around.toMs(), around.stepSeconds()));
            h.raw("<h2>Timeline</h2><div class=charts>").raw(Charts.chart(Charts.SERVICE.getFirst(), points, List.of(), 0, i.startMs(), endMs))
                    .raw(Charts.chart(Charts.SERVICE.get(2), points, List.of(), 0, i.startMs(), endMs)).raw("</div>");
        }
        h.raw("<h2>Top sources</h2>").raw(sources(r, store.incidentSources(Console.AGENT, id)))
                .raw("<h2>Top source ports</h2>").raw(ports(r, i.topPortsJson()));
        h.raw("<h2>Players online during it</h2>");
        List<Rows.Session> online = i.service() == null ? List.of() : Players.overlapping(store, i.service(), i.startMs(), endMs + 1, 1000);
        h.raw(Players.table("o", r, online, "/incidents/" + Paths.seg(id), "No player was online."));
        h.f("<h2>Sample</h2><p><a href=\"/incidents/%s/pcap\" download>Download the sample pcap</a> (a few frames of the attack, "
                + "for Wireshark)</p>", Paths.seg(id));
        h.raw("<h2>Acknowledge</h2>").f("<form method=post action=\"/incidents/%s/ack\" class=ack-one>", Paths.seg(id))
                .f("<input type=hidden name=csrf value=\"%s\">", r.session().csrf())
                .raw(ackFields(r, i.acknowledged() ? "Add note" : "Acknowledge")).raw("</form>");
        List<Rows.Note> notes = store.notes(Console.AGENT, id);
        h.raw("<h2>Notes</h2>");
        if (notes.isEmpty()) h.raw("<p class=empty>No notes yet.</p>");
        else {
            h.raw("<ol class=notes>");
            for (Rows.Note n : notes) h.f("<li>%s <strong>%s</strong><p>%s</p></li>", Fmt.time(n.tsMs()), n.author(), n.note());
            h.raw("</ol>");
        }
        return Pages.html(200, Layout.page(i.kind(), "Incidents", r, h.build()));
    }

    private static Html.Raw sources(PageRequest r, List<Rows.IncidentSource> rows) {
        return new SortedTable<Rows.IncidentSource>("s", List.of(
                SortedTable.col("address", "Address", null, s -> SearchPage.addressLink(r, s.address())),
                SortedTable.col("country", "Country", Comparator.comparing(s -> Fmt.country(s.country())), s -> Fmt.country(s.country())),
                SortedTable.col("asn", "ASN", Comparator.comparingLong(Rows.IncidentSource::asn), s -> Fmt.asn(s.asn())),
                SortedTable.col("packets", "Packets", Comparator.comparingLong(Rows.IncidentSource::packets), s -> Fmt.si(s.packets())),
                SortedTable.col("bytes", "Bytes", Comparator.comparingLong(Rows.IncidentSource::bytes), s -> s.bytes() == 0 ? "" : Fmt.bytes(s.bytes()))))
                .render(rows, r, r.http().pathParams().isEmpty() ? "/incidents" : "/incidents/" + Paths.seg(r.param("id")), "No sources recorded.");
    }

    private static Html.Raw ports(PageRequest r, String json) throws Exception {
        Html h = new Html();
        JsonNode ports = JSON.readTree(json);
        if (!ports.isArray() || ports.isEmpty()) return h.raw("<p class=empty>No ports recorded.</p>").build();
        h.raw("<div class=scroll><table><thead><tr><th>Source port</th><th>Packets</th></tr></thead><tbody>");
        for (JsonNode p : ports) h.f("<tr><td>%s</td><td class=num>%s</td></tr>", p.path("port").asInt(), Fmt.si(p.path("packets").asLong()));
        return h.raw("</tbody></table></div>").build();
    }

    Response ack(PageRequest r, Form f) {
        String id = r.param("id");
        if (!store.acknowledge(Console.AGENT, id, r.session().token().name(), note(f), System.currentTimeMillis()))
            return Pages.notFound("No incident " + id + " is kept.");
        return Pages.redirect("/incidents/" + Paths.seg(id));
    }

    Response ackMany(PageRequest r, Form f) {
        String note = note(f);
        for (String id : f.all("id")) store.acknowledge(Console.AGENT, id, r.session().token().name(), note, System.currentTimeMillis());
        return Pages.redirect("/incidents");
    }

    private static String note(Form f) {
        String n = f.first("note");
        if (n == null || n.isBlank()) return "acknowledged";
        return n.length() > 4000 ? n.substring(0, 4000) : n.strip();
    }

    /** The stored sample, the archived one, or the frames the live incident holds, as a pcap. */
    Response pcap(PageRequest r) throws Exception {
        String id = r.param("id");
        Optional<Rows.Incident> found = store.incident(Console.AGENT, id);
        if (found.isEmpty()) return Pages.notFound("No incident " + id + " is kept.");
        Map<String, String> headers = Map.of("Content-Disposition", "attachment; filename=\"" + IncidentArchive.fileName(id) + ".pcap\"");
        for (String p : new String[] {found.get().samplePcap(), archiveDir == null ? null : archiveDir.resolve(IncidentArchive.fileName(id) + ".pcap").toString()}) {
            if (p != null && Files.isRegularFile(Path.of(p))) return new Response(200, "application/vnd.tcpdump.pcap", Files.readAllBytes(Path.of(p)), headers);
        }
        for (Incident i : live.get().incidents()) {
            if (i.id().equals(id) && !i.sample().isEmpty()) {
                var out = new ByteArrayOutputStream();
                SamplePcap.write(out, i.sample());
                return new Response(200, "application/vnd.tcpdump.pcap", out.toByteArray(), headers);
            }
        }
        return Pages.notFound("No sample was captured for incident " + id + ".");
    }

    static String oneOf(String v, String... allowed) {
        if (v == null) return null;
        for (String a : allowed) if (a.equals(v)) return v;
        return null;
    }

    static Html.Raw select(String name, String current, String... options) {
        Html h = new Html().f("<label>%s <select name=\"%s\">", name, name);
        for (String o : options) h.f("<option value=\"%s\"%s>%s</option>", o, Html.safe(o.equals(current == null ? "" : current) ? " selected" : ""), o.isEmpty() ? "any" : o);
        return h.raw("</select></label>").build();
    }
}
