package netwarden.store;

import java.util.Locale;
import netwarden.model.Event;
import netwarden.model.Ip;
import netwarden.model.router.Connection;
import netwarden.model.router.DeviceAnomaly;
import netwarden.model.router.DeviceIncident;

/**
 * Maps the router's events to rows: connections, DNS entries and firewall records to their tables (each also a
 * sighting of its device), anomalies to their table plus the incident they opened or joined, which is an
 * ordinary incident row (scope {@code device}, kind {@code anomaly}, severity from its highest score), so it
 * is listed, acknowledged and noted like an attack.
 */
final class RouterEventRows {
    private final String agent;
    private final AddressInfo.Lookup lookup;

    RouterEventRows(String agent, AddressInfo.Lookup lookup) {
        this.agent = agent;
        this.lookup = lookup;
    }

    void connection(Event.RouterConnection e, BatchBuilder out) {
        Connection c = e.connection();
        AddressInfo info = lookup.of(c.remote());
        long first = c.firstSeenNanos() / 1_000_000, last = c.lastSeenNanos() / 1_000_000;
        out.connection(new RouterRows.Connection(agent, c.device().toString(), c.remote().toString(), c.proto(), c.port(),
                c.packetsOut(), c.bytesOut(), c.packetsIn(), c.bytesIn(), c.domain(), info.country(), info.asn(), first, last));
        seen(c.device(), "", first, last, out);
    }

    void dns(Event.RouterDns e, BatchBuilder out) {
        long ms = e.tsNanos() / 1_000_000;
        out.dns(new RouterRows.Dns(agent, ms, e.device() == null ? null : e.device().toString(), e.action(), e.name(), e.qtype(), e.answer()));
        if (e.device() != null) seen(e.device(), "", ms, ms, out);
    }

    void firewall(Event.RouterFirewall e, BatchBuilder out) {
        long ms = e.tsNanos() / 1_000_000;
        out.firewall(new RouterRows.Firewall(agent, ms, e.action(), e.prefix(), e.group(), text(e.device()), text(e.remote()),
                e.proto(), e.port(), e.length()));
        if (e.device() != null) seen(e.device(), e.mac(), ms, ms, out);
    }

    void anomaly(Event.Anomaly e, BatchBuilder out) {
        long ms = e.tsNanos() / 1_000_000;
        DeviceAnomaly a = e.anomaly();
        out.anomaly(new RouterRows.Anomaly(agent, ms, a.device().toString(), a.code().name(), a.score(), a.evidence(),
                text(a.remote()), a.port(), e.incident().id()));
        incident(e.incident(), ms, out);
    }

    void ended(Event.AnomalyIncidentEnded e, BatchBuilder out) {
        incident(e.incident(), e.tsNanos() / 1_000_000, out);
    }

    private void incident(DeviceIncident i, long ms, BatchBuilder out) {
        String severity = i.score() >= 50 ? "high" : i.score() >= 30 ? "medium" : "low";
        String reason = String.join(", ", i.codes()) + ": " + i.lastEvidence();
        out.incident(new Rows.Incident(agent, i.id(), "device", i.device().toString(), Event.ROUTER, "anomaly", severity, reason,
                i.startNanos() / 1_000_000, i.endNanos() / 1_000_000, ms, 0, 0, i.hits(), 0, 0, false, false,
                "[]", "[]", null, 0, null));
    }

    private void seen(Ip device, String mac, long first, long last, BatchBuilder out) {
        out.device(new RouterRows.Device(agent, device.toString(), mac == null ? "" : mac.toLowerCase(Locale.ROOT), null, first, last));
    }

    private static String text(Ip ip) {
        return ip == null ? null : ip.toString();
    }
}
