package netwarden.app.router;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import netwarden.app.history.ApiParams;
import netwarden.model.Ip;
import netwarden.server.JsonErrors;
import netwarden.server.NetwardenHttpServer;
import netwarden.server.Request;
import netwarden.server.Response;
import netwarden.store.RouterQueries;
import netwarden.store.RouterRows;
import netwarden.store.Store;
import netwarden.wire.AddressFormat;

/**
 * The router endpoints: {@code GET /api/v1/devices}, {@code POST /api/v1/devices/{address}} ({@code {"name": ..}},
 * a token that may write), {@code GET /api/v1/connections?device=&remote=&domain=&asn=&from=&to=&limit=},
 * {@code GET /api/v1/anomalies?code=&device=&from=&to=&limit=}, {@code GET /api/v1/router/dns?device=&from=&to=},
 * {@code GET /api/v1/router/firewall?device=&from=&to=}, and the rules: {@code GET /api/v1/router/rules},
 * {@code POST /api/v1/router/rules}, {@code DELETE /api/v1/router/rules/{id}} (writes need a token that may write).
 * Answers from the store (devices, connections, anomalies) and the rule book. Times are epoch seconds or RFC 3339
 * ({@code to} defaults to now, {@code from} to a day before); addresses masked unless the token shows them; a
 * wrong parameter is a 400 naming it. Anomaly incidents are at {@code /api/v1/incidents/{id}} like attacks.
 */
public final class RouterApi {
    static final int MAX_BODY = 4096;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AGENT = "";
    private final Store store;
    private final RouterRuleBook rules;

    RouterApi(Store store, RouterRuleBook rules) {
        this.store = store;
        this.rules = rules;
    }

    /** The API of a running router profile. */
    public static RouterApi of(Store store, RouterRuntime runtime) {
        return new RouterApi(store, runtime.rules());
    }

    public void register(NetwardenHttpServer server) {
        server.addApiRoute("/api/v1/devices", ApiParams.guarded(this::devices));
        server.addApiRoute("POST", "/api/v1/devices/{address}", MAX_BODY, ApiParams.guarded(this::rename));
        server.addApiRoute("/api/v1/connections", ApiParams.guarded(this::connections));
        server.addApiRoute("/api/v1/anomalies", ApiParams.guarded(this::anomalies));
        server.addApiRoute("/api/v1/router/dns", ApiParams.guarded(this::dns));
        server.addApiRoute("/api/v1/router/firewall", ApiParams.guarded(this::firewall));
        server.addApiRoute("/api/v1/router/rules", ApiParams.guarded(this::listRules));
        server.addApiRoute("POST", "/api/v1/router/rules", MAX_BODY, ApiParams.guarded(this::addRule));
        server.addApiRoute("DELETE", "/api/v1/router/rules/{id}", 0, ApiParams.guarded(this::removeRule));
    }

    Response devices(Request r) {
        AddressFormat f = ApiParams.format(r);
        ArrayNode out = JSON.createArrayNode();
        for (RouterRows.Device d : store.devices(AGENT))
            out.addObject().put("address", f.format(Ip.parse(d.address()))).put("mac", ApiParams.blank(d.mac())).put("name", d.name())
                    .put("first_seen", time(d.firstSeenMs())).put("last_seen", time(d.lastSeenMs()));
        ObjectNode body = JSON.createObjectNode();
        body.set("devices", out);
        return Response.json(200, body);
    }

    Response rename(Request r) {
        if (!r.token().canWrite()) return JsonErrors.of(403, "token " + r.token().name() + " is read-only");
        String address = r.param("address");
        try {
            Ip.parse(address);
            JsonNode body = JSON.readTree(r.body());
            JsonNode name = body == null ? null : body.get("name");
            if (name == null || !(name.isTextual() || name.isNull())) throw new IllegalArgumentException("body must be {\"name\": \"...\"}");
            String text = name.isNull() ? "" : name.asText();
            if (text.length() > 100) throw new IllegalArgumentException("name longer than 100 characters: " + text.length());
            if (!store.renameDevice(AGENT, Ip.parse(address).toString(), text)) return JsonErrors.of(404, "no such device: " + address);
            return Response.json(200, JSON.createObjectNode().put("address", address).put("name", text.isBlank() ? null : text.strip()));
        } catch (IllegalArgumentException | IOException e) {
            return JsonErrors.of(400, e.getMessage());
        }
    }

    Response connections(Request r) {
        RouterQueries.Connections q;
        try {
            long to = ApiParams.time(r, "to", System.currentTimeMillis());
            q = new RouterQueries.Connections(ApiParams.blank(r.query("device")), ApiParams.blank(r.query("remote")), ApiParams.blank(r.query("domain")),
                    asn(r), ApiParams.time(r, "from", to - 86_400_000L), to, ApiParams.limit(r));
        } catch (IllegalArgumentException e) {
            return JsonErrors.of(400, e.getMessage());
        }
        AddressFormat f = ApiParams.format(r);
        ArrayNode out = JSON.createArrayNode();
        for (RouterRows.Connection c : store.connections(q)) {
            ObjectNode n = out.addObject().put("device", f.format(Ip.parse(c.device()))).put("remote", f.format(Ip.parse(c.remote())))
                    .put("proto", c.proto()).put("port", c.port() < 0 ? null : c.port())
                    .put("packets_out", c.packetsOut()).put("bytes_out", c.bytesOut()).put("packets_in", c.packetsIn())
                    .put("bytes_in", c.bytesIn()).put("domain", c.domain()).put("country", c.country())
                    .put("first_seen", time(c.firstSeenMs())).put("last_seen", time(c.lastSeenMs()));
            if (c.asn() != 0) n.put("asn", c.asn());
        }
        ObjectNode body = JSON.createObjectNode();
        body.set("connections", out);
        return Response.json(200, body);
    }

