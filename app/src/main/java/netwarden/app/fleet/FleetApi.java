package netwarden.app.fleet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import netwarden.server.JsonErrors;
import netwarden.server.NetwardenHttpServer;
import netwarden.server.Request;
import netwarden.server.Response;
import netwarden.store.Shipped;
import netwarden.store.Store;

/**
 * The server's fleet endpoints: {@code GET /api/v1/agents} (every agent with its freshness, what it stored per
 * epoch and what it lost) and {@code GET /api/v1/agents/{id}} (one, with its gaps listed). The history endpoints
 * take {@code ?agent=} on a server (see HistoryApi).
 */
final class FleetApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Store store;
    private final FleetMonitor monitor;

    FleetApi(Store store, FleetMonitor monitor) {
        this.store = store;
        this.monitor = monitor;
    }

    void register(NetwardenHttpServer server) {
        server.addApiRoute("/api/v1/agents", this::agents);
        server.addApiRoute("/api/v1/agents/{id}", this::agent);
    }

    Response agents(Request r) {
        List<Shipped.Mark> marks = store.marks();
        List<Shipped.Gap> gaps = store.gaps(null);
        ObjectNode body = JSON.createObjectNode().put("stale_after_seconds", monitor.staleAfterMs() / 1000);
        ArrayNode out = body.putArray("agents");
        for (FleetMonitor.Freshness f : monitor.view()) out.add(agent(f, marks, gaps, false));
        return Response.json(200, body);
    }

    Response agent(Request r) {
        String id = r.param("id");
        for (FleetMonitor.Freshness f : monitor.view())
            if (f.agent().equals(id)) return Response.json(200, agent(f, store.marks(), store.gaps(id), true));
        return JsonErrors.of(404, "no such agent: " + id);
    }

    private static ObjectNode agent(FleetMonitor.Freshness f, List<Shipped.Mark> marks, List<Shipped.Gap> gaps, boolean listGaps) {
        ObjectNode n = JSON.createObjectNode().put("agent", f.agent()).put("state", f.state())
                .put("last_seen", f.lastSeenMs() == 0 ? null : Instant.ofEpochMilli(f.lastSeenMs()).toString());
        long batches = 0, rows = 0, lostRows = 0, gapCount = 0;
        ArrayNode epochs = n.putArray("epochs");
        for (Shipped.Mark m : marks) {
            if (!m.agent().equals(f.agent())) continue;
            epochs.addObject().put("epoch", m.epoch()).put("sequence", m.hwm()).put("batches", m.batches()).put("rows", m.rows());
            batches += m.batches();
            rows += m.rows();
        }
        ArrayNode list = listGaps ? n.putArray("gap_list") : null;
        for (Shipped.Gap g : gaps) {
            if (!g.agent().equals(f.agent())) continue;
            gapCount++;
            lostRows += g.rowsLost();
            if (list != null)
                list.addObject().put("epoch", g.epoch()).put("from", g.from()).put("to", g.to()).put("rows_lost", g.rowsLost())
                        .put("bytes_lost", g.bytesLost()).put("recorded", Instant.ofEpochMilli(g.recordedMs()).toString());
        }
        n.put("batches", batches).put("rows", rows).put("gaps", gapCount).put("rows_lost", lostRows);
        return n;
    }
}
