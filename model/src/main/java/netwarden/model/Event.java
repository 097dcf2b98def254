package netwarden.model;

/** Something that happened, as told to sinks (notifiers, store, logs). Immutable. */
public sealed interface Event permits Event.PlayerJoined, Event.PlayerLeft, Event.ServiceDiscovered,
        Event.AttackStarted, Event.AttackUpdated, Event.AttackEnded, Event.ExternalAlert,
        Event.GameLogged, Event.QueryStatus {
    /** Packet (or clock) time of the event, nanoseconds since the epoch. */
    long tsNanos();

    /** Service id the event concerns. */
    String service();

    /** Short machine name of the event kind, e.g. "player_joined". */
    String kind();

    record PlayerJoined(long tsNanos, String service, PlayerSnapshot player, int playersNow) implements Event {
        public String kind() { return "player_joined"; }
    }

    record PlayerLeft(long tsNanos, String service, PlayerSnapshot player, int playersNow) implements Event {
        public String kind() { return "player_left"; }
    }

    record ServiceDiscovered(long tsNanos, String service, ServiceKey key, long distinctSources) implements Event {
        public String kind() { return "service_discovered"; }
    }

    /** An attack began; {@code service()} is the incident's service, or its target when it has none. */
    record AttackStarted(long tsNanos, String service, Incident incident) implements Event {
        public String kind() { return "attack_started"; }
    }

    /** A running attack escalated, or a periodic update fell due. */
    record AttackUpdated(long tsNanos, String service, Incident incident) implements Event {
        public String kind() { return "attack_updated"; }
    }

    record AttackEnded(long tsNanos, String service, Incident incident) implements Event {
        public String kind() { return "attack_ended"; }
    }

    /**
     * An alert raised outside the engine (e.g. by Prometheus via Alertmanager), routed like any event.
     *
     * @param service  the {@code service} label when present, else the alert name
     * @param status   "firing" or "resolved"
     * @param severity the {@code severity} label, or "" when absent
     */
    record ExternalAlert(long tsNanos, String service, String name, String status, String severity,
                         java.util.Map<String, String> labels, java.util.Map<String, String> annotations) implements Event {
        public ExternalAlert {
            labels = java.util.Map.copyOf(labels);
            annotations = java.util.Map.copyOf(annotations);
        }

        public String kind() { return "external_alert"; }
    }

    /**
     * A line of the game's own players log (join, leave, command, state, startup). The CD-key hash never
     * gets here: {@code playerId} is its salted HMAC or null.
     *
     * @param action      join, leave, command, state or startup (the kind is {@code game_<action>})
     * @param playerName  the player's name as the game logs it, or null
     * @param address     the player's address from the log, or null
     * @param player      the traffic player with that address at the time, or null (a log-only join)
     * @param detail      command text, {@code maxplayers=N}, or null
     */
    record GameLogged(long tsNanos, String service, String action, String playerName, Ip address, String playerId,
                      PlayerSnapshot player, String detail) implements Event {
        public GameLogged {
            java.util.Objects.requireNonNull(action, "action");
        }

        public String kind() { return "game_" + action; }
    }

    /**
     * The game's query protocol stopped answering ({@code up} false, with the miss's reason) or answers again.
     *
     * @param players the players the server reports when back, else -1
     */
    record QueryStatus(long tsNanos, String service, boolean up, String reason, int players) implements Event {
        public String kind() { return up ? "server_back" : "server_not_answering"; }
    }
}
