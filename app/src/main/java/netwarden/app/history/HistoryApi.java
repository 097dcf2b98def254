package netwarden.app.history;

import static netwarden.app.history.ApiParams.blank;
import static netwarden.app.history.ApiParams.format;
import static netwarden.app.history.ApiParams.limit;
import static netwarden.app.history.ApiParams.time;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import netwarden.model.Ip;
import netwarden.server.JsonErrors;
import netwarden.server.NetwardenHttpServer;
import netwarden.server.Request;
import netwarden.server.Response;
import netwarden.store.Queries;
import netwarden.store.Results;
import netwarden.store.Rows;
import netwarden.store.Store;
import netwarden.wire.AddressFormat;

/**
 * The history endpoints answered from the store: {@code GET /api/v1/events?kind=&service=&from=&to=&limit=} and
 * {@code GET /api/v1/services/{id}/history?from=&to=&step=} (step in seconds; series from the rollups).
 * Times are epoch seconds or RFC 3339; addresses are masked unless the token allows full addresses, as in
 * the rest of the API. A wrong parameter is a 400 naming it. On a central server ({@link #fleet}) every endpoint
 * takes {@code ?agent=ID} (events and history: all agents when absent; an incident: required) and events carry
 * their {@code agent}.
 */
public final class HistoryApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Store store;
    private final boolean fleet;

    public HistoryApi(Store store) {
        this(store, false);
    }

    private HistoryApi(Store store, boolean fleet) {
        this.store = store;
        this.fleet = fleet;
    }

    /** The endpoints of a central server: rows of every agent, {@code ?agent=} filters. */
    public static HistoryApi fleet(Store store) {
        return new HistoryApi(store, true);
    }

    /** The agent filter: a server's {@code ?agent=}, else none (a local store's rows are all its own). */
    private String agent(Request r) {
        if (!fleet) return null;
        String a = blank(r.query("agent"));
        if (a != null && !a.matches("[A-Za-z0-9._-]{1,64}")) throw new IllegalArgumentException("agent must be an agent id: " + a);
        return a;
    }

    public void register(NetwardenHttpServer server) {
        server.addApiRoute("/api/v1/events", ApiParams.guarded(this::events));
        server.addApiRoute("/api/v1/services/{id}/history", ApiParams.guarded(this::history));
        // a central server's incident detail needs ?agent= (a local run's is IncidentsApi's)
        if (fleet) server.addApiRoute("/api/v1/incidents/{id}", ApiParams.guarded(this::incident));
    }

    /** One incident as the store keeps it (so it survives restarts), with its heaviest sources and its notes. */
    Response incident(Request r) {
        String id = r.param("id");
        String agent;
        try {
            agent = agent(r);
        } catch (IllegalArgumentException e) {
            return JsonErrors.of(400, e.getMessage());
        }
        if (agent == null) return JsonErrors.of(400, "agent is required on a server: ?agent=ID");
        var found = store.incident(agent, id);
        if (found.isEmpty()) return JsonErrors.of(404, "no such incident: " + id);
        Rows.Incident i = found.get();
        AddressFormat format = format(r);
        ObjectNode n = JSON.createObjectNode().put("id", i.id()).put("scope", i.scope()).put("target", i.target())
                .put("service", i.service()).put("kind", i.kind()).put("severity", i.severity()).put("reason", i.reason())
                .put("start", Instant.ofEpochMilli(i.startMs()).toString())
                .put("end", i.endMs() == 0 ? null : Instant.ofEpochMilli(i.endMs()).toString()).put("active", i.endMs() == 0)
                .put("peak_pps", i.peakPps()).put("peak_bps", i.peakBps()).put("packets", i.packets()).put("bytes", i.bytes())
                .put("sources", i.sources()).put("multi_source", i.multiSource()).put("spoofing_suspected", i.spoofing())
                .put("acknowledged", i.ackedMs() == 0 ? null : Instant.ofEpochMilli(i.ackedMs()).toString()).put("acknowledged_by", i.ackedBy());
        ArrayNode sources = n.putArray("top_sources");
        if (fleet) n.put("agent", agent);
        for (Rows.IncidentSource s : store.incidentSources(agent, id))
            sources.addObject().put("address", format.format(Ip.parse(s.address()))).put("country", s.country())
                    .put("asn", s.asn()).put("packets", s.packets()).put("bytes", s.bytes());
        ArrayNode notes = n.putArray("notes");
        for (Rows.Note note : store.notes(agent, id))
            notes.addObject().put("at", Instant.ofEpochMilli(note.tsMs()).toString()).put("author", note.author()).put("note", note.note());
        return Response.json(200, n);
    }


    Response events(Request r) throws IOException {
        Queries.Events q;
        try {
            q = new Queries.Events(blank(r.query("kind")), blank(r.query("service")), time(r, "from", 0),
                    time(r, "to", Long.MAX_VALUE), limit(r), agent(r));
        } catch (IllegalArgumentException e) {
            return JsonErrors.of(400, e.getMessage());
        }
        AddressFormat format = format(r);
        ArrayNode out = JSON.createArrayNode();
        for (Rows.Event e : store.events(q)) {
            ObjectNode n = event(e, format);
            if (fleet) n.put("agent", e.agent());
            out.add(n);
        }
        ObjectNode body = JSON.createObjectNode();
        body.set("events", out);
        return Response.json(200, body);
    }

    /** Series from the rollups; {@code to} defaults to now, {@code from} to an hour before it, {@code step} to 60 s. */
    Response history(Request r) {
        Queries.History q;
        try {
            long to = time(r, "to", System.currentTimeMillis());
            long step = step(r);
            q = new Queries.History(r.param("id"), time(r, "from", to - 3_600_000), to, step, agent(r));
        } catch (IllegalArgumentException e) {
            return JsonErrors.of(400, e.getMessage());
        }
        ArrayNode out = JSON.createArrayNode();
        for (Results.Point p : store.history(q))
            out.addObject().put("ts", p.ts()).put("packets", p.packets()).put("bytes", p.bytes()).put("mean_pps", p.meanPps())
                    .put("mean_bps", p.meanBps()).put("peak_pps", p.peakPps()).put("peak_bps", p.peakBps())
                    .put("sources", p.sources()).put("players", p.players());
        ObjectNode body = JSON.createObjectNode().put("service", q.service()).put("step", q.stepSeconds());
        body.set("points", out);
        return Response.json(200, body);
    }

    private static ObjectNode event(Rows.Event e, AddressFormat format) throws IOException {
        ObjectNode n = JSON.createObjectNode()
                .put("ts", Instant.ofEpochMilli(e.tsMs()).toString())
                .put("kind", e.kind())
                .put("service", e.service())
                .put("address", e.address() == null ? null : format.format(Ip.parse(e.address())))
                .put("country", e.country())
                .put("incident", e.incidentId());
        if (e.asn() != 0) n.put("asn", e.asn());
        JsonNode detail = e.detailJson() == null ? null : JSON.readTree(e.detailJson());
        if (detail != null) n.set("detail", detail);
        return n;
    }

    private static long step(Request r) {
        String v = blank(r.query("step"));
        if (v == null) return 60;
        try {
            long n = Long.parseLong(v);
            if (n >= 1 && n <= 31_536_000) return n;
        } catch (NumberFormatException ignored) {
            // the message below says what is allowed
        }
        throw new IllegalArgumentException("step must be whole seconds, 1..31536000: " + v);
    }
}
