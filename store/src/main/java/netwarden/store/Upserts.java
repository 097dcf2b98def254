package netwarden.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/** Rows that are replaced by key (sessions, incidents and their sources and ports); portable ON CONFLICT SQL. */
final class Upserts {
    private Upserts() {}

    static void sessions(Connection c, List<Rows.Session> rows) throws SQLException {
        if (rows.isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sessions (agent, service, address, addr_hi, addr_lo,"
                + " first_seen_ms, last_seen_ms, left_ms, packets_in, packets_out, bytes_in, bytes_out, country, asn, flags, name)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (agent, service, address, first_seen_ms)"
                + " DO UPDATE SET last_seen_ms = excluded.last_seen_ms, left_ms = excluded.left_ms,"
                + " packets_in = excluded.packets_in, packets_out = excluded.packets_out, bytes_in = excluded.bytes_in,"
                + " bytes_out = excluded.bytes_out, country = excluded.country, asn = excluded.asn, flags = excluded.flags,"
                + " name = coalesce(excluded.name, sessions.name)")) {
            for (Rows.Session r : rows) {
                AddressKey k = Columns.key(r.address());
                int i = 1;
                ps.setString(i++, r.agent());
                ps.setString(i++, r.service());
                ps.setString(i++, r.address());
                ps.setLong(i++, k.hi());
                ps.setLong(i++, k.lo());
                ps.setLong(i++, r.firstSeenMs());
                ps.setLong(i++, r.lastSeenMs());
                ps.setLong(i++, r.leftMs());
                ps.setLong(i++, r.packetsIn());
                ps.setLong(i++, r.packetsOut());
                ps.setLong(i++, r.bytesIn());
                ps.setLong(i++, r.bytesOut());
                ps.setString(i++, r.country());
                ps.setLong(i++, r.asn());
                ps.setString(i++, r.flags());
                ps.setString(i, r.name());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static void incidents(Connection c, List<Rows.Incident> rows) throws SQLException {
        if (rows.isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO incidents (agent, id, scope, target, service, kind,"
                + " severity, reason, start_ms, end_ms, updated_ms, peak_pps, peak_bps, packets, bytes, sources,"
                + " multi_source, spoofing, top_sources, top_ports, sample_pcap, acked_ms, acked_by)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, NULL)"
                + " ON CONFLICT (agent, id) DO UPDATE SET kind = excluded.kind, severity = excluded.severity,"
                + " reason = excluded.reason, end_ms = excluded.end_ms, updated_ms = excluded.updated_ms,"
                + " peak_pps = excluded.peak_pps, peak_bps = excluded.peak_bps, packets = excluded.packets,"
                + " bytes = excluded.bytes, sources = excluded.sources, multi_source = excluded.multi_source,"
                + " spoofing = excluded.spoofing, top_sources = excluded.top_sources, top_ports = excluded.top_ports,"
                + " sample_pcap = coalesce(excluded.sample_pcap, incidents.sample_pcap)")) {
            for (Rows.Incident r : rows) {
                int i = 1;
                ps.setString(i++, r.agent());
                ps.setString(i++, r.id());
                ps.setString(i++, r.scope());
                ps.setString(i++, r.target());
                ps.setString(i++, r.service());
                ps.setString(i++, r.kind());
                ps.setString(i++, r.severity());
                ps.setString(i++, r.reason());
                ps.setLong(i++, r.startMs());
                ps.setLong(i++, r.endMs());
                ps.setLong(i++, r.updatedMs());
                ps.setLong(i++, r.peakPps());
                ps.setLong(i++, r.peakBps());
                ps.setLong(i++, r.packets());
                ps.setLong(i++, r.bytes());
                ps.setLong(i++, r.sources());
                ps.setBoolean(i++, r.multiSource());
                ps.setBoolean(i++, r.spoofing());
                ps.setString(i++, r.topSourcesJson());
                ps.setString(i++, r.topPortsJson());
                if (r.samplePcap() == null) ps.setNull(i, Types.VARCHAR);
                else ps.setString(i, r.samplePcap());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static void incidentSources(Connection c, List<Rows.IncidentSource> rows) throws SQLException {
        if (rows.isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO incident_sources (agent, incident_id, address, addr_hi,"
                + " addr_lo, country, asn, packets, bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (agent, incident_id, address) DO UPDATE SET packets = excluded.packets,"
                + " bytes = excluded.bytes, country = excluded.country, asn = excluded.asn")) {
            for (Rows.IncidentSource r : rows) {
                AddressKey k = Columns.key(r.address());
                ps.setString(1, r.agent());
                ps.setString(2, r.incidentId());
                ps.setString(3, r.address());
                ps.setLong(4, k.hi());
                ps.setLong(5, k.lo());
                ps.setString(6, r.country());
                ps.setLong(7, r.asn());
                ps.setLong(8, r.packets());
                ps.setLong(9, r.bytes());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static void incidentPorts(Connection c, List<Rows.IncidentPort> rows) throws SQLException {
        if (rows.isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO incident_ports (agent, incident_id, port, packets)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (agent, incident_id, port) DO UPDATE SET packets = excluded.packets")) {
            for (Rows.IncidentPort r : rows) {
                ps.setString(1, r.agent());
                ps.setString(2, r.incidentId());
                ps.setLong(3, r.port());
                ps.setLong(4, r.packets());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
