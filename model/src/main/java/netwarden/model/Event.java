package netwarden.model;

/** Something that happened, as told to sinks (notifiers, store, logs). Immutable. */
public sealed interface Event permits Event.PlayerJoined, Event.PlayerLeft, Event.ServiceDiscovered {
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
}
