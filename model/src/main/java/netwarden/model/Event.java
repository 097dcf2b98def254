package netwarden.model;

/** Something that happened, as told to sinks (notifiers, store, logs). Immutable. */
public sealed interface Event permits Event.PlayerJoined, Event.PlayerLeft, Event.ServiceDiscovered,
        Event.AttackStarted, Event.AttackUpdated, Event.AttackEnded, Event.ExternalAlert {
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
}
