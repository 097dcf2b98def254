package netwarden.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The read queries, portable between DuckDB and PostgreSQL. */
final class SqlReads {
    private static final String EVENT_COLS = "agent, ts_ms, kind, service, address, country, asn, flags, incident_id, detail";
    private static final String SESSION_COLS = "agent, service, address, first_seen_ms, last_seen_ms, left_ms, packets_in,"
            + " packets_out, bytes_in, bytes_out, country, asn, flags, name";
    private static final String INCIDENT_COLS = "agent, id, scope, target, service, kind, severity, reason, start_ms, end_ms,"
            + " updated_ms, peak_pps, peak_bps, packets, bytes, sources, multi_source, spoofing, top_sources, top_ports,"
            + " sample_pcap, acked_ms, acked_by";

    @FunctionalInterface
    interface Mapper<R> {
        R map(ResultSet rs) throws SQLException;
    }

    static <R> List<R> query(Connection c, String sql, Where w, Mapper<R> m, Object... tail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = w.bind(ps);
            for (Object o : tail) ps.setObject(i++, o);
            List<R> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(m.map(rs));
            }
            return out;
        }
    }

    List<Rows.Event> events(Connection c, Queries.Events q) throws SQLException {
        Where w = new Where().and("ts_ms >= ?", q.fromMs()).and("ts_ms < ?", q.toMs())
                .andIf(q.kind() != null, "kind = ?", q.kind()).andIf(q.service() != null, "service = ?", q.service())
                .andIf(q.agent() != null, "agent = ?", q.agent());
        return query(c, "SELECT " + EVENT_COLS + " FROM events" + w.sql() + " ORDER BY ts_ms DESC LIMIT ?", w,
                SqlReads::event, q.limit());
    }

    List<Results.Point> history(Connection c, Queries.History q) throws SQLException {
        Step table = Step.forChartStep(q.stepSeconds());
        long step = q.stepSeconds();
        long from = Math.floorDiv(q.fromMs(), 1000), to = Math.floorDiv(q.toMs() + 999, 1000);
        Where w = new Where().and("service = ?", q.service()).and("ts >= ?", from).and("ts < ?", to)
                .andIf(q.agent() != null, "agent = ?", q.agent());
        String bucket = "(ts - (ts % " + step + "))";
        return query(c, "SELECT " + bucket + " AS b, sum(packets), sum(bytes), max(peak_pps), max(peak_bps),"
                + " max(sources), max(players) FROM " + table.table.sql + w.sql() + " GROUP BY b ORDER BY b", w,
                rs -> {
                    long packets = rs.getLong(2), bytes = rs.getLong(3);
                    return new Results.Point(rs.getLong(1), packets, bytes, (double) packets / step,
                            8.0 * bytes / step, rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7));
                });
    }

    List<Rows.Session> sessions(Connection c, Queries.Sessions q) throws SQLException {
        Where w = sessionTime(q.fromMs(), q.toMs())
                .andIf(q.agent() != null, "agent = ?", q.agent())
                .andIf(q.service() != null, "service = ?", q.service())
                .andIf(q.country() != null, "country = ?", q.country())
                .andIf(q.asn() != 0, "asn = ?", q.asn())
                .andIf(q.name() != null, "lower(name) LIKE ? ESCAPE '\\'", q.name() == null ? "" : like(q.name()));
        if (q.address() != null) w.address("", SearchTerm.addressRange(q.address()));
        return sessions(c, w, q.limit());
    }

    private static Where sessionTime(long fromMs, long toMs) {
        return new Where().and("last_seen_ms >= ?", fromMs).and("first_seen_ms < ?", toMs);
    }

    private static List<Rows.Session> sessions(Connection c, Where w, int limit) throws SQLException {
        return query(c, "SELECT " + SESSION_COLS + " FROM sessions" + w.sql() + " ORDER BY last_seen_ms DESC LIMIT ?", w,
                SqlReads::session, limit);
    }

    private static String like(String part) {
        String p = part.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + p + "%";
    }

    Results.Search search(Connection c, SearchTerm term, long fromMs, long toMs, int limit) throws SQLException {
        Where s = sessionTime(fromMs, toMs);
        Where m = new Where().and("ts >= ?", Math.floorDiv(fromMs, 1000)).and("ts < ?", Math.ceilDiv(toMs, 1000));
        Where i = incidentTime(fromMs, toMs);
        boolean sources = true, incidents = true;
        switch (term) {
            case SearchTerm.Address a -> {
                s.address("", a.range());
                m.address("", a.range());
                Where sub = new Where().address("x.", a.range());
                i.and("(EXISTS (SELECT 1 FROM incident_sources x" + sub.sql()
                        + " AND x.agent = incidents.agent AND x.incident_id = incidents.id) OR target = ?)",
                        params(sub, a.text()));
            }
            case SearchTerm.Asn a -> {
                s.and("asn = ?", a.asn());
                m.and("asn = ?", a.asn());
                i.and("EXISTS (SELECT 1 FROM incident_sources x WHERE x.asn = ? AND x.agent = incidents.agent"
                        + " AND x.incident_id = incidents.id)", a.asn());
            }
            case SearchTerm.Country k -> {
                s.and("country = ?", k.code());
                m.and("country = ?", k.code());
                i.and("EXISTS (SELECT 1 FROM incident_sources x WHERE x.country = ? AND x.agent = incidents.agent"
                        + " AND x.incident_id = incidents.id)", k.code());
            }
            case SearchTerm.Port p -> {
                String suffix = "%-" + p.port();
                s.and("service LIKE ?", suffix);
                m.and("service LIKE ?", suffix);
                i.and("(service LIKE ? OR EXISTS (SELECT 1 FROM incident_ports x WHERE x.port = ?"
                        + " AND x.agent = incidents.agent AND x.incident_id = incidents.id))", suffix, (long) p.port());
            }
            case SearchTerm.Service v -> {
                s.and("service = ?", v.id());
                m.and("service = ?", v.id());
                i.and("(service = ? OR target = ?)", v.id(), v.id());
            }
            case SearchTerm.Name n -> {
                s.and("lower(name) LIKE ? ESCAPE '\\'", like(n.part()));
                sources = false;
                incidents = false;
            }
        }
        List<Rows.Session> ss = sessions(c, s, limit);
        List<Results.SourceSummary> ms = sources ? sourceSummaries(c, m, limit) : List.of();
        List<Rows.Incident> is = incidents ? incidents(c, i, limit) : List.of();
        return new Results.Search(term, ss, ms, is);
    }

    private static Object[] params(Where sub, Object last) {
        List<Object> p = new ArrayList<>(sub.params());
        p.add(last);
        return p.toArray();
    }

    private static List<Results.SourceSummary> sourceSummaries(Connection c, Where m, int limit) throws SQLException {
        return query(c, "SELECT service, address, max(country), max(asn), min(ts), max(ts), count(*), sum(packets), sum(bytes)"
                + " FROM source_minutes" + m.sql() + " GROUP BY service, address ORDER BY sum(packets) DESC LIMIT ?", m,
                rs -> new Results.SourceSummary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9)), limit);
    }

    private static Where incidentTime(long fromMs, long toMs) {
        return new Where().and("start_ms < ?", toMs).and("(end_ms = 0 OR end_ms >= ?)", fromMs);
    }

    List<Rows.FlowMinute> flows(Connection c, Queries.Flows q) throws SQLException {
        Where w = new Where().and("ts >= ?", Math.floorDiv(q.fromMs(), 1000) - 59).and("ts < ?", Math.floorDiv(q.toMs() + 999, 1000))
                .andIf(q.exporter() != null, "exporter = ?", q.exporter())
                .andIf(q.port() >= 0, "(src_port = ? OR dst_port = ?)", (long) q.port(), (long) q.port());
        if (q.address() != null) {
            AddressKey.Range r = SearchTerm.addressRange(q.address());
            Where src = new Where().address("src_", r), dst = new Where().address("dst_", r);
            List<Object> p = new ArrayList<>(src.params());
            p.addAll(dst.params());
            w.and("(" + src.sql().substring(" WHERE ".length()) + " OR " + dst.sql().substring(" WHERE ".length()) + ")", p.toArray());
        }
        return query(c, "SELECT agent, ts, exporter, in_if, out_if, src, dst, src_port, dst_port, proto, packets, bytes, flows"
                + " FROM flow_minutes" + w.sql() + " ORDER BY ts DESC, bytes DESC LIMIT ?", w,
                rs -> new Rows.FlowMinute(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                        rs.getString(6), rs.getString(7), rs.getInt(8), rs.getInt(9), rs.getInt(10), rs.getLong(11),
                        rs.getLong(12), rs.getLong(13)), q.limit());
    }

    List<Rows.Incident> incidents(Connection c, Queries.Incidents q) throws SQLException {
        Where w = incidentTime(q.fromMs(), q.toMs())
                .andIf("active".equals(q.state()), "end_ms = 0")
                .andIf("ended".equals(q.state()), "end_ms <> 0")
                .andIf("unacknowledged".equals(q.state()), "acked_ms = 0")
                .andIf(q.kind() != null, "kind = ?", q.kind())
                .andIf(q.service() != null, "service = ?", q.service())
                .andIf(q.severity() != null, "severity = ?", q.severity())
                .andIf(q.agent() != null, "agent = ?", q.agent());
        return incidents(c, w, q.limit());
    }

    private static List<Rows.Incident> incidents(Connection c, Where w, int limit) throws SQLException {
        return query(c, "SELECT " + INCIDENT_COLS + " FROM incidents" + w.sql() + " ORDER BY start_ms DESC LIMIT ?", w,
                SqlReads::incident, limit);
    }

    Optional<Rows.Incident> incident(Connection c, String agent, String id) throws SQLException {
        Where w = new Where().and("agent = ?", agent).and("id = ?", id);
        return incidents(c, w, 1).stream().findFirst();
    }

    List<Rows.IncidentSource> incidentSources(Connection c, String agent, String id) throws SQLException {
        Where w = new Where().and("agent = ?", agent).and("incident_id = ?", id);
        return query(c, "SELECT agent, incident_id, address, country, asn, packets, bytes FROM incident_sources" + w.sql()
                + " ORDER BY packets DESC, address", w, rs -> new Rows.IncidentSource(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)));
    }

    List<Rows.Note> notes(Connection c, String agent, String id) throws SQLException {
        Where w = new Where().and("agent = ?", agent).and("incident_id = ?", id);
        // ts then insertion order; rowid-like ordering is not portable, notes of one ms keep ts order only
        return query(c, "SELECT agent, incident_id, ts_ms, author, note FROM incident_notes" + w.sql() + " ORDER BY ts_ms",
                w, rs -> new Rows.Note(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5)));
    }

    private static Rows.Event event(ResultSet rs) throws SQLException {
        return new Rows.Event(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getLong(7), rs.getString(8), rs.getString(9), rs.getString(10));
    }

    private static Rows.Session session(ResultSet rs) throws SQLException {
        return new Rows.Session(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getString(11),
                rs.getLong(12), rs.getString(13), rs.getString(14));
    }

    private static Rows.Incident incident(ResultSet rs) throws SQLException {
        return new Rows.Incident(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getLong(9), rs.getLong(10), rs.getLong(11),
                rs.getLong(12), rs.getLong(13), rs.getLong(14), rs.getLong(15), rs.getLong(16), rs.getBoolean(17),
                rs.getBoolean(18), rs.getString(19), rs.getString(20), rs.getString(21), rs.getLong(22), rs.getString(23));
    }
}
