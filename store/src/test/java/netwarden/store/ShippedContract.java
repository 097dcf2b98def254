package netwarden.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The central server's exactly-once write and agent filters, run against every store next to {@link StoreContract}. */
interface ShippedContract {
    long T0 = StoreContract.T0;

    Store shippedStore();

    private static Shipped.Batch batch(String agent, long seq, int events) {
        BatchBuilder b = Rows.Batch.builder();
        for (int i = 0; i < events; i++) b.event(new Rows.Event(agent, T0 + seq * 1000 + i, "player_joined", "arena", "198.51.100." + (i + 1), null, 0, null, null, "{}"));
        b.rollup(Step.SECOND, new Rows.Rollup(agent, "arena", T0 / 1000 + seq, 100, 6400, 100, 51200, 3, 2));
        return new Shipped.Batch(agent, 7, seq, 0, 0, 0, b.build());
    }

    @Test
    default void aRetriedBatchIsStoredOnceAndALostStretchIsAGap() {
        Store s = shippedStore();
        assertThat(s.writeShipped(List.of(batch("a1", 1, 3)), 5)).containsExactly(Shipped.Result.STORED);
        assertThat(s.writeShipped(List.of(batch("a1", 1, 3)), 6)).containsExactly(Shipped.Result.DUPLICATE);
        Shipped.Batch told = batch("a1", 4, 2);
        told = new Shipped.Batch("a1", 7, 4, 2, 40, 4000, told.rows());
        // one call, several batches: a later one sees the earlier's mark, a repeat in the same call is a duplicate
        assertThat(s.writeShipped(List.of(told, batch("a1", 5, 1), batch("a1", 5, 1), batch("b2", 1, 1)), 9))
                .containsExactly(Shipped.Result.GAP, Shipped.Result.STORED, Shipped.Result.DUPLICATE, Shipped.Result.STORED);
        assertThat(s.count(Table.EVENTS)).isEqualTo(3 + 2 + 1 + 1);
        assertThat(s.count(Table.ROLLUP_1S)).isEqualTo(4);
        assertThat(s.marks()).containsExactly(new Shipped.Mark("a1", 7, 5, 3, 3 + 1 + 2 + 1 + 1 + 1, 9), new Shipped.Mark("b2", 7, 1, 1, 2, 9));
        assertThat(s.gaps("a1")).containsExactly(new Shipped.Gap("a1", 7, 2, 3, 40, 4000, 9));
        assertThat(s.gaps("b2")).isEmpty();
    }

    @Test
    default void aBatchWithAnotherAgentsRowsIsRefusedWhole() {
        Store s = shippedStore();
        Shipped.Batch mine = batch("a1", 1, 2);
        Rows.Batch mixed = Rows.Batch.builder().addAll(mine.rows())
                .event(new Rows.Event("b2", T0, "player_joined", "arena", null, null, 0, null, null, "{}")).build();
        assertThatThrownBy(() -> s.writeShipped(List.of(new Shipped.Batch("a1", 7, 1, 0, 0, 0, mixed)), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another agent");
        assertThat(s.count(Table.EVENTS)).isZero();
        assertThat(s.marks()).isEmpty();
    }

    @Test
    default void queriesFilterByAgent() {
        Store s = shippedStore();
        s.writeShipped(List.of(batch("a1", 1, 3), batch("b2", 1, 2)), 1);
        assertThat(s.events(new Queries.Events(null, null, 0, Long.MAX_VALUE, 100, "a1"))).hasSize(3).allMatch(e -> e.agent().equals("a1"));
        assertThat(s.events(new Queries.Events(null, null, 0, Long.MAX_VALUE, 100, null))).hasSize(5);
        assertThat(s.history(new Queries.History("arena", T0, T0 + 10_000, 1, "b2"))).hasSize(1);
        assertThat(s.history(new Queries.History("arena", T0, T0 + 10_000, 1))).hasSize(1)
                .allSatisfy(p -> assertThat(p.packets()).isEqualTo(200));
    }
}
