package netwarden.sinks.notify.channel;

import java.time.Duration;
import java.util.List;
import netwarden.model.Event;
import netwarden.model.Ip;
import netwarden.enrich.Enrichment;

/**
 * What a channel delivers: one event with what the router learned about it, a digest of held
 * events, or a test message. Immutable. Addresses are raw here; each channel's renderer masks
 * them according to its privacy setting.
 */
public sealed interface Notice {
    /** When it happened (event time), nanoseconds since the epoch. */
    long tsNanos();

    /** The event kind, or "digest" or "test". */
    String kind();

    /**
     * One event.
     *
     * @param player      the joining or leaving player, else null
     * @param serviceInfo the service as the latest snapshot knows it, else null
     * @param sources     an attack's top sources, current players already removed; empty otherwise
     */
    record EventNotice(Event event, PlayerInfo player, ServiceInfo serviceInfo, List<SourceInfo> sources) implements Notice {
        public EventNotice {
            sources = List.copyOf(sources);
        }

        @Override
        public long tsNanos() {
            return event.tsNanos();
        }

        @Override
        public String kind() {
            return event.kind();
        }
    }

    /** Events held back during a storm, counted by kind and service. */
    record DigestNotice(long tsNanos, Duration window, List<DigestLine> lines) implements Notice {
        public DigestNotice {
            lines = List.copyOf(lines);
        }

        @Override
        public String kind() {
            return "digest";
        }

        public int total() {
            return lines.stream().mapToInt(DigestLine::count).sum();
        }
    }

    /** A message from {@code netwarden notify test}. */
    record TestNotice(long tsNanos, String text) implements Notice {
        @Override
        public String kind() {
            return "test";
        }
    }

    /** @param returning true when the address was seen on an earlier visit */
    record PlayerInfo(Ip address, Enrichment enrichment, boolean returning) {}

    /**
     * @param connect    connect string with passwords removed, or null
     * @param maxPlayers player slots when configured, else null
     */
    record ServiceInfo(String id, String name, String connect, Integer maxPlayers) {}

    record SourceInfo(Ip address, long packets, long bytes, Enrichment enrichment) {}

    record DigestLine(String kind, String service, int count) {}
}
