package netwarden.sinks.notify.script;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The NETWARDEN_* environment variables a script gets, taken from the same JSON it reads on stdin
 * (so addresses follow the channel's privacy setting). Absent values are not set.
 */
final class ScriptEnvironment {
    private ScriptEnvironment() {}

    static Map<String, String> of(ObjectNode json) {
        Map<String, String> env = new LinkedHashMap<>();
        put(env, "NETWARDEN_NOTICE", json.path("type"));
        put(env, "NETWARDEN_EVENT_KIND", json.path("kind"));
        put(env, "NETWARDEN_SERVICE", json.path("service"));
        put(env, "NETWARDEN_TS", json.path("ts"));
        put(env, "NETWARDEN_TITLE", json.path("title"));
        JsonNode p = json.path("player");
        put(env, "NETWARDEN_PLAYER_ADDRESS", p.path("address"));
        put(env, "NETWARDEN_PLAYER_COUNTRY", p.path("country"));
        put(env, "NETWARDEN_PLAYER_ASN", p.path("asn"));
        put(env, "NETWARDEN_PLAYER_NETWORK", p.path("network"));
        put(env, "NETWARDEN_PLAYER_RETURNING", p.path("returning"));
        put(env, "NETWARDEN_PLAYERS_NOW", p.path("players_now"));
        JsonNode i = json.path("incident");
        put(env, "NETWARDEN_ATTACK_ID", i.path("id"));
        put(env, "NETWARDEN_ATTACK_KIND", i.path("kind"));
        put(env, "NETWARDEN_SEVERITY", i.isMissingNode() ? json.path("alert").path("severity") : i.path("severity"));
        put(env, "NETWARDEN_TARGET", i.path("target"));
        put(env, "NETWARDEN_PPS", i.path("current_pps"));
        put(env, "NETWARDEN_BPS", i.path("current_bps"));
        put(env, "NETWARDEN_PEAK_PPS", i.path("peak_pps"));
        if (i.path("top_sources").isArray()) {
            StringBuilder sb = new StringBuilder();
            for (JsonNode s : i.path("top_sources")) sb.append(sb.isEmpty() ? "" : " ").append(s.path("address").asText());
            env.put("NETWARDEN_SOURCES", sb.toString());
        }
        put(env, "NETWARDEN_ALERT_NAME", json.path("alert").path("name"));
        put(env, "NETWARDEN_ALERT_STATUS", json.path("alert").path("status"));
        return env;
    }

    private static void put(Map<String, String> env, String name, JsonNode value) {
        if (value.isMissingNode() || value.isNull()) return;
        env.put(name, value.asText());
    }
}
