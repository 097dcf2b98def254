package netwarden.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The store over JDBC; subclasses open connections and bulk-append (DuckDB's Appender, PostgreSQL's COPY).
 *
 * <p>Design notes: one write connection used under {@code writeLock} (the StoreWriter's thread, plus the rare
 * acknowledgement), one read connection under {@code readLock}, so page queries never wait behind a batch. A
 * connection that throws is closed and reopened by the next call: a restarted database is picked up without
 * restarting netwarden.
 */
abstract class JdbcStore implements Store {
    private final Object writeLock = new Object();
    private final Object readLock = new Object();
    private final int targetVersion;
    private Connection writer;
    private Connection reader;
    private volatile boolean closed;
    private final SqlReads reads = new SqlReads();

    JdbcStore(int targetVersion) {
        this.targetVersion = targetVersion;
    }

    abstract Connection connect() throws SQLException;

    abstract String dialect();

    /** Appends rows (in table column order) to an append-only table inside the current transaction. */
    abstract void append(Connection c, Table table, List<Object[]> rows) throws SQLException;

    /**
     * Fills a connection-local staging table shaped like {@code table} with exactly these rows; returns its
     * name for the INSERT … SELECT that merges them.
     */
    abstract String stage(Connection c, Table table, List<Object[]> rows) throws SQLException;

    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    <T> T onWriter(String op, SqlWork<T> work) {
        synchronized (writeLock) {
            if (closed) throw new IllegalStateException("store closed");
            try {
                if (writer == null) writer = connect();
                return work.run(writer);
            } catch (SQLException | RuntimeException e) {
                writer = closeQuietly(writer);
                if (e instanceof IllegalArgumentException iae) throw iae;
                throw new StoreException(op, e);
            }
        }
    }

    <T> T onReader(String op, SqlWork<T> work) {
        synchronized (readLock) {
            if (closed) throw new IllegalStateException("store closed");
            try {
                if (reader == null) reader = connect();
                return work.run(reader);
            } catch (SQLException | RuntimeException e) {
                reader = closeQuietly(reader);
                throw new StoreException(op, e);
            }
        }
    }

