package netwarden.model;

/** Something that happened, as told to sinks (notifiers, store, logs). Immutable. */
public sealed interface Event permits Event.PlayerJoined, Event.PlayerLeft, Event.ServiceDiscovered,
        Event.AttackStarted, Event.AttackUpdated, Event.AttackEnded, Event.ExternalAlert,
        Event.GameLogged, Event.QueryStatus, Event.RouterConnection, Event.RouterDns, Event.RouterFirewall,
        Event.Anomaly, Event.AnomalyIncidentEnded {
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

    /** The service id of every router event (the router is one "service" of the event stream). */
    String ROUTER = "router";

    /** A LAN device's connection ended (conntrack DESTROY), with its counters and domain. */
    record RouterConnection(long tsNanos, String service, netwarden.model.router.Connection connection) implements Event {
        public String kind() { return "router_connection"; }
    }

    /**
     * A dnsmasq log entry about a LAN device (or the resolver itself when {@code device} is null).
     *
     * @param action query, forwarded, reply, cached, config or hosts
     * @param name   the name asked for, plain or a salted hash ({@code h:...}) with hashed names
     * @param answer the answer text (an address, NXDOMAIN, ...) or null for queries
     */
    record RouterDns(long tsNanos, String service, Ip device, String action, String name, String qtype, String answer) implements Event {
        public String kind() { return "router_dns"; }
    }

    /**
     * A packet an NFLOG rule logged: {@code action} drop, accept or log (the group's configured action), the rule's
     * prefix, the device (the LAN side, or the source when neither side is on the LAN), its MAC when the kernel gave
     * one ("" if not) and the other side; {@code port} the remote's port, -1 without ports.
     */
    record RouterFirewall(long tsNanos, String service, String action, String prefix, int group, Ip device, String mac,
                          Ip remote, int proto, int port, int length) implements Event {
        public String kind() { return "router_" + action; }
    }

    /** A new (not duplicate) anomaly hit of a device, and the incident it opened or joined. Kind {@code anomaly_<code>}. */
    record Anomaly(long tsNanos, String service, netwarden.model.router.DeviceAnomaly anomaly,
                   netwarden.model.router.DeviceIncident incident) implements Event {
        public String kind() { return anomaly.code().eventKind(); }
    }

    /** A device's anomaly incident ended (the device was quiet for the incident's quiet period). */
    record AnomalyIncidentEnded(long tsNanos, String service, netwarden.model.router.DeviceIncident incident) implements Event {
        public String kind() { return "anomaly_incident_ended"; }
    }
}
