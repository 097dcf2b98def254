package netwarden.store;

import java.util.ArrayList;
import java.util.List;

/** Collects rows for one {@link Rows.Batch}; not thread-safe. */
public final class BatchBuilder {
    final List<Rows.Event> events = new ArrayList<>();
    final List<Rows.Session> sessions = new ArrayList<>();
    final List<Rows.Incident> incidents = new ArrayList<>();
    final List<Rows.IncidentSource> incidentSources = new ArrayList<>();
    final List<Rows.IncidentPort> incidentPorts = new ArrayList<>();
    final List<Rows.Rollup> rollups1s = new ArrayList<>();
    final List<Rows.Rollup> rollups1m = new ArrayList<>();
    final List<Rows.Rollup> rollups1h = new ArrayList<>();
    final List<Rows.SourceMinute> sourceMinutes = new ArrayList<>();
    final List<RouterRows.Connection> connections = new ArrayList<>();
    final List<RouterRows.Dns> dns = new ArrayList<>();
    final List<RouterRows.Firewall> firewall = new ArrayList<>();
    final List<RouterRows.Device> devices = new ArrayList<>();
    final List<RouterRows.Anomaly> anomalies = new ArrayList<>();
    final List<Rows.FlowMinute> flowMinutes = new ArrayList<>();

    public BatchBuilder event(Rows.Event r) { events.add(r); return this; }
    public BatchBuilder session(Rows.Session r) { sessions.add(r); return this; }
    public BatchBuilder incident(Rows.Incident r) { incidents.add(r); return this; }
    public BatchBuilder incidentSource(Rows.IncidentSource r) { incidentSources.add(r); return this; }
    public BatchBuilder incidentPort(Rows.IncidentPort r) { incidentPorts.add(r); return this; }
    public BatchBuilder sourceMinute(Rows.SourceMinute r) { sourceMinutes.add(r); return this; }
    public BatchBuilder connection(RouterRows.Connection r) { connections.add(r); return this; }
    public BatchBuilder dns(RouterRows.Dns r) { dns.add(r); return this; }
    public BatchBuilder firewall(RouterRows.Firewall r) { firewall.add(r); return this; }
    public BatchBuilder device(RouterRows.Device r) { devices.add(r); return this; }
    public BatchBuilder anomaly(RouterRows.Anomaly r) { anomalies.add(r); return this; }
    public BatchBuilder flowMinute(Rows.FlowMinute r) { flowMinutes.add(r); return this; }

    public BatchBuilder rollup(Step step, Rows.Rollup r) {
        (switch (step) { case SECOND -> rollups1s; case MINUTE -> rollups1m; case HOUR -> rollups1h; }).add(r);
        return this;
    }

    /** Adds every row of {@code b}. */
    public BatchBuilder addAll(Rows.Batch b) {
        events.addAll(b.events());
        sessions.addAll(b.sessions());
        incidents.addAll(b.incidents());
        incidentSources.addAll(b.incidentSources());
        incidentPorts.addAll(b.incidentPorts());
        rollups1s.addAll(b.rollups1s());
        rollups1m.addAll(b.rollups1m());
        rollups1h.addAll(b.rollups1h());
        sourceMinutes.addAll(b.sourceMinutes());
        connections.addAll(b.connections());
        dns.addAll(b.dns());
        firewall.addAll(b.firewall());
        devices.addAll(b.devices());
        anomalies.addAll(b.anomalies());
        flowMinutes.addAll(b.flowMinutes());
        return this;
    }

    public boolean isEmpty() {
        return events.isEmpty() && sessions.isEmpty() && incidents.isEmpty() && incidentSources.isEmpty()
                && incidentPorts.isEmpty() && rollups1s.isEmpty() && rollups1m.isEmpty() && rollups1h.isEmpty()
                && sourceMinutes.isEmpty() && connections.isEmpty() && dns.isEmpty() && firewall.isEmpty()
                && devices.isEmpty() && anomalies.isEmpty() && flowMinutes.isEmpty();
    }

    public Rows.Batch build() {
        return new Rows.Batch(events, sessions, incidents, incidentSources, incidentPorts, rollups1s, rollups1m,
                rollups1h, sourceMinutes, connections, dns, firewall, devices, anomalies, flowMinutes);
    }
}
