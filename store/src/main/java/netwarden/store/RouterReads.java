package netwarden.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** The router tables' read queries and the device rename, portable between DuckDB and PostgreSQL. */
final class RouterReads {
    private static final String CONNECTION_COLS = "agent, device, remote, proto, port, packets_out, bytes_out, packets_in,"
            + " bytes_in, domain, country, asn, first_seen_ms, last_seen_ms";

    private RouterReads() {}

    static List<RouterRows.Connection> connections(Connection c, RouterQueries.Connections q) throws SQLException {
        Where w = new Where().and("last_seen_ms >= ?", q.fromMs()).and("last_seen_ms < ?", q.toMs())
                .andIf(q.domain() != null, "domain = ?", q.domain()).andIf(q.asn() != 0, "asn = ?", q.asn());
        if (q.device() != null) device(w, q.device());
        if (q.remote() != null) w.address("", SearchTerm.addressRange(q.remote()));
        return SqlReads.query(c, "SELECT " + CONNECTION_COLS + " FROM router_connections" + w.sql()
                + " ORDER BY last_seen_ms DESC LIMIT ?", w, rs -> new RouterRows.Connection(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9),
                rs.getString(10), rs.getString(11), rs.getLong(12), rs.getLong(13), rs.getLong(14)), q.limit());
    }

    static List<RouterRows.Anomaly> anomalies(Connection c, RouterQueries.Anomalies q) throws SQLException {
        Where w = new Where().and("ts_ms >= ?", q.fromMs()).and("ts_ms < ?", q.toMs()).andIf(q.code() != null, "code = ?", q.code());
        if (q.device() != null) device(w, q.device());
        return SqlReads.query(c, "SELECT agent, ts_ms, device, code, score, evidence, remote, port, incident_id FROM anomalies"
                + w.sql() + " ORDER BY ts_ms DESC LIMIT ?", w, rs -> new RouterRows.Anomaly(rs.getString(1), rs.getLong(2),
                rs.getString(3), rs.getString(4), rs.getInt(5), rs.getString(6), rs.getString(7), rs.getInt(8), rs.getString(9)), q.limit());
    }

    static List<RouterRows.Dns> dns(Connection c, RouterQueries.DeviceLog q) throws SQLException {
        Where w = new Where().and("ts_ms >= ?", q.fromMs()).and("ts_ms < ?", q.toMs());
        if (q.device() != null) device(w, q.device());
        return SqlReads.query(c, "SELECT agent, ts_ms, device, action, name, qtype, answer FROM router_dns" + w.sql()
                + " ORDER BY ts_ms DESC LIMIT ?", w, rs -> new RouterRows.Dns(rs.getString(1), rs.getLong(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)), q.limit());
    }

    static List<RouterRows.Firewall> firewall(Connection c, RouterQueries.DeviceLog q) throws SQLException {
        Where w = new Where().and("ts_ms >= ?", q.fromMs()).and("ts_ms < ?", q.toMs());
        if (q.device() != null) device(w, q.device());
        return SqlReads.query(c, "SELECT agent, ts_ms, action, prefix, nflog_group, device, remote, proto, port, length FROM router_firewall"
                + w.sql() + " ORDER BY ts_ms DESC LIMIT ?", w, rs -> new RouterRows.Firewall(rs.getString(1), rs.getLong(2),
                rs.getString(3), rs.getString(4), rs.getInt(5), rs.getString(6), rs.getString(7), rs.getInt(8), rs.getInt(9),
                rs.getInt(10)), q.limit());
    }

    static List<RouterRows.Device> devices(Connection c, String agent) throws SQLException {
        Where w = new Where().and("agent = ?", agent);
        return SqlReads.query(c, "SELECT agent, address, mac, name, first_seen_ms, last_seen_ms FROM devices" + w.sql()
                + " ORDER BY addr_hi, addr_lo", w, RouterReads::device);
    }

    static boolean rename(Connection c, String agent, String address, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE devices SET name = ? WHERE agent = ? AND address = ?")) {
            ps.setString(1, name == null || name.isBlank() ? null : name.strip());
            ps.setString(2, agent);
            ps.setString(3, address);
            return ps.executeUpdate() > 0;
        }
    }

    private static RouterRows.Device device(ResultSet rs) throws SQLException {
        return new RouterRows.Device(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getLong(6));
    }

    /** The device address or prefix, on the dev_hi/dev_lo key columns. */
    private static void device(Where w, String address) {
        AddressKey.Range r = SearchTerm.addressRange(address);
        AddressKey a = r.first(), b = r.last();
        if (a.hi() == b.hi()) w.and("(dev_hi = ? AND dev_lo BETWEEN ? AND ?)", a.hi(), a.lo(), b.lo());
        else w.and("dev_hi BETWEEN ? AND ?", a.hi(), b.hi());
    }
}
