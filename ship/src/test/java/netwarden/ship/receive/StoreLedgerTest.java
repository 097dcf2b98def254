package netwarden.ship.receive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import netwarden.model.Clock;
import netwarden.ship.format.Gap;
import netwarden.ship.format.ShipBatch;
import netwarden.ship.format.ShipRow;
import netwarden.ship.rows.RowsCodec;
import netwarden.store.DuckDbStore;
import netwarden.store.Rows;
import netwarden.store.Step;
import netwarden.store.Store;
import netwarden.store.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shipped rows into the server's store through the group commit: exactly once, every agent's rows its own. */
class StoreLedgerTest {
    static final long T0 = 1_800_000_000_000L;

    @TempDir
    Path dir;

    static Rows.Batch local(int i) {
        return Rows.Batch.builder()
                .event(new Rows.Event("", T0 + i, "player_joined", "arena", "198.51.100.7", "DE", 3320, "vpn", null, "{\"players_now\":1}"))
                .session(new Rows.Session("", "arena", "198.51.100.7", T0, T0 + i, 0, 1, 2, 3, 4, "DE", 3320, null, "Sarge"))
                .incident(new Rows.Incident("", "service:arena:1", "service", "arena", "arena", "udp_flood", "high", "why", T0, 0, T0 + i,
                        10, 20, 30, 40, 5, true, false, "[]", "[]", null, 0, null))
                .incidentSource(new Rows.IncidentSource("", "service:arena:1", "2001:db8::1", null, 0, 7, 8))
                .incidentPort(new Rows.IncidentPort("", "service:arena:1", 11211, 9))
                .rollup(Step.SECOND, new Rows.Rollup("", "arena", T0 / 1000 + i, 1, 2, 3, 4, 5, 6))
                .rollup(Step.MINUTE, new Rows.Rollup("", "arena", T0 / 1000, 1, 2, 3, 4, 5, 6))
                .sourceMinute(new Rows.SourceMinute("", "arena", T0 / 1000, "*", null, 0, 1, 2, 3)).build();
    }

    @Test
    void rowsSurviveTheTripWithTheSendersAgentAndBadRowsAreCounted() {
        Rows.Batch b = local(1);
        List<ShipRow> shipped = new ArrayList<>(RowsCodec.encode(b));
        assertThat(shipped).hasSize(b.rows());
        shipped.add(new ShipRow("events", new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("kind", "x")));
        shipped.add(new ShipRow("sessions", (com.fasterxml.jackson.databind.node.ObjectNode) shipped.get(1).data().deepCopy().put("address", "not-an-ip")));
        shipped.add(new ShipRow(ShipRow.HEARTBEAT, new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("ts_ms", 1)));
        RowsCodec.Decoded d = RowsCodec.decode("host-1", shipped);
        assertThat(d.bad()).isEqualTo(2);
        assertThat(d.heartbeats()).isEqualTo(1);
        assertThat(d.rows().events().getFirst()).isEqualTo(new Rows.Event("host-1", T0 + 1, "player_joined", "arena", "198.51.100.7", "DE", 3320, "vpn", null, "{\"players_now\":1}"));
        assertThat(d.rows().incidentSources().getFirst().address()).isEqualTo("2001:db8::1");
        assertThat(d.rows().rollups1m()).hasSize(1);
        assertThat(d.rows().rows()).isEqualTo(b.rows());
    }

    @Test
    void concurrentAgentsAndRetriesAreStoredExactlyOnce() throws Exception {
        Store store = new DuckDbStore(dir.resolve("server.duckdb"));
        store.start();
        ConcurrentLinkedQueue<StoreLedger.Received> seen = new ConcurrentLinkedQueue<>();
        StoreLedger ledger = new StoreLedger(store, Clock.SYSTEM, 10_000, seen::add);
        ledger.start();
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        List<Future<StoreResult>> results = new ArrayList<>();
        for (String agent : List.of("a", "b", "c"))
            for (int seq = 1; seq <= 20; seq++)
                for (int copy = 0; copy < 2; copy++) { // every batch sent twice, as a retry after a lost answer
                    ShipBatch sb = new ShipBatch(agent, 5, seq, seq == 20 ? new Gap(19, 19, 8, 800) : null, RowsCodec.encode(local(seq)));
                    if (seq == 19) continue; // lost
                    results.add(pool.submit(() -> ledger.storeIfNew(sb)));
                }
        long dup = 0, gap = 0;
        for (Future<StoreResult> f : results) {
            StoreResult r = f.get();
            if (r == StoreResult.DUPLICATE) dup++;
            if (r == StoreResult.GAP) gap++;
        }
        pool.close();
        ledger.close();
        assertThat(dup).isEqualTo(3 * 19);
        assertThat(gap).isEqualTo(3);
        assertThat(store.count(Table.EVENTS)).isEqualTo(3 * 19);
        assertThat(store.count(Table.ROLLUP_1S)).isEqualTo(3 * 19);
        assertThat(store.count(Table.SESSIONS)).isEqualTo(3); // replaced by key
        assertThat(ledger.highWaterMark("b", 5)).isEqualTo(20);
        assertThat(ledger.gaps("c")).containsExactly(new AgentLedger.GapRecord("c", 5, 19, 19, 8, 800));
        assertThat(seen).hasSize(results.size());
        assertThat(ledger.commits()).isLessThanOrEqualTo(results.size());
        store.close();
    }
}
