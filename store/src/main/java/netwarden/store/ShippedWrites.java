package netwarden.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL of {@link Store#writeShipped}, inside the caller's transaction: reads the marks of the (agent, epoch)
 * pairs involved (locked on PostgreSQL, where several servers may consume the same agent), decides each batch in
 * order against the mark (a later batch of the same call sees the earlier one's), merges the new ones into one
 * {@link Rows.Batch}, and writes the marks and gaps. The rows themselves are written by the caller.
 */
final class ShippedWrites {
    private ShippedWrites() {}

    record Decided(List<Shipped.Result> results, Rows.Batch rows) {}

    static Decided decide(Connection c, List<Shipped.Batch> batches, String lock, long nowMs) throws SQLException {
        Map<String, long[]> marks = new HashMap<>(); // key -> {hwm, batches, rows, known}
        List<Shipped.Result> out = new ArrayList<>(batches.size());
        BatchBuilder merged = Rows.Batch.builder();
        List<Shipped.Gap> gaps = new ArrayList<>();
        for (Shipped.Batch b : batches) {
            String key = b.agent() + '\0' + b.epoch();
            long[] m = marks.get(key);
            if (m == null) {
                m = read(c, b.agent(), b.epoch(), lock);
                marks.put(key, m);
            }
            if (b.sequence() <= m[0]) {
                out.add(Shipped.Result.DUPLICATE);
                continue;
            }
            boolean gap = b.sequence() > m[0] + 1;
            if (gap) {
                boolean told = b.toldFrom() > 0 && b.toldFrom() <= m[0] + 1;
                gaps.add(new Shipped.Gap(b.agent(), b.epoch(), m[0] + 1, b.sequence() - 1, told ? b.toldRows() : 0,
                        told ? b.toldBytes() : 0, nowMs));
            }
            m[0] = b.sequence();
            m[1]++;
            m[2] += b.rows().rows();
            m[4] = 1; // moved
            merged.addAll(b.rows());
            out.add(gap ? Shipped.Result.GAP : Shipped.Result.STORED);
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO agent_marks VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (agent, epoch)"
                + " DO UPDATE SET hwm = excluded.hwm, batches = excluded.batches, rows_stored = excluded.rows_stored,"
                + " updated_ms = excluded.updated_ms")) {
            for (var e : marks.entrySet()) {
                long[] m = e.getValue();
                if (m[4] == 0) continue;
                String[] k = e.getKey().split("\0", 2);
                ps.setString(1, k[0]);
                ps.setLong(2, Long.parseLong(k[1]));
                ps.setLong(3, m[0]);
                ps.setLong(4, m[1]);
                ps.setLong(5, m[2]);
                ps.setLong(6, nowMs);
                ps.executeUpdate();
            }
        }
        if (!gaps.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO agent_gaps VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (Shipped.Gap g : gaps) {
                    ps.setString(1, g.agent());
                    ps.setLong(2, g.epoch());
                    ps.setLong(3, g.from());
                    ps.setLong(4, g.to());
                    ps.setLong(5, g.rowsLost());
                    ps.setLong(6, g.bytesLost());
                    ps.setLong(7, g.recordedMs());
                    ps.executeUpdate();
                }
            }
        }
        return new Decided(out, merged.build());
    }

    private static long[] read(Connection c, String agent, long epoch, String lock) throws SQLException {
        if (!lock.isEmpty()) {
            // The row must exist to be locked: a first batch of two servers at once then serialises on it.
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO agent_marks VALUES (?, ?, 0, 0, 0, 0) ON CONFLICT DO NOTHING")) {
                ps.setString(1, agent);
                ps.setLong(2, epoch);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT hwm, batches, rows_stored FROM agent_marks WHERE agent = ? AND epoch = ?" + lock)) {
            ps.setString(1, agent);
            ps.setLong(2, epoch);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), 1, 0} : new long[] {0, 0, 0, 0, 0};
            }
        }
    }

    static List<Shipped.Mark> marks(Connection c) throws SQLException {
        return SqlReads.query(c, "SELECT agent, epoch, hwm, batches, rows_stored, updated_ms FROM agent_marks WHERE hwm > 0"
                + " ORDER BY agent, epoch", new Where(), rs -> new Shipped.Mark(rs.getString(1), rs.getLong(2), rs.getLong(3),
                rs.getLong(4), rs.getLong(5), rs.getLong(6)));
    }

    static List<Shipped.Gap> gaps(Connection c, String agent) throws SQLException {
        Where w = new Where().andIf(agent != null, "agent = ?", agent);
        return SqlReads.query(c, "SELECT agent, epoch, from_seq, to_seq, rows_lost, bytes_lost, recorded_ms FROM agent_gaps" + w.sql()
                + " ORDER BY agent, epoch, from_seq", w, rs -> new Shipped.Gap(rs.getString(1), rs.getLong(2), rs.getLong(3),
                rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)));
    }
}
