package netwarden.app.history;

import static netwarden.app.history.ApiParams.AGENT;
import static netwarden.app.history.ApiParams.blank;
import static netwarden.app.history.ApiParams.format;
import static netwarden.app.history.ApiParams.limit;
import static netwarden.app.history.ApiParams.time;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.function.LongSupplier;
import netwarden.server.JsonErrors;
import netwarden.server.NetwardenHttpServer;
import netwarden.server.Request;
import netwarden.server.Response;
import netwarden.store.Queries;
import netwarden.store.Rows;
import netwarden.store.Store;
import netwarden.wire.AddressFormat;

/**
 * Incidents from the store, so they survive restarts:
 * {@code GET /api/v1/incidents?state=&kind=&service=&severity=&from=&to=&limit=} (newest first; {@code active=true}
 * is {@code state=active}), {@code GET /api/v1/incidents/{id}} (with its heaviest sources and the notes, oldest
 * first) and {@code POST /api/v1/incidents/{id}/ack} with {@code {"note": "…"}} (optional), which needs a token
 * that may write (a read-only one gets 403). The first acknowledgement is kept; every note is appended with the
 * token's name as author.
 */
public final class IncidentsApi {
    /** A note is a sentence or a paragraph, not a document. */
    static final int MAX_NOTE = 4_000;
    static final int MAX_BODY = 16 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Store store;
    private final LongSupplier nowMs;

    public IncidentsApi(Store store, LongSupplier nowMs) {
        this.store = store;
        this.nowMs = nowMs;
    }

    public void register(NetwardenHttpServer server) {
        server.addApiRoute("/api/v1/incidents", ApiParams.guarded(this::list));
        server.addApiRoute("/api/v1/incidents/{id}", ApiParams.guarded(this::detail));
        server.addApiRoute("POST", "/api/v1/incidents/{id}/ack", MAX_BODY, ApiParams.guarded(this::acknowledge));
    }

    Response list(Request r) {
        Queries.Incidents q;
        try {
            String state = blank(r.query("state"));
            if (state == null && "true".equals(r.query("active"))) state = "active";
            q = new Queries.Incidents(state, blank(r.query("kind")), blank(r.query("service")), blank(r.query("severity")),
                    time(r, "from", 0), time(r, "to", Long.MAX_VALUE), limit(r));
        } catch (IllegalArgumentException e) {
            return JsonErrors.of(400, e.getMessage());
        }
        ArrayNode out = JSON.createArrayNode();
        for (Rows.Incident i : store.incidents(q)) out.add(StoreJson.incident(i));
        ObjectNode body = StoreJson.object();
        body.set("incidents", out);
        return Response.json(200, body);
    }

    Response detail(Request r) {
        String id = r.param("id");
        var found = store.incident(AGENT, id);
        if (found.isEmpty()) return JsonErrors.of(404, "no such incident: " + id);
        return Response.json(200, detail(found.get(), format(r)));
    }

    private ObjectNode detail(Rows.Incident i, AddressFormat format) {
        ObjectNode n = StoreJson.incident(i);
        ArrayNode sources = n.putArray("top_sources");
        for (Rows.IncidentSource s : store.incidentSources(AGENT, i.id())) {
            ObjectNode o = sources.addObject().put("address", StoreJson.address(s.address(), format)).put("country", s.country());
            if (s.asn() != 0) o.put("asn", s.asn());
            else o.putNull("asn");
            o.put("packets", s.packets()).put("bytes", s.bytes());
        }
        ArrayNode notes = n.putArray("notes");
        for (Rows.Note note : store.notes(AGENT, i.id()))
            notes.addObject().put("at", Instant.ofEpochMilli(note.tsMs()).toString()).put("author", note.author()).put("note", note.note());
        return n;
    }

    Response acknowledge(Request r) {
        if (r.token() == null || !r.token().canWrite())
            return JsonErrors.of(403, "token '" + (r.token() == null ? "" : r.token().name()) + "' is read-only: it cannot acknowledge");
        String note;
        try {
            note = note(r.body());
        } catch (IllegalArgumentException e) {
            return JsonErrors.of(400, e.getMessage());
        }
        String id = r.param("id");
        if (!store.acknowledge(AGENT, id, r.token().name(), note, nowMs.getAsLong()))
            return JsonErrors.of(404, "no such incident: " + id);
        return Response.json(200, detail(store.incident(AGENT, id).orElseThrow(), format(r)));
    }

    /** The note of an ack body: none (empty body or no "note"), or a string up to {@link #MAX_NOTE} characters. */
    static String note(byte[] body) {
        if (body.length == 0) return null;
        JsonNode n;
        try {
            n = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("body must be JSON such as {\"note\": \"…\"}: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("body cannot be read: " + e.getMessage());
        }
        if (n == null || n.isMissingNode() || n.isNull()) return null;
        if (!n.isObject()) throw new IllegalArgumentException("body must be a JSON object such as {\"note\": \"…\"}");
        JsonNode note = n.get("note");
        if (note == null || note.isNull()) return null;
        if (!note.isTextual()) throw new IllegalArgumentException("note must be a string");
        String text = note.asText().strip();
        if (text.length() > MAX_NOTE) throw new IllegalArgumentException("note must be at most " + MAX_NOTE + " characters: " + text.length());
        return text.isEmpty() ? null : text;
    }
}
