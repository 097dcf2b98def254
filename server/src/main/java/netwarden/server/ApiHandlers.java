package netwarden.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import netwarden.model.EngineSnapshot;
import netwarden.model.GameView;
import netwarden.model.Incident;
import netwarden.model.PlayerSnapshot;
import netwarden.model.ServiceSnapshot;
import netwarden.wire.AddressFormat;
import netwarden.wire.GameJson;
import netwarden.wire.SnapshotJson;

/**
 * The {@code /api/v1} endpoints, answered from the latest snapshot with the field names of
 * {@link SnapshotJson}. Player and source addresses are masked unless the caller's token allows
 * full addresses. Every answer carries {@code as_of}, the snapshot's time in epoch seconds (null
 * before the first snapshot).
 */
final class ApiHandlers {
    private final SnapshotJson full;
    private final SnapshotJson masked;
    private final Supplier<EngineSnapshot> snapshots;
    private final Supplier<GameView> games;

    /** @param blockTimeout how long the incidents' block rules block */
    ApiHandlers(Supplier<EngineSnapshot> snapshots, Supplier<GameView> games, java.time.Duration blockTimeout) {
        this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
        this.games = Objects.requireNonNull(games, "games");
        this.full = new SnapshotJson(AddressFormat.fullAddresses(), blockTimeout);
        this.masked = new SnapshotJson(AddressFormat.masked(), blockTimeout);
    }

    /** {@code {"as_of": t, "services": [service...]}} */
    Response services(Request request) {
        EngineSnapshot snap = latest();
        ObjectNode body = envelope(snap);
        GameView g = games.get();
        ArrayNode list = body.putArray("services");
        for (ServiceSnapshot s : snap.services()) list.add(GameJson.service(json(request).service(s), s, g));
        return Response.json(200, body);
    }

    /** The service detail object plus {@code as_of}; 404 for an unknown id. */
    Response service(Request request) {
        EngineSnapshot snap = latest();
        ServiceSnapshot s = snap.service(request.param("id"));
        if (s == null) return unknown(request);
        ObjectNode body = GameJson.service(json(request).serviceDetail(s), s, games.get());
        body.set("as_of", envelope(snap).get("as_of"));
        return Response.json(200, body);
    }

    /** {@code {"as_of", "service", "players": [...]}}: current and recently left players. */
    Response players(Request request) {
        EngineSnapshot snap = latest();
        ServiceSnapshot s = snap.service(request.param("id"));
        if (s == null) return unknown(request);
        List<PlayerSnapshot> players = snap.players().stream().filter(p -> p.service().equals(s.id())).toList();
        ObjectNode body = envelope(snap).put("service", s.id());
        GameView g = games.get();
        ArrayNode list = body.putArray("players");
        for (PlayerSnapshot p : players) list.add(GameJson.player(json(request).player(p), p, g));
        return Response.json(200, body);
    }

    /** {@code {"as_of", "service", "windows": [...]}}: the recent closed 1-second bins, oldest first. */
    Response windows(Request request) {
        EngineSnapshot snap = latest();
        ServiceSnapshot s = snap.service(request.param("id"));
        if (s == null) return unknown(request);
        ObjectNode body = envelope(snap).put("service", s.id());
        body.set("windows", json(request).windows(s.recent()));
        return Response.json(200, body);
    }

    /**
     * {@code {"as_of", "incidents": [...]}}: attacks in progress and recently ended ones, oldest
     * first; {@code ?active=true} keeps only those in progress.
     */
    Response incidents(Request request) {
        EngineSnapshot snap = latest();
        ObjectNode body = envelope(snap);
        body.set("incidents", json(request).incidents(filter(snap.incidents(), request)));
        return Response.json(200, body);
    }

    /** {@code {"as_of", "service", "incidents": [...]}}: the incidents whose service is this one. */
    Response serviceIncidents(Request request) {
        EngineSnapshot snap = latest();
        ServiceSnapshot s = snap.service(request.param("id"));
        if (s == null) return unknown(request);
        List<Incident> mine = snap.incidents().stream().filter(i -> s.id().equals(i.service())).toList();
        ObjectNode body = envelope(snap).put("service", s.id());
        body.set("incidents", json(request).incidents(filter(mine, request)));
        return Response.json(200, body);
    }

    private static List<Incident> filter(List<Incident> incidents, Request request) {
        return "true".equals(request.query("active")) ? incidents.stream().filter(Incident::active).toList() : incidents;
    }

    private EngineSnapshot latest() {
        EngineSnapshot s = snapshots.get();
        return s == null ? EngineSnapshot.EMPTY : s;
    }

    private SnapshotJson json(Request request) {
        return request.token() != null && request.token().fullAddresses() ? full : masked;
    }

    private static ObjectNode envelope(EngineSnapshot snap) {
        ObjectNode n = SnapshotJson.object();
        if (snap.asOfNanos() == 0) n.putNull("as_of");
        else n.put("as_of", SnapshotJson.seconds(snap.asOfNanos()));
        return n;
    }

    private static Response unknown(Request request) {
        return JsonErrors.notFound("unknown service: " + request.param("id"));
    }
}
