package netwarden.ship.receive;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import netwarden.ship.format.ShipBatch;
import netwarden.ship.format.ShipRow;

/**
 * {@link AgentLedger} over JDBC, written for PostgreSQL: {@code ship_agent_hwm} (the mark per agent
 * and epoch), {@code ship_gaps} and a generic {@code ship_rows} (table name + JSONB), which the
 * store's own schema can later replace with typed tables. Each batch is one transaction: the mark's
 * row is locked ({@code SELECT ... FOR UPDATE}) so two servers consuming the same agent serialise.
 * A connection per call from the {@link DataSource} (pool it there); a failure rolls back and is a
 * {@link LedgerException}.
 */
public final class JdbcAgentLedger implements AgentLedger {
    static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS ship_agent_hwm (agent_id TEXT NOT NULL, epoch BIGINT NOT NULL, hwm BIGINT NOT NULL,
              updated_at TIMESTAMPTZ NOT NULL DEFAULT now(), PRIMARY KEY (agent_id, epoch));
            CREATE TABLE IF NOT EXISTS ship_gaps (agent_id TEXT NOT NULL, epoch BIGINT NOT NULL, from_seq BIGINT NOT NULL,
              to_seq BIGINT NOT NULL, rows_lost BIGINT NOT NULL, bytes_lost BIGINT NOT NULL,
              recorded_at TIMESTAMPTZ NOT NULL DEFAULT now(), PRIMARY KEY (agent_id, epoch, from_seq));
            CREATE TABLE IF NOT EXISTS ship_rows (agent_id TEXT NOT NULL, epoch BIGINT NOT NULL, seq BIGINT NOT NULL,
              idx INT NOT NULL, tbl TEXT NOT NULL, data JSONB NOT NULL, PRIMARY KEY (agent_id, epoch, seq, idx));
            """;

    private final DataSource db;

    public JdbcAgentLedger(DataSource db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** Creates the tables when missing. */
    public void createSchema() throws LedgerException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (String ddl : SCHEMA.split(";")) if (!ddl.isBlank()) s.execute(ddl);
        } catch (SQLException e) {
            throw new LedgerException("creating the ledger schema failed: " + e.getMessage(), e);
        }
    }

    @Override
    public StoreResult storeIfNew(ShipBatch b) throws LedgerException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                StoreResult r = store(c, b);
                c.commit();
                return r;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new LedgerException("storing " + b.agentId() + "/" + b.epoch() + "/" + b.sequence() + " failed: " + e.getMessage(), e);
        }
    }

    private static StoreResult store(Connection c, ShipBatch b) throws SQLException {
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO ship_agent_hwm (agent_id, epoch, hwm) VALUES (?, ?, 0) ON CONFLICT DO NOTHING")) {
            ins.setString(1, b.agentId());
            ins.setLong(2, b.epoch());
            ins.executeUpdate();
        }
        long hwm;
        try (PreparedStatement q = c.prepareStatement("SELECT hwm FROM ship_agent_hwm WHERE agent_id = ? AND epoch = ? FOR UPDATE")) {
            q.setString(1, b.agentId());
            q.setLong(2, b.epoch());
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                hwm = rs.getLong(1);
            }
        }
        if (b.sequence() <= hwm) return StoreResult.DUPLICATE;
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO ship_rows (agent_id, epoch, seq, idx, tbl, data) VALUES (?, ?, ?, ?, ?, ?::jsonb)")) {
            int i = 0;
            for (ShipRow r : b.rows()) {
                ins.setString(1, b.agentId());
                ins.setLong(2, b.epoch());
                ins.setLong(3, b.sequence());
                ins.setInt(4, i++);
                ins.setString(5, r.table());
                ins.setString(6, r.data().toString());
                ins.addBatch();
            }
            ins.executeBatch();
        }
        boolean gap = b.sequence() > hwm + 1;
        if (gap) {
            try (PreparedStatement g = c.prepareStatement("INSERT INTO ship_gaps (agent_id, epoch, from_seq, to_seq, rows_lost, bytes_lost) VALUES (?, ?, ?, ?, ?, ?)")) {
                g.setString(1, b.agentId());
                g.setLong(2, b.epoch());
                g.setLong(3, hwm + 1);
                g.setLong(4, b.sequence() - 1);
                // The agent's own account when it covers this stretch; else unknown (0).
                boolean told = b.gap() != null && b.gap().from() <= hwm + 1;
                g.setLong(5, told ? b.gap().rows() : 0);
                g.setLong(6, told ? b.gap().bytes() : 0);
                g.executeUpdate();
            }
        }
        try (PreparedStatement u = c.prepareStatement("UPDATE ship_agent_hwm SET hwm = ?, updated_at = now() WHERE agent_id = ? AND epoch = ?")) {
            u.setLong(1, b.sequence());
            u.setString(2, b.agentId());
            u.setLong(3, b.epoch());
            u.executeUpdate();
        }
        return gap ? StoreResult.GAP : StoreResult.STORED;
    }

    @Override
    public long highWaterMark(String agentId, long epoch) throws LedgerException {
        try (Connection c = db.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT hwm FROM ship_agent_hwm WHERE agent_id = ? AND epoch = ?")) {
            q.setString(1, agentId);
            q.setLong(2, epoch);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new LedgerException("reading the mark of " + agentId + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public List<GapRecord> gaps(String agentId) throws LedgerException {
        try (Connection c = db.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT epoch, from_seq, to_seq, rows_lost, bytes_lost FROM ship_gaps WHERE agent_id = ? ORDER BY epoch, from_seq")) {
            q.setString(1, agentId);
            List<GapRecord> out = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) out.add(new GapRecord(agentId, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
            }
            return out;
        } catch (SQLException e) {
            throw new LedgerException("reading the gaps of " + agentId + " failed: " + e.getMessage(), e);
        }
    }
}
