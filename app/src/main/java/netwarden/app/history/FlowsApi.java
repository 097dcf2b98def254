package netwarden.app.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import netwarden.model.Ip;
import netwarden.server.JsonErrors;
import netwarden.server.NetwardenHttpServer;
import netwarden.server.Request;
import netwarden.server.Response;
import netwarden.store.Queries;
import netwarden.store.Rows;
import netwarden.store.Store;
import netwarden.wire.AddressFormat;

/**
 * {@code GET /api/v1/flows?address=&exporter=&port=&from=&to=&limit=}: the flow-export minutes the
 * collectors stored (sampling applied), newest first. {@code address} is an address or prefix matching
 * the source or destination; {@code from} defaults to an hour before {@code to} (default now). Addresses
 * are masked unless the token allows full addresses (an address filter still works on the full address).
 */
public final class FlowsApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Store store;

    public FlowsApi(Store store) {
        this.store = store;
    }

    public void register(NetwardenHttpServer server) {
        server.addApiRoute("/api/v1/flows", ApiParams.guarded(this::flows));
    }

    Response flows(Request r) {
        Queries.Flows q;
        try {
            long to = ApiParams.time(r, "to", System.currentTimeMillis());
            q = new Queries.Flows(ApiParams.blank(r.query("address")), ApiParams.blank(r.query("exporter")), port(r),
                    ApiParams.time(r, "from", to - 3_600_000), to, ApiParams.limit(r));
        } catch (IllegalArgumentException e) {
            return JsonErrors.of(400, e.getMessage());
        }
        AddressFormat format = ApiParams.format(r);
        ArrayNode out = JSON.createArrayNode();
        for (Rows.FlowMinute f : store.flows(q)) {
            ObjectNode n = out.addObject().put("minute", Instant.ofEpochSecond(f.ts()).toString()).put("exporter", f.exporter())
                    .put("in_if", f.inIf()).put("out_if", f.outIf())
                    .put("src", address(f.src(), format)).put("dst", address(f.dst(), format)).put("proto", f.proto())
                    .put("packets", f.packets()).put("bytes", f.bytes()).put("records", f.flows());
            if (f.srcPort() >= 0) n.put("src_port", f.srcPort());
            if (f.dstPort() >= 0) n.put("dst_port", f.dstPort());
        }
        ObjectNode body = JSON.createObjectNode();
        body.set("flows", out);
        return Response.json(200, body);
    }

    private static String address(String a, AddressFormat format) {
        return Rows.FlowMinute.OTHERS.equals(a) ? a : format.format(Ip.parse(a));
    }

    private static int port(Request r) {
        String v = ApiParams.blank(r.query("port"));
        if (v == null) return -1;
        try {
            int p = Integer.parseInt(v);
            if (p >= 0 && p <= 65535) return p;
        } catch (NumberFormatException ignored) {
            // the message below says what is allowed
        }
        throw new IllegalArgumentException("port must be 0..65535: " + v);
    }
}
