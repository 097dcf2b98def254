package netwarden.store;

import java.util.List;
import java.util.Objects;

/**
 * The rows a store keeps, one record per table. Times: {@code *Ms} epoch milliseconds, {@code ts} epoch
 * seconds. {@code agent} is "" in a local store and the shipping agent's id on a central server (issue 16).
 * Country is an ISO code or null, asn 0 when unknown.
 */
public final class Rows {
    private Rows() {}

    /** Something that happened: a player joined or left, a service came or went, an attack, a notification. */
    public record Event(String agent, long tsMs, String kind, String service, String address, String country,
                        long asn, String flags, String incidentId, String detailJson) {
        public Event {
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(detailJson, "detailJson");
        }
    }

    /** One player's stay on a service, keyed by (agent, service, address, firstSeenMs); later writes replace it. */
    public record Session(String agent, String service, String address, long firstSeenMs, long lastSeenMs, long leftMs,
                          long packetsIn, long packetsOut, long bytesIn, long bytesOut, String country, long asn,
                          String flags, String name) {
        public Session {
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(address, "address");
        }

        public boolean open() {
            return leftMs == 0;
        }
    }

    /**
     * One attack as last written; later writes of the same id replace its numbers (never its acknowledgement,
     * which only {@link Store#acknowledge} changes). {@code endMs} 0 while active.
     */
    public record Incident(String agent, String id, String scope, String target, String service, String kind,
                           String severity, String reason, long startMs, long endMs, long updatedMs,
                           long peakPps, long peakBps, long packets, long bytes, long sources,
                           boolean multiSource, boolean spoofing, String topSourcesJson, String topPortsJson,
                           String samplePcap, long ackedMs, String ackedBy) {
        public Incident {
            for (String f : new String[] {agent, id, scope, target, kind, severity, reason, topSourcesJson, topPortsJson})
                Objects.requireNonNull(f, "incident fields agent, id, scope, target, kind, severity, reason, top lists");
        }

        public boolean active() {
            return endMs == 0;
        }

        public boolean acknowledged() {
            return ackedMs != 0;
        }
    }

    /** A heavy source of an incident, for search. */
    public record IncidentSource(String agent, String incidentId, String address, String country, long asn,
                                 long packets, long bytes) {
        public IncidentSource {
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(incidentId, "incidentId");
            Objects.requireNonNull(address, "address");
        }
    }

    /** A heavy source port of an incident, for search. */
    public record IncidentPort(String agent, String incidentId, int port, long packets) {
        public IncidentPort {
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(incidentId, "incidentId");
        }
    }

    /** A note on an incident, in the order written. */
    public record Note(String agent, String incidentId, long tsMs, String author, String note) {}

    /**
     * One service's traffic over [ts, ts + step): packets and bytes summed, peaks the highest 1-second rate,
     * sources the most distinct sources in one second, players the most players at once.
     */
    public record Rollup(String agent, String service, long ts, long packets, long bytes, long peakPps, long peakBps,
                         long sources, long players) {
        public Rollup {
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(service, "service");
        }
    }

    /**
     * One source's traffic to a service in one minute; the minute's "others" row has address {@link #OTHERS}
     * and counts in {@code sources} how many sources it sums.
     */
    public record SourceMinute(String agent, String service, long ts, String address, String country, long asn,
                               long packets, long bytes, long sources) {
        public static final String OTHERS = "*";

        public SourceMinute {
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(address, "address");
        }

        public boolean others() {
            return OTHERS.equals(address);
        }
    }

    /**
     * Flow-export traffic of one minute (epoch second {@code ts}, a multiple of 60) summed per exporter, interface
     * pair and 5-tuple, sampling rate applied; {@code flows} counts the records summed. The minute's rows beyond the
     * accumulator's bound are summed into one row per exporter with addresses {@link #OTHERS} and ports -1.
     */
    public record FlowMinute(String agent, long ts, String exporter, long inIf, long outIf, String src, String dst,
                             int srcPort, int dstPort, int proto, long packets, long bytes, long flows) {
        public static final String OTHERS = "*";

        public FlowMinute {
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(exporter, "exporter");
            Objects.requireNonNull(src, "src");
            Objects.requireNonNull(dst, "dst");
        }

        public boolean others() {
            return OTHERS.equals(src);
        }
    }

    /** Rows of every table, written together; immutable. */
    public record Batch(List<Event> events, List<Session> sessions, List<Incident> incidents,
                        List<IncidentSource> incidentSources, List<IncidentPort> incidentPorts,
                        List<Rollup> rollups1s, List<Rollup> rollups1m, List<Rollup> rollups1h,
                        List<SourceMinute> sourceMinutes, List<RouterRows.Connection> connections,
                        List<RouterRows.Dns> dns, List<RouterRows.Firewall> firewall, List<RouterRows.Device> devices,
                        List<RouterRows.Anomaly> anomalies, List<FlowMinute> flowMinutes) {
        public Batch {
            events = List.copyOf(events);
            sessions = List.copyOf(sessions);
            incidents = List.copyOf(incidents);
            incidentSources = List.copyOf(incidentSources);
            incidentPorts = List.copyOf(incidentPorts);
            rollups1s = List.copyOf(rollups1s);
            rollups1m = List.copyOf(rollups1m);
            rollups1h = List.copyOf(rollups1h);
            sourceMinutes = List.copyOf(sourceMinutes);
            connections = List.copyOf(connections);
            dns = List.copyOf(dns);
            firewall = List.copyOf(firewall);
            devices = List.copyOf(devices);
            anomalies = List.copyOf(anomalies);
            flowMinutes = List.copyOf(flowMinutes);
        }

        /** Rows in the batch for a table. */
        public int rows(Table t) {
            return switch (t) {
                case EVENTS -> events.size();
                case SESSIONS -> sessions.size();
                case INCIDENTS -> incidents.size();
                case INCIDENT_SOURCES -> incidentSources.size();
                case INCIDENT_PORTS -> incidentPorts.size();
                case INCIDENT_NOTES -> 0;
                case ROLLUP_1S -> rollups1s.size();
                case ROLLUP_1M -> rollups1m.size();
                case ROLLUP_1H -> rollups1h.size();
                case SOURCE_MINUTES -> sourceMinutes.size();
                case ROUTER_CONNECTIONS -> connections.size();
                case ROUTER_DNS -> dns.size();
                case ROUTER_FIREWALL -> firewall.size();
                case DEVICES -> devices.size();
                case ANOMALIES -> anomalies.size();
                case FLOW_MINUTES -> flowMinutes.size();
            };
        }

        public int rows() {
            int n = 0;
            for (Table t : Table.values()) n += rows(t);
            return n;
        }

        public static BatchBuilder builder() {
            return new BatchBuilder();
        }
    }
}
