package netwarden.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import netwarden.sinks.notify.Maintenance;
import netwarden.sinks.notify.config.QuietWindow;
import netwarden.wire.SnapshotJson;

/**
 * {@code /api/v1/notify/maintenance}: maintenance windows set at runtime, so a planned restart or
 * a load test pages nobody. {@code GET} lists the windows not yet over; {@code POST}
 * {@code {"route": "pager", "window": "2026-12-08T02:00:00Z/2026-12-08T03:00:00Z", "reason": "restart"}}
 * adds one (route omitted: every route; {@code "minutes": 30} instead of {@code window}: from now);
 * {@code DELETE .../{id}} ends one early. Events meanwhile are still stored and counted. {@code run} keeps the
 * windows in {@code <state.dir>/maintenance.json}, so one set for a planned restart outlives it.
 */
final class MaintenanceHandlers {
    static final String PATH = "/api/v1/notify/maintenance";
    static final int MAX_BODY = 4096;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Maintenance maintenance;
    private final Supplier<Instant> now;

    MaintenanceHandlers(Maintenance maintenance, Supplier<Instant> now) {
        this.maintenance = maintenance;
        this.now = now;
    }

    List<Router.Route> routes() {
        return List.of(new Router.Route("GET", PATH, true, this::list),
                new Router.Route("POST", PATH, Router.Access.TOKEN, MAX_BODY, this::add),
                new Router.Route("DELETE", PATH + "/{id}", true, this::remove));
    }

    Response list(Request request) {
        ObjectNode body = SnapshotJson.object();
        ArrayNode a = body.putArray("windows");
        for (Maintenance.Window w : maintenance.list(now.get())) a.add(json(w));
        return Response.json(200, body);
    }

    Response add(Request request) {
        JsonNode in;
        try {
            in = JSON.readTree(request.body() == null ? new byte[0] : request.body());
        } catch (IOException e) {
            return JsonErrors.of(400, "body is no JSON object: " + e.getMessage());
        }
        if (in == null || !in.isObject()) return JsonErrors.of(400, "body must be a JSON object with \"window\" or \"minutes\"");
        String route = in.path("route").isTextual() ? in.path("route").asText() : null;
        String reason = in.path("reason").isTextual() ? in.path("reason").asText() : null;
        QuietWindow window;
        try {
            if (in.path("minutes").canConvertToLong() && in.path("minutes").asLong() > 0 && in.path("minutes").asLong() <= 7 * 24 * 60) {
                Instant start = now.get();
                window = QuietWindow.between(start, start.plusSeconds(60 * in.path("minutes").asLong()));
            } else if (in.path("window").isTextual()) {
                window = QuietWindow.parse("window", in.path("window").asText());
            } else {
                return JsonErrors.of(400, "give \"window\" (\"<start>/<end>\" instants or \"mon-fri 22:00-07:00 Europe/Berlin\") or \"minutes\" (1 … 10080)");
            }
        } catch (IllegalArgumentException e) { // SettingException too
            return JsonErrors.of(400, e.getMessage());
        }
        try {
            return Response.json(201, json(maintenance.add(route, window, reason)));
        } catch (IllegalStateException e) {
            return JsonErrors.of(409, e.getMessage());
        } catch (IOException e) {
            return JsonErrors.of(500, "cannot save the maintenance window: " + e.getMessage());
        }
    }

    Response remove(Request request) {
        long id;
        try {
            id = Long.parseLong(request.param("id"));
        } catch (NumberFormatException e) {
            return JsonErrors.of(404, "no maintenance window " + request.param("id"));
        }
        try {
            return maintenance.remove(id) ? Response.json(200, SnapshotJson.object().put("removed", id))
                    : JsonErrors.of(404, "no maintenance window " + id);
        } catch (IOException e) {
            return JsonErrors.of(500, "cannot save the maintenance windows: " + e.getMessage());
        }
    }

    private static ObjectNode json(Maintenance.Window w) {
        ObjectNode o = SnapshotJson.object().put("id", w.id()).put("route", w.route()).put("window", w.window().toString()).put("reason", w.reason());
        if (w.window().start() != null) o.put("start", w.window().start().toString()).put("end", w.window().end().toString());
        return o;
    }
}