    private static Connection closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException | RuntimeException ignored) {
                // already broken: the next call opens a fresh one
            }
        }
        return null;
    }

    @Override
    public void start() {
        onWriter("migrate", c -> Migrations.apply(c, dialect(), targetVersion));
    }

    @Override
    public int schemaVersion() {
        return onReader("schema version", Migrations::current);
    }

    @Override
    public void write(Rows.Batch b) {
        onWriter("write batch", c -> inTransaction(c, () -> {
            writeRows(c, b);
            return null;
        }));
    }

    @Override
    public List<Shipped.Result> writeShipped(List<Shipped.Batch> batches, long nowMs) {
        for (Shipped.Batch sb : batches) checkAgent(sb);
        return onWriter("write shipped batches", c -> inTransaction(c, () -> {
            ShippedWrites.Decided d = ShippedWrites.decide(c, batches, markLock(), nowMs);
            if (d.rows().rows() > 0) writeRows(c, d.rows());
            return d.results();
        }));
    }

    /** An agent writes only its own rows: every row of a shipped batch carries the batch's agent. */
    private static void checkAgent(Shipped.Batch sb) {
        Rows.Batch b = sb.rows();
        String a = sb.agent();
        boolean ok = b.events().stream().allMatch(r -> r.agent().equals(a)) && b.sessions().stream().allMatch(r -> r.agent().equals(a))
                && b.incidents().stream().allMatch(r -> r.agent().equals(a)) && b.incidentSources().stream().allMatch(r -> r.agent().equals(a))
                && b.incidentPorts().stream().allMatch(r -> r.agent().equals(a)) && b.rollups1s().stream().allMatch(r -> r.agent().equals(a))
                && b.rollups1m().stream().allMatch(r -> r.agent().equals(a)) && b.rollups1h().stream().allMatch(r -> r.agent().equals(a))
                && b.sourceMinutes().stream().allMatch(r -> r.agent().equals(a));
        if (!ok) throw new IllegalArgumentException("a shipped batch of agent " + a + " holds rows of another agent");
    }

    /** Appended to the mark's SELECT: PostgreSQL locks it ({@code FOR UPDATE}); DuckDB has one writer anyway. */
    String markLock() {
        return "";
    }

    @Override
    public List<Shipped.Mark> marks() {
        return onReader("agent marks", ShippedWrites::marks);
    }

    @Override
    public List<Shipped.Gap> gaps(String agent) {
        return onReader("agent gaps", c -> ShippedWrites.gaps(c, agent));
    }

    private static <T> T inTransaction(Connection c, SqlWork0<T> work) throws SQLException {
        c.setAutoCommit(false);
        try {
            T r = work.run();
            c.commit();
            return r;
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the connection is dropped by onWriter anyway
            }
            throw e;
        } finally {
            try {
                c.setAutoCommit(true);
            } catch (SQLException ignored) {
                // broken connection: dropped by onWriter
            }
        }
    }

    @FunctionalInterface
    private interface SqlWork0<T> {
        T run() throws SQLException;
    }

    private void writeRows(Connection c, Rows.Batch b) throws SQLException {
        for (Table t : List.of(Table.EVENTS, Table.ROLLUP_1S, Table.ROLLUP_1M, Table.ROLLUP_1H, Table.SOURCE_MINUTES,
                Table.ROUTER_CONNECTIONS, Table.ROUTER_DNS, Table.ROUTER_FIREWALL, Table.ANOMALIES, Table.FLOW_MINUTES))
            if (b.rows(t) > 0) append(c, t, Columns.values(t, b));
        Rows.Batch keyed = new Rows.Batch(List.of(),
                sessions(b.sessions()),
                latest(b.incidents(), i -> i.agent() + '\0' + i.id()),
                latest(b.incidentSources(), s -> s.agent() + '\0' + s.incidentId() + '\0' + s.address()),
                latest(b.incidentPorts(), p -> p.agent() + '\0' + p.incidentId() + '\0' + p.port()),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), devices(b.devices()), List.of(), List.of());
        for (Table t : List.of(Table.SESSIONS, Table.INCIDENTS, Table.INCIDENT_SOURCES, Table.INCIDENT_PORTS, Table.DEVICES)) {
            if (keyed.rows(t) == 0) continue;
            String stage = stage(c, t, Columns.values(t, keyed));
            try (Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO " + t.sql + " SELECT * FROM " + stage + " WHERE true " + Upserts.conflict(t));
            }
        }
    }

    /** One row per device, spanning all of the batch's (one statement may not update the same row twice). */
    private static List<RouterRows.Device> devices(List<RouterRows.Device> rows) {
        if (rows.size() < 2) return rows;
        Map<String, RouterRows.Device> m = new LinkedHashMap<>();
        for (RouterRows.Device d : rows) m.merge(d.agent() + '\0' + d.address(), d, RouterRows.Device::merge);
        return List.copyOf(m.values());
    }

    /** One row per session, the furthest along (rows of one session may arrive out of order: see Upserts). */
    private static List<Rows.Session> sessions(List<Rows.Session> rows) {
        if (rows.size() < 2) return rows;
        Map<String, Rows.Session> m = new LinkedHashMap<>();
        for (Rows.Session r : rows)
            m.merge(r.agent() + '\0' + r.service() + '\0' + r.address() + '\0' + r.firstSeenMs(), r,
                    (a, b) -> b.packetsIn() + b.packetsOut() >= a.packetsIn() + a.packetsOut() || b.leftMs() != 0 ? b : a);
        return List.copyOf(m.values());
    }

    /** The last row per key: one statement may not update the same row twice. */
    private static <R> List<R> latest(List<R> rows, java.util.function.Function<R, String> key) {
        if (rows.size() < 2) return rows;
        Map<String, R> m = new LinkedHashMap<>();
        for (R r : rows) m.put(key.apply(r), r);
        return List.copyOf(m.values());
    }

    @Override
    public long purge(Table table, long cutoffSeconds) {
        if (table.timeColumn == null) throw new IllegalArgumentException("rows of " + table.sql + " go with their incident");
        return onWriter("purge " + table.sql, c -> {
            long cutoff = cutoffSeconds * table.perSecond;
            String extra = table == Table.INCIDENTS ? " AND end_ms <> 0" : table == Table.SESSIONS ? " AND left_ms <> 0" : "";
            long n;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table.sql + " WHERE " + table.timeColumn + " < ?" + extra)) {
                ps.setLong(1, cutoff);
                n = ps.executeUpdate();
            }
            if (table == Table.INCIDENTS && n > 0) {
                try (Statement st = c.createStatement()) {
                    for (String child : List.of("incident_sources", "incident_ports", "incident_notes"))
                        st.executeUpdate("DELETE FROM " + child + " WHERE NOT EXISTS (SELECT 1 FROM incidents i WHERE i.agent = "
                                + child + ".agent AND i.id = " + child + ".incident_id)");
                }
            }
            return n;
        });
    }

    /** Whether {@link #compact} rewrites rows (a scan-only database) or only records the range (one with indexes). */
    abstract boolean sortsByAddress();

    @Override
    public long compact(long fromSeconds, long toSeconds) {
        if (toSeconds <= fromSeconds) throw new IllegalArgumentException("empty range: " + fromSeconds + ".." + toSeconds);
        return onWriter("compact source_minutes", c -> inTransaction(c, () -> {
            try (Statement st = c.createStatement()) {
                String range = " WHERE ts >= " + fromSeconds + " AND ts < " + toSeconds;
                try (var rs = st.executeQuery("SELECT count(*) FROM compactions WHERE table_name = 'source_minutes'"
                        + " AND from_ts = " + fromSeconds + " AND to_ts = " + toSeconds)) {
                    rs.next();
                    if (rs.getLong(1) > 0) return -1L;
                }
                long n = 0;
                if (sortsByAddress()) {
                    n += rewriteSorted(st, "source_minutes", range, "addr_hi, addr_lo, service, ts");
                    n += rewriteSorted(st, "rollup_1m", range, "service, ts");
                }
                st.executeUpdate("INSERT INTO compactions VALUES ('source_minutes', " + fromSeconds + ", " + toSeconds
                        + ", " + System.currentTimeMillis() + ", " + n + ")");
                return n;
            }
        }));
    }

    private static long rewriteSorted(Statement st, String table, String range, String order) throws SQLException {
        st.execute("CREATE TEMP TABLE compacting AS SELECT * FROM " + table + range + " ORDER BY " + order);
        st.executeUpdate("DELETE FROM " + table + range);
        long n = st.executeUpdate("INSERT INTO " + table + " SELECT * FROM compacting");
        st.execute("DROP TABLE compacting");
        return n;
    }

    @Override
    public boolean acknowledge(String agent, String id, String author, String note, long atMs) {
        return onWriter("acknowledge", c -> inTransaction(c, () -> {
            int found;
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE incidents SET acked_ms = CASE WHEN acked_ms = 0 THEN ? ELSE acked_ms END,"
                            + " acked_by = CASE WHEN acked_ms = 0 THEN ? ELSE acked_by END WHERE agent = ? AND id = ?")) {
                ps.setLong(1, atMs);
                ps.setString(2, author);
                ps.setString(3, agent);
                ps.setString(4, id);
                found = ps.executeUpdate();
            }
            if (found > 0 && note != null && !note.isBlank()) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO incident_notes VALUES (?, ?, ?, ?, ?)")) {
                    ps.setString(1, agent);
                    ps.setString(2, id);
                    ps.setLong(3, atMs);
                    ps.setString(4, author);
                    ps.setString(5, note.strip());
                    ps.executeUpdate();
                }
            }
            return found > 0;
        }));
    }

    @Override
    public boolean setSamplePcap(String agent, String id, String path) {
        return onWriter("set sample pcap", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE incidents SET sample_pcap = ? WHERE agent = ? AND id = ?")) {
                ps.setString(1, path);
                ps.setString(2, agent);
                ps.setString(3, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public List<Rows.Event> events(Queries.Events q) {
        return onReader("events", c -> reads.events(c, q));
    }

    @Override
    public List<Results.Point> history(Queries.History q) {
        return onReader("history", c -> reads.history(c, q));
    }

    @Override
    public List<Rows.Session> sessions(Queries.Sessions q) {
        return onReader("sessions", c -> reads.sessions(c, q));
    }

    @Override
    public Results.Search search(SearchTerm term, long fromMs, long toMs, int limit) {
        Queries.checkRange(fromMs, toMs);
        Queries.checkLimit(limit);
        return onReader("search", c -> reads.search(c, term, fromMs, toMs, limit));
    }

    @Override
    public List<Rows.Incident> incidents(Queries.Incidents q) {
        return onReader("incidents", c -> reads.incidents(c, q));
    }

    @Override
    public List<Rows.FlowMinute> flows(Queries.Flows q) {
        return onReader("flows", c -> reads.flows(c, q));
    }

    @Override
    public Optional<Rows.Incident> incident(String agent, String id) {
        return onReader("incident", c -> reads.incident(c, agent, id));
    }

    @Override
    public List<Rows.IncidentSource> incidentSources(String agent, String id) {
        return onReader("incident sources", c -> reads.incidentSources(c, agent, id));
    }

    @Override
    public List<Rows.Note> notes(String agent, String id) {
        return onReader("notes", c -> reads.notes(c, agent, id));
    }

    @Override
    public List<RouterRows.Connection> connections(RouterQueries.Connections q) {
        return onReader("connections", c -> RouterReads.connections(c, q));
    }

    @Override
    public List<RouterRows.Anomaly> anomalies(RouterQueries.Anomalies q) {
        return onReader("anomalies", c -> RouterReads.anomalies(c, q));
    }

    @Override
    public List<RouterRows.Dns> dns(RouterQueries.DeviceLog q) {
        return onReader("dns", c -> RouterReads.dns(c, q));
    }

    @Override
    public List<RouterRows.Firewall> firewall(RouterQueries.DeviceLog q) {
        return onReader("firewall", c -> RouterReads.firewall(c, q));
    }

    @Override
    public List<RouterRows.Device> devices(String agent) {
        return onReader("devices", c -> RouterReads.devices(c, agent));
    }

    @Override
    public boolean renameDevice(String agent, String address, String name) {
        return onWriter("rename device", c -> RouterReads.rename(c, agent, address, name));
    }

    @Override
    public long count(Table table) {
        return onReader("count " + table.sql, c -> {
            try (Statement st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM " + table.sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public long count(Table table, String agent) {
        return onReader("count " + table.sql, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + table.sql + " WHERE agent = ?")) {
                ps.setString(1, agent);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public void close() {
        synchronized (writeLock) {
            synchronized (readLock) {
                closed = true;
                writer = closeQuietly(writer);
                reader = closeQuietly(reader);
                closeDatabase();
            }
        }
    }

    /** Releases what the subclass holds beyond connections. */
    void closeDatabase() {}
}
