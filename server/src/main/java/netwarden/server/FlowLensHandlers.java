package netwarden.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Supplier;
import netwarden.model.EngineSnapshot;
import netwarden.model.PlayerSnapshot;
import netwarden.model.ServiceSnapshot;
import netwarden.model.WindowStats;
import netwarden.wire.AddressFormat;
import netwarden.wire.SnapshotJson;

/**
 * FlowLens compatibility ({@code GET /metrics/servers}, {@code GET /metrics/servers/{id}}): its JSON
 * shape, so clients written for FlowLens keep working. Per service: {@code server_id}, {@code active_players}
 * (players joined now), {@code unique_ips} (the distinct player addresses of the service, masked unless the
 * token allows full addresses), {@code sample_window_seconds} (the history the numbers cover),
 * {@code total_bytes} (both ways over that window) and {@code timestamp} (the snapshot's epoch seconds).
 * The list answer is a JSON array of those objects.
 */
final class FlowLensHandlers {
    private final Supplier<EngineSnapshot> snapshots;

    FlowLensHandlers(Supplier<EngineSnapshot> snapshots) {
        this.snapshots = snapshots;
    }

    Response servers(Request request) {
        EngineSnapshot snap = latest();
        ArrayNode list = SnapshotJson.object().arrayNode();
        for (ServiceSnapshot s : snap.services()) list.add(server(snap, s, addresses(request)));
        return Response.json(200, list);
    }

    Response server(Request request) {
        EngineSnapshot snap = latest();
        ServiceSnapshot s = snap.service(request.param("id"));
        if (s == null) return JsonErrors.notFound("unknown server: " + request.param("id"));
        return Response.json(200, server(snap, s, addresses(request)));
    }

    private static ObjectNode server(EngineSnapshot snap, ServiceSnapshot s, AddressFormat addresses) {
        ObjectNode n = SnapshotJson.object().put("server_id", s.id()).put("active_players", s.playersNow());
        ArrayNode ips = n.putArray("unique_ips");
        List<PlayerSnapshot> players = snap.players().stream().filter(p -> p.service().equals(s.id()) && !p.left()).toList();
        players.stream().map(PlayerSnapshot::address).distinct().sorted().forEach(a -> ips.add(addresses.format(a)));
        long bytes = 0;
        for (WindowStats w : s.recent()) bytes += w.bytes();
        n.put("sample_window_seconds", s.recent().size());
        n.put("total_bytes", bytes);
        n.put("timestamp", snap.asOfNanos() == 0 ? null : SnapshotJson.seconds(snap.asOfNanos()));
        return n;
    }

    private static AddressFormat addresses(Request request) {
        return request.token() != null && request.token().fullAddresses() ? AddressFormat.fullAddresses() : AddressFormat.masked();
    }

    private EngineSnapshot latest() {
        EngineSnapshot s = snapshots.get();
        return s == null ? EngineSnapshot.EMPTY : s;
    }
}