    Response anomalies(Request r) {
        RouterQueries.Anomalies q;
        try {
            long to = ApiParams.time(r, "to", System.currentTimeMillis());
            String code = ApiParams.blank(r.query("code"));
            if (code != null) code = netwarden.model.router.AnomalyCode.valueOf(code.toUpperCase(java.util.Locale.ROOT)).name();
            q = new RouterQueries.Anomalies(code, ApiParams.blank(r.query("device")), ApiParams.time(r, "from", to - 86_400_000L), to, ApiParams.limit(r));
        } catch (IllegalArgumentException e) {
            return JsonErrors.of(400, e.getMessage().startsWith("No enum constant")
                    ? "code must be one of " + java.util.Arrays.toString(netwarden.model.router.AnomalyCode.values()) : e.getMessage());
        }
        AddressFormat f = ApiParams.format(r);
        ArrayNode out = JSON.createArrayNode();
        for (RouterRows.Anomaly a : store.anomalies(q))
            out.addObject().put("ts", time(a.tsMs())).put("device", f.format(Ip.parse(a.device()))).put("code", a.code())
                    .put("score", a.score()).put("evidence", a.evidence())
                    .put("remote", a.remote() == null ? null : f.format(Ip.parse(a.remote()))).put("port", a.port() < 0 ? null : a.port())
                    .put("incident", a.incidentId());
        ObjectNode body = JSON.createObjectNode();
        body.set("anomalies", out);
        return Response.json(200, body);
    }

    Response dns(Request r) {
        RouterQueries.DeviceLog q;
        try {
            q = deviceLog(r);
        } catch (IllegalArgumentException e) {
            return JsonErrors.of(400, e.getMessage());
        }
        AddressFormat f = ApiParams.format(r);
        ArrayNode out = JSON.createArrayNode();
        for (RouterRows.Dns d : store.dns(q))
            out.addObject().put("ts", time(d.tsMs())).put("device", d.device() == null ? null : f.format(Ip.parse(d.device())))
                    .put("action", d.action()).put("name", d.name()).put("qtype", d.qtype()).put("answer", d.answer());
        ObjectNode body = JSON.createObjectNode();
        body.set("dns", out);
        return Response.json(200, body);
    }

    Response firewall(Request r) {
        RouterQueries.DeviceLog q;
        try {
            q = deviceLog(r);
        } catch (IllegalArgumentException e) {
            return JsonErrors.of(400, e.getMessage());
        }
        AddressFormat f = ApiParams.format(r);
        ArrayNode out = JSON.createArrayNode();
        for (RouterRows.Firewall w : store.firewall(q))
            out.addObject().put("ts", time(w.tsMs())).put("action", w.action()).put("prefix", w.prefix()).put("group", w.group())
                    .put("device", w.device() == null ? null : f.format(Ip.parse(w.device())))
                    .put("remote", w.remote() == null ? null : f.format(Ip.parse(w.remote())))
                    .put("proto", w.proto()).put("port", w.port() < 0 ? null : w.port()).put("length", w.length());
        ObjectNode body = JSON.createObjectNode();
        body.set("firewall", out);
        return Response.json(200, body);
    }

    Response listRules(Request r) {
        ArrayNode out = JSON.createArrayNode();
        for (RouterRuleBook.Entry e : rules.entries())
            out.add(RuleJson.write(e.rule()).put("id", e.id()).put("from_config", e.fromConfig()));
        ObjectNode body = JSON.createObjectNode();
        body.set("rules", out);
        return Response.json(200, body);
    }

    Response addRule(Request r) {
        if (!r.token().canWrite()) return JsonErrors.of(403, "token " + r.token().name() + " is read-only");
        try {
            RouterRuleBook.Entry e = rules.add(RuleJson.read(JSON.readTree(r.body())));
            return Response.json(201, RuleJson.write(e.rule()).put("id", e.id()).put("from_config", false));
        } catch (IllegalArgumentException | IllegalStateException e) {
            return JsonErrors.of(400, e.getMessage());
        } catch (IOException e) {
            return JsonErrors.of(e instanceof com.fasterxml.jackson.core.JsonProcessingException ? 400 : 500, "rule not saved: " + e.getMessage());
        }
    }

    Response removeRule(Request r) {
        if (!r.token().canWrite()) return JsonErrors.of(403, "token " + r.token().name() + " is read-only");
        try {
            if (!rules.remove(r.param("id"))) return JsonErrors.of(404, "no such rule: " + r.param("id"));
            return Response.json(200, JSON.createObjectNode().put("removed", r.param("id")));
        } catch (IllegalArgumentException e) {
            return JsonErrors.of(409, e.getMessage());
        } catch (IOException e) {
            return JsonErrors.of(500, "rules not saved: " + e.getMessage());
        }
    }

    private static RouterQueries.DeviceLog deviceLog(Request r) {
        long to = ApiParams.time(r, "to", System.currentTimeMillis());
        return new RouterQueries.DeviceLog(ApiParams.blank(r.query("device")), ApiParams.time(r, "from", to - 86_400_000L), to, ApiParams.limit(r));
    }

    private static String time(long ms) {
        return Instant.ofEpochMilli(ms).toString();
    }

    private static long asn(Request r) {
        String v = ApiParams.blank(r.query("asn"));
        if (v == null) return 0;
        try {
            return Long.parseLong(v.toUpperCase(java.util.Locale.ROOT).startsWith("AS") ? v.substring(2) : v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("asn must be a number (AS13335 or 13335): " + v);
        }
    }
}
