package netwarden.sinks.notify.config;

import java.util.Collection;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import netwarden.model.SettingException;
import netwarden.model.router.AnomalyCode;

/** The event kinds notices can be routed by (the {@code kind()} of each {@link netwarden.model.Event}). */
public final class EventKinds {
    public static final String PLAYER_JOINED = "player_joined";
    public static final String PLAYER_LEFT = "player_left";
    public static final String SERVICE_DISCOVERED = "service_discovered";
    public static final String ATTACK_STARTED = "attack_started";
    public static final String ATTACK_UPDATED = "attack_updated";
    public static final String ATTACK_ENDED = "attack_ended";
    public static final String EXTERNAL_ALERT = "external_alert";
    public static final String GAME_JOIN = "game_join";
    public static final String GAME_LEAVE = "game_leave";
    public static final String GAME_COMMAND = "game_command";
    public static final String GAME_STATE = "game_state";
    public static final String GAME_STARTUP = "game_startup";
    public static final String SERVER_NOT_ANSWERING = "server_not_answering";
    public static final String SERVER_BACK = "server_back";

    public static final String ANOMALY_INCIDENT_ENDED = "anomaly_incident_ended";
    public static final String ROUTER_CONNECTION = "router_connection";
    public static final String ROUTER_DNS = "router_dns";
    public static final String ROUTER_DROP = "router_drop";
    public static final String ROUTER_ACCEPT = "router_accept";
    public static final String ROUTER_LOG = "router_log";

    /** The router's records (connections, DNS entries, firewall records): a route sends them only when it names them. */
    public static final java.util.Set<String> RECORDS = java.util.Set.of(ROUTER_CONNECTION, ROUTER_DNS, ROUTER_DROP, ROUTER_ACCEPT, ROUTER_LOG);

    /** Every kind; a device anomaly's is {@code anomaly_<code>} (see {@link AnomalyCode#eventKind()}). */
    public static final List<String> ALL = Stream.concat(Stream.of(PLAYER_JOINED, PLAYER_LEFT, SERVICE_DISCOVERED, ATTACK_STARTED,
            ATTACK_UPDATED, ATTACK_ENDED, EXTERNAL_ALERT,
            GAME_JOIN, GAME_LEAVE, GAME_COMMAND, GAME_STATE, GAME_STARTUP, SERVER_NOT_ANSWERING, SERVER_BACK),
            Stream.concat(Arrays.stream(AnomalyCode.values()).map(AnomalyCode::eventKind), Stream.of(ANOMALY_INCIDENT_ENDED,
                    ROUTER_CONNECTION, ROUTER_DNS, ROUTER_DROP, ROUTER_ACCEPT, ROUTER_LOG))).toList();

    private EventKinds() {}

    /** @param key where the list sits, relative to the record checking it */
    static void check(String field, String key, Collection<String> kinds) {
        for (String k : kinds)
            if (!ALL.contains(k)) throw new SettingException(key, k, field + ": unknown event kind '" + k + "' (known: " + String.join(", ", ALL) + ")");
    }
}
