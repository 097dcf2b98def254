package netwarden.engine.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FlowTableTest {
    @Test
    void evictsAFlowNotSeenAgainBeforeOneSeenAgainAndCountsIt() {
        var t = new FlowTable(3);
        Flow a = t.create(1, null, 0, 1);
        t.create(1, null, 0, 2);
        t.create(1, null, 0, 3);
        t.touch(a);
        t.create(1, null, 0, 4);
        assertThat(t.get(1, 0, 2)).isNull();
        assertThat(t.get(1, 0, 1)).isSameAs(a);
        assertThat(t.size()).isEqualTo(3);
        assertThat(t.evictions()).isEqualTo(1);
    }

    @Test
    void aFloodOfNewSourcesCannotEvictPlayers() {
        var t = new FlowTable(100);
        Flow player = t.create(1, null, 9, 9);
        player.joinedAt = 1;
        for (long i = 0; i < 200_000; i++) t.create(1, null, 1, i);
        assertThat(t.get(1, 9, 9)).isSameAs(player);
        assertThat(player.evicted).isFalse();
        assertThat(t.size()).isEqualTo(100);
        assertThat(t.evictions()).isEqualTo(200_000 - 100 + 1);
        assertThat(t.evictedPlayers()).isZero();
    }

    @Test
    void keyedTableRemovalKeepsEveryOtherKeyReachable() {
        var t = new FlowTable(10_000);
        Flow[] all = new Flow[5_000];
        for (int i = 0; i < all.length; i++) all[i] = t.create(i % 7, null, i * 31L, i);
        for (int i = 0; i < all.length; i += 2) t.remove(all[i]);
        for (int i = 0; i < all.length; i++) {
            Flow f = t.get(i % 7, i * 31L, i);
            if (i % 2 == 0) assertThat(f).isNull(); else assertThat(f).isSameAs(all[i]);
        }
        assertThat(t.size()).isEqualTo(2_500);
    }
}
