package netwarden.sources.docker;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of a container inspect ({@code GET /containers/{id}/json}, Docker Engine API) discovery uses.
 *
 * @param published host ports as {@code <port>/<proto>}, deduplicated (IPv4 and IPv6 bindings of one port are one)
 */
record Container(String id, String name, String hostname, boolean running, Map<String, String> labels, Map<String, String> env,
                 List<String> published) {

    static Container fromInspect(JsonNode n) throws DockerProtocolException {
        if (n == null || !n.path("Id").isTextual()) throw new DockerProtocolException("container inspect without Id");
        String name = n.path("Name").asText("");
        if (name.startsWith("/")) name = name.substring(1);
        JsonNode config = n.path("Config");
        Map<String, String> labels = new LinkedHashMap<>();
        config.path("Labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode e : config.path("Env")) {
            String kv = e.asText();
            int eq = kv.indexOf('=');
            if (eq > 0) env.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        List<String> published = new ArrayList<>();
        for (var p : n.path("NetworkSettings").path("Ports").properties()) {
            String[] portProto = p.getKey().split("/");
            String proto = portProto.length > 1 ? portProto[1] : "tcp";
            for (JsonNode binding : p.getValue()) {
                String hostPort = binding.path("HostPort").asText("");
                String k = hostPort + "/" + proto;
                if (!hostPort.isEmpty() && !published.contains(k)) published.add(k);
            }
        }
        return new Container(n.get("Id").asText(), name.isEmpty() ? n.get("Id").asText() : name, config.path("Hostname").asText(""),
                n.path("State").path("Running").asBoolean(false), Map.copyOf(labels), Map.copyOf(env), List.copyOf(published));
    }

    /** Pterodactyl and Pelican (Wings) game server containers carry their server's UUID in P_SERVER_UUID. */
    String panelUuid() {
        return env.get("P_SERVER_UUID");
    }
}
