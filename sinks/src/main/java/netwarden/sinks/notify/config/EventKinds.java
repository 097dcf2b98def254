package netwarden.sinks.notify.config;

import java.util.Collection;
import java.util.List;
import netwarden.model.SettingException;

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

    public static final List<String> ALL = List.of(PLAYER_JOINED, PLAYER_LEFT, SERVICE_DISCOVERED, ATTACK_STARTED,
            ATTACK_UPDATED, ATTACK_ENDED, EXTERNAL_ALERT,
            GAME_JOIN, GAME_LEAVE, GAME_COMMAND, GAME_STATE, GAME_STARTUP, SERVER_NOT_ANSWERING, SERVER_BACK);

    private EventKinds() {}

    /** @param key where the list sits, relative to the record checking it */
    static void check(String field, String key, Collection<String> kinds) {
        for (String k : kinds)
            if (!ALL.contains(k)) throw new SettingException(key, k, field + ": unknown event kind '" + k + "' (known: " + String.join(", ", ALL) + ")");
    }
}
