package netwarden.ship.receive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import javax.sql.DataSource;
import netwarden.ship.format.Gap;
import netwarden.ship.format.ShipBatch;
import netwarden.ship.format.ShipRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcAgentLedgerTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir static Path tmp;
    static TestPostgres pg;
    static JdbcAgentLedger ledger;

    @BeforeAll
    static void start() throws Exception {
        pg = new TestPostgres(tmp.resolve("pg"));
        ledger = new JdbcAgentLedger(pg.dataSource());
        ledger.createSchema();
        ledger.createSchema(); // idempotent
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    static ShipBatch batch(String agent, long seq, Gap gap, String... tables) {
        List<ShipRow> rows = java.util.Arrays.stream(tables).map(t -> new ShipRow(t, JSON.createObjectNode().put("seq", seq))).toList();
        return new ShipBatch(agent, 5, seq, gap, rows);
    }

    static long count(DataSource db, String sql) throws Exception {
        try (Connection c = db.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void storesEachBatchOnceAndRecordsGaps() throws Exception {
        assertThat(ledger.storeIfNew(batch("a1", 1, null, "events", "flows"))).isEqualTo(StoreResult.STORED);
        assertThat(ledger.storeIfNew(batch("a1", 1, null, "events", "flows"))).isEqualTo(StoreResult.DUPLICATE);
        assertThat(ledger.storeIfNew(batch("a1", 2, null, "rollups"))).isEqualTo(StoreResult.STORED);
        assertThat(ledger.storeIfNew(batch("a1", 1, null, "events"))).isEqualTo(StoreResult.DUPLICATE);
        assertThat(ledger.storeIfNew(batch("a1", 6, new Gap(3, 5, 30, 3000), "events"))).isEqualTo(StoreResult.GAP);
        assertThat(ledger.highWaterMark("a1", 5)).isEqualTo(6);
        assertThat(ledger.highWaterMark("a1", 4)).isZero();
        assertThat(ledger.gaps("a1")).containsExactly(new AgentLedger.GapRecord("a1", 5, 3, 5, 30, 3000));
        assertThat(count(pg.dataSource(), "SELECT count(*) FROM ship_rows WHERE agent_id = 'a1'")).isEqualTo(4);
        assertThat(count(pg.dataSource(), "SELECT count(*) FROM ship_rows WHERE agent_id = 'a1' AND tbl = 'rollups'")).isEqualTo(1);
        // Another agent's marks are its own.
        assertThat(ledger.storeIfNew(batch("a2", 1, null, "events"))).isEqualTo(StoreResult.STORED);
        assertThat(ledger.gaps("a2")).isEmpty();
    }

    @Test
    void aFailedBatchLeavesNeitherRowsNorMark() throws Exception {
        assertThat(ledger.storeIfNew(batch("a3", 1, null, "events"))).isEqualTo(StoreResult.STORED);
        try (Connection c = pg.dataSource().getConnection()) {
            // Make the second row of the next batch fail after the first was inserted.
            c.createStatement().execute("ALTER TABLE ship_rows ADD CONSTRAINT no_sessions_for_a3 CHECK (NOT (agent_id = 'a3' AND tbl = 'sessions'))");
        }
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ledger.storeIfNew(batch("a3", 2, null, "events", "sessions")))
                    .isInstanceOf(LedgerException.class);
        } finally {
            try (Connection c = pg.dataSource().getConnection()) {
                c.createStatement().execute("ALTER TABLE ship_rows DROP CONSTRAINT no_sessions_for_a3");
            }
        }
        assertThat(ledger.highWaterMark("a3", 5)).isEqualTo(1);
        assertThat(count(pg.dataSource(), "SELECT count(*) FROM ship_rows WHERE agent_id = 'a3'")).isEqualTo(1);
        assertThat(ledger.storeIfNew(batch("a3", 2, null, "events", "sessions"))).isEqualTo(StoreResult.STORED);
    }
}
